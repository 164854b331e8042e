import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `simulate`: what the current learner's cards will cost per day, and what they keep.
struct SimulateCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Forecast your reviews and minutes per day, and the entries you keep, for the days ahead.",
        discussion:
            "Your cards as they stand, studied every day by a simulated learner with your FSRS parameters, settings and answer times (your median per question format over the last 30 days; else a default per format). Also a table of desired retention against workload. Reads without the lock."
    )

    /// The desired retentions the table compares (the learner's own is added).
    static let tableRetentions = [0.80, 0.85, 0.90, 0.95]
    /// How far back answer times are taken from.
    static let answerTimeDays = 30.0

    @Option(name: .long, help: "Days to forecast, 1–3650.")
    var days = 365

    @Option(name: .customLong("new-per-day"), help: "New cards a day (default: your new-per-day setting).")
    var newPerDay: Int?

    @Option(name: .long, help: ArgumentHelp("Desired retention, \(Setting.retention.allowed) (default: your setting)."))
    var retention: Double?

    @Option(name: .long, help: "Only this deck (default: every deck).")
    var deck: String?

    @Flag(help: "Print the forecast as JSON (one object per day, and the retention table).")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...3650).contains(days) else { throw ValidationError("--days must be 1–3650, not \(days)") }
        if let newPerDay, newPerDay < 0 || newPerDay > 9999 {
            throw ValidationError("--new-per-day must be 0–9999, not \(newPerDay)")
        }
        if let retention, !LearnerSettings.retentionRange.contains(retention) {
            throw ValidationError("--retention must be \(Setting.retention.allowed), not \(retention)")
        }
    }

    func run(in session: Session) throws {
        let decks = try deck.map { [try session.resolveDeck($0)] } ?? session.library.decks
        let store = try session.progress(forReading: true)
        let now = session.now()
        var settings = store.settings
        if let retention { settings.desiredRetention = retention }
        let cards = decks.flatMap { DeckCards.of($0).map(\.key) }.map { ($0, store.state.cards[$0] ?? .new) }
        var times = ResponseTimes()
        for record in try store.records(since: now.addingTimeInterval(-Self.answerTimeDays * 86_400)) {
            if let format = record.format { times.add(Double(record.responseMs) / 1000, format: format) }
        }
        var simulation = WorkloadSimulation(cards: cards, settings: settings, now: now, clock: session.dayClock(settings))
        simulation.days = days
        simulation.newPerDay = newPerDay ?? settings.newPerDay
        simulation.seed = global.seed ?? 1
        for format in QuestionFormat.allCases {
            if let median = times.median(for: format) { simulation.secondsPerAnswer[format] = median }
        }
        let others = Self.tableRetentions.filter { abs($0 - settings.desiredRetention) > 1e-9 }
        let (forecast, otherRuns) = try simulation.runWithTable(others)
        let table = (otherRuns + [forecast]).sorted { $0.retention < $1.retention }
        if json {
            session.console.line(try Self.json(forecast, table: table, learner: session.learner))
            return
        }
        let new = cards.filter { $0.1.phase == .new }.count
        let measured = QuestionFormat.allCases.filter { simulation.secondsPerAnswer[$0] != nil }
        session.console.line(
            "Forecast for \(session.learner): \(cards.count) cards (\(new) new) over \(days) day\(days == 1 ? "" : "s").")
        let window = "your last \(Int(Self.answerTimeDays)) days"
        let rest = measured.count < QuestionFormat.allCases.count ? "; other formats the defaults." : "."
        session.console.wrapped(
            measured.isEmpty
                ? "Answer times: the defaults (no format has \(ResponseTimes.minimumSamples) answers in \(window))."
                : "Answer times (your median over \(window)): "
                    + measured.map { "\($0.rawValue) \(String(format: "%.1f", simulation.seconds(for: $0))) s" }
                    .joined(separator: ", ") + rest)
        session.console.line("")
        for line in forecast.text(width: session.console.width) { session.console.line(line) }
        session.console.line("")
        for line in WorkloadForecast.retentionTable(table, current: settings.desiredRetention) {
            session.console.line(line)
        }
    }

    /// `{"learner", "retention", "newPerDay", "days": [...], "retentionTable": [...]}`.
    static func json(_ forecast: WorkloadForecast, table: [WorkloadForecast], learner: String) throws -> String {
        struct Row: Encodable {
            var retention: Double
            var averageReviews: Double
            var averageMinutes: Double
            var memorisedAtEnd: Double
            var backlogAtEnd: Int
        }
        struct Output: Encodable {
            var learner: String
            var retention: Double
            var newPerDay: Int
            var days: [WorkloadForecast.Day]
            var retentionTable: [Row]
        }
        let output = Output(
            learner: learner, retention: forecast.retention, newPerDay: forecast.newPerDay, days: forecast.days,
            retentionTable: table.map {
                Row(
                    retention: $0.retention, averageReviews: $0.averageReviews, averageMinutes: $0.averageMinutes,
                    memorisedAtEnd: $0.memorisedAtEnd, backlogAtEnd: $0.days.last?.backlog ?? 0)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}
