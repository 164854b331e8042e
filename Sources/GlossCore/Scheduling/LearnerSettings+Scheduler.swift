extension LearnerSettings {
    /// The scheduler these settings select (FSRS or SM-2), validated; FSRS counts elapsed
    /// time in the study days of `dayClock` when given (study), else in 24-hour spans.
    ///
    /// ```swift
    /// let scheduler = try settings.makeScheduler(dayClock: clock)
    /// let after = scheduler.review(before, rating: .good, at: now, card: key)
    /// ```
    public func makeScheduler(dayClock: DayClock? = nil) throws(CoreError) -> any Scheduler {
        switch algorithm {
        case .fsrs: try FSRSScheduler(settings: self, dayClock: dayClock)
        case .sm2: try SM2Scheduler(settings: self)
        }
    }
}
