import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `devices`: the learner's journals in the progress folder, one per device that studies.
struct DevicesCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "The devices studying this learner in a shared progress folder: each one's journal, answers, last answer.")

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let store = try session.progress(forReading: true)
        let journals = store.deviceJournals()
        guard !journals.isEmpty else {
            session.console.line("No answers yet: this device (\(store.device)) writes \(store.journalPath).")
            return
        }
        for line in DevicesText.lines(journals, thisDevice: store.device, now: session.now()) {
            session.console.line(line)
        }
    }
}

/// How `devices` lists the journals: one line each, this device's marked.
enum DevicesText {
    static func lines(_ journals: [DeviceJournal], thisDevice: String, now: Date) -> [String] {
        var lines: [String] = []
        for journal in journals {
            let name = journal.device ?? "(no answers yet)"
            let mark = journal.isThisDevice ? " (this device)" : journal.isConflictedCopy ? " (conflicted copy)" : ""
            let last = journal.lastAnswer.map { "last answer \(formatAgo($0, from: now))" } ?? "no answers"
            let file = URL(fileURLWithPath: journal.file).lastPathComponent
            lines.append(
                "\(name)\(mark): \(journal.answers) answer\(journal.answers == 1 ? "" : "s"), \(last) — \(file)")
        }
        if !journals.contains(where: \.isThisDevice) {
            lines.append("\(thisDevice) (this device): no answers yet")
        }
        return lines
    }
}
