/// What a ``WorkloadSimulation`` forecasts: answers, minutes and memorised entries per day.
public struct WorkloadForecast: Hashable, Codable, Sendable {
    /// One forecast day (day 0 is today).
    public struct Day: Hashable, Codable, Sendable {
        public var day: Int
        /// The study day, `yyyy-MM-dd`.
        public var date: String
        /// Answers given that day: reviews, learning steps and new cards' answers.
        public var reviews: Int
        /// New cards started that day.
        public var newCards: Int
        /// Minutes the answers take (each at the learner's time for its format).
        public var minutes: Double
        /// Entries memorised after the session: the sum over cards of their true
        /// retrievability, each card counting 1 / (its entry's cards); nil on the days it was
        /// not counted (``WorkloadSimulation/memorisedDaily``).
        public var memorised: Double?
        /// Due reviews left for the next day by the daily review limit.
        public var backlog: Int

        public init(
            day: Int, date: String, reviews: Int, newCards: Int, minutes: Double, memorised: Double?, backlog: Int
        ) {
            self.day = day
            self.date = date
            self.reviews = reviews
            self.newCards = newCards
            self.minutes = minutes
            self.memorised = memorised
            self.backlog = backlog
        }
    }

    public var retention: Double
    public var newPerDay: Int
    public var days: [Day]

    public init(retention: Double, newPerDay: Int, days: [Day]) {
        self.retention = retention
        self.newPerDay = newPerDay
        self.days = days
    }

    /// Mean answers a day over the forecast.
    public var averageReviews: Double {
        days.isEmpty ? 0 : Double(days.reduce(0) { $0 + $1.reviews }) / Double(days.count)
    }

    /// Mean minutes a day over the forecast.
    public var averageMinutes: Double {
        days.isEmpty ? 0 : days.reduce(0) { $0 + $1.minutes } / Double(days.count)
    }

    /// Entries memorised on the last day.
    public var memorisedAtEnd: Double { days.last?.memorised ?? 0 }
}
