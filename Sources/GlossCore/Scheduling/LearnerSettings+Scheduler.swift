extension LearnerSettings {
    /// The scheduler these settings select (FSRS or SM-2), validated.
    ///
    /// ```swift
    /// let scheduler = try settings.makeScheduler()
    /// let after = scheduler.review(before, rating: .good, at: now, card: key)
    /// ```
    public func makeScheduler() throws(SettingsError) -> any Scheduler {
        switch algorithm {
        case .fsrs: try FSRSScheduler(settings: self)
        case .sm2: try SM2Scheduler(settings: self)
        }
    }
}
