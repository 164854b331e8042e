import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Every way of reading a journal checks its lines alike (`JournalLineCheck`): fed the same
/// faulty journal, a forward read, a backward read from the end, a read in 1, 2 or 5 parts,
/// `records(since:)` and `latestUnrevoked` give the same error (file, line, text), or the
/// same records and the same torn last line.
@Suite struct JournalReadingPathsTests {
    /// What one read gave.
    struct Outcome: Equatable, CustomStringConvertible {
        var error: ProgressProblem?
        var seqs: [Int] = []
        var torn: Journal.Torn?
        var missingNewline = false

        var description: String {
            if let error { return "error \(error)" }
            return "\(seqs.count) records \(seqs.first ?? 0)...\(seqs.last ?? 0), torn \(String(describing: torn)), "
                + "missing newline \(missingNewline)"
        }
    }

    /// A fault and what it does to the journal's lines (each without its newline); `end` is
    /// what follows the last newline.
    struct Fault: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (inout [String], inout String) -> Void
        var testDescription: String { name }
    }

    /// A journal as an undoing learner leaves it, 40 lines: each answer followed by its
    /// revocation, so that every backward read (`latestUnrevoked` too) reads to the start.
    static let lines: [String] = {
        let answers = RandomRecords.journal(seed: 17, count: 80).filter { $0.kind != .revoke }.prefix(20)
        var records: [ReviewRecord] = []
        for answer in answers {
            var answer = answer
            answer.seq = records.count + 1
            records.append(answer)
            records.append(answer.revocation(seq: records.count + 1))
        }
        return records.map { String(decoding: (try? JournalLine.encode($0)) ?? [], as: UTF8.self) }
    }()

    static let long = String(repeating: "x", count: Journal.maxLineLength + 1)

    static let faults: [Fault] = [
        Fault(name: "none") { _, _ in },
        Fault(name: "blank lines") { lines, _ in
            lines.insert("", at: 0)
            lines.insert(" \t\r", at: 11)
            lines.append("  ")
        },
        Fault(name: "an over-long line in the middle") { lines, _ in lines.insert(long, at: 20) },
        Fault(name: "an over-long last line, terminated") { lines, _ in lines.append(long) },
        Fault(name: "an over-long last line, unterminated") { _, end in end = long },
        Fault(name: "a torn last line, unterminated") { lines, end in end = String(lines.removeLast().prefix(50)) },
        Fault(name: "a torn last line, terminated") { lines, _ in
            let last = lines.removeLast()
            lines.append(String(repeating: "\0", count: 40) + last.dropFirst(40))
        },
        Fault(name: "a last record without its newline") { lines, end in end = lines.removeLast() },
        Fault(name: "a gap in the numbers") { lines, _ in lines.remove(at: 20) },
        Fault(name: "a gap after the first line") { lines, _ in lines.remove(at: 1) },
        Fault(name: "a duplicated line") { lines, _ in lines.insert(lines[20], at: 20) },
        Fault(name: "a duplicated last line") { lines, _ in lines.append(lines[39]) },
        Fault(name: "a first record that is not 1") { lines, _ in lines.removeFirst(3) },
        Fault(name: "a first record that is not 1, after blank lines") { lines, _ in
            lines.removeFirst(3)
            lines.insert(contentsOf: ["", " "], at: 0)
        },
        Fault(name: "a bad first line") { lines, _ in lines[0] = String(lines[0].dropLast(3)) + "xyz}" },
        Fault(name: "a bad line in the middle") { lines, _ in lines[17] = String(lines[17].dropLast(3)) + "xyz}" },
        Fault(name: "a bad line before the last") { lines, _ in lines[38] = String(lines[38].dropLast(3)) + "xyz}" },
        Fault(name: "a last line that is JSON but no record") { lines, _ in lines.append(#"{"not":"a record"}"#) },
        Fault(name: "a last line not JSON, then a blank line") { lines, _ in lines += ["{\"v\":2,\"seq\":41,", ""] },
    ]

    /// Writes the journal with `fault` and reads it every way; returns its path and what
    /// each read gave, the forward read's first.
    func readEveryWay(_ fault: Fault) throws -> (path: String, outcomes: [(name: String, outcome: Outcome)]) {
        var lines = Self.lines
        var end = ""
        fault.edit(&lines, &end)
        let path = try makeProgressFolder().appendingPathComponent("t.reviews.jsonl").path
        try Data((lines.map { $0 + "\n" }.joined() + end).utf8).write(to: URL(fileURLWithPath: path))
        let journal = try #require(try Journal.open(path))
        defer { journal.close() }
        func outcome(_ read: () throws -> Outcome) -> Outcome {
            do { return try read() } catch StoreError.progress(let problem) { return Outcome(error: problem) } catch {
                return Outcome(error: .io(file: "\(error)", operation: "", errno: 0))
            }
        }
        var records: [ReviewRecord] = []
        let forward = outcome {
            records = []
            let scan = try journal.forEach { records.append($0) }
            return Outcome(seqs: records.map(\.seq), torn: scan.torn, missingNewline: scan.missingNewline)
        }
        var outcomes: [(name: String, outcome: Outcome)] = [("forward", forward)]
        outcomes.append(
            (
                "scan",
                outcome {
                    let scan = try journal.scan()
                    #expect(scan.offsets.count == scan.records.count)
                    return Outcome(seqs: scan.records.map(\.seq), torn: scan.torn, missingNewline: scan.missingNewline)
                }
            ))
        outcomes.append(
            (
                "tail",
                outcome {
                    let tail = try journal.tail(after: 0)
                    #expect(tail.lastSeq == tail.records.last?.seq ?? 0)
                    return Outcome(seqs: tail.records.map(\.seq), torn: tail.torn, missingNewline: tail.missingNewline)
                }
            ))
        for parts in [1, 2, 5] {
            for concurrently in [true, false] {
                outcomes.append(
                    (
                        "\(parts) parts" + (concurrently ? "" : " in turn"),
                        outcome {
                            let folded = try journal.fold(
                                parts: parts, minimumPartBytes: 1, concurrently: concurrently, start: { [Int]() },
                                add: { $0.append($1.seq) })
                            #expect(folded.parts.count == parts)
                            return Outcome(
                                seqs: folded.parts.flatMap { $0 }, torn: folded.scan.torn,
                                missingNewline: folded.scan.missingNewline)
                        }
                    ))
            }
        }
        // These two say nothing of the last line: compared with the forward read's records.
        var expected = forward
        expected.torn = nil
        expected.missingNewline = false
        outcomes.append(("records(since:), as forward", expected))
        outcomes.append(("records(since:)", outcome { Outcome(seqs: try journal.records(since: .distantPast).map(\.seq)) }))
        if forward.error == nil {
            let revoked = Set(records.compactMap(\.revokes))
            expected.seqs = records.last { $0.kind != .revoke && !revoked.contains($0.seq) }.map { [$0.seq] } ?? []
        }
        outcomes.append(("latestUnrevoked, as forward", expected))
        outcomes.append(("latestUnrevoked", outcome { Outcome(seqs: try journal.latestUnrevoked().map { [$0.seq] } ?? []) }))
        return (path, outcomes)
    }

    @Test(arguments: faults) func everyReadGivesTheSameErrorOrTheSameRecords(_ fault: Fault) throws {
        let (_, outcomes) = try readEveryWay(fault)
        let forward = outcomes[0].outcome
        for (name, outcome) in outcomes.dropFirst() where !name.hasPrefix("records(since:)") && !name.hasPrefix("latest") {
            #expect(outcome == forward, "\(name)")
        }
        for pair in ["records(since:)", "latestUnrevoked"] {
            let expected = try #require(outcomes.first { $0.name == "\(pair), as forward" }).outcome
            #expect(try #require(outcomes.first { $0.name == pair }).outcome == expected, "\(pair)")
        }
    }

    /// What the forward read (and so every read) gives, fault by fault.
    @Test func eachFaultGivesItsOwnErrorOrTornLine() throws {
        func forward(_ name: String) throws -> (path: String, outcome: Outcome) {
            let fault = try #require(Self.faults.first { $0.name == name })
            let (path, outcomes) = try readEveryWay(fault)
            return (path, outcomes[0].outcome)
        }
        func unreadable(_ name: String, line: Int, _ problem: String) throws {
            let (path, outcome) = try forward(name)
            #expect(outcome == Outcome(error: .unreadable(file: path, line: line, problem: problem)), "\(name)")
        }
        let size = Self.lines.map { $0.utf8.count + 1 }.reduce(0, +)
        let lastStart = size - Self.lines[39].utf8.count - 1
        #expect(try forward("none").outcome == Outcome(seqs: Array(1...40)))
        #expect(try forward("blank lines").outcome == Outcome(seqs: Array(1...40)))
        try unreadable("an over-long line in the middle", line: 21, Journal.overlongProblem)
        try unreadable("an over-long last line, terminated", line: 41, Journal.overlongProblem)
        #expect(
            try forward("an over-long last line, unterminated").outcome
                == Outcome(seqs: Array(1...40), torn: Journal.Torn(offset: size, length: Self.long.utf8.count)))
        #expect(
            try forward("a torn last line, unterminated").outcome
                == Outcome(seqs: Array(1...39), torn: Journal.Torn(offset: lastStart, length: 50)))
        #expect(
            try forward("a torn last line, terminated").outcome
                == Outcome(seqs: Array(1...39), torn: Journal.Torn(offset: lastStart, length: size - lastStart)))
        #expect(try forward("a last record without its newline").outcome == Outcome(seqs: Array(1...40), missingNewline: true))
        try unreadable("a gap in the numbers", line: 21, "answer number 22 follows 20; numbers must go up by one")
        try unreadable("a gap after the first line", line: 2, "answer number 3 follows 1; numbers must go up by one")
        try unreadable("a duplicated line", line: 22, "answer number 21 follows 21; numbers must go up by one")
        try unreadable("a duplicated last line", line: 41, "answer number 40 follows 40; numbers must go up by one")
        try unreadable("a first record that is not 1", line: 1, Journal.missingStart(4))
        try unreadable("a first record that is not 1, after blank lines", line: 3, Journal.missingStart(4))
        for (name, line) in [
            ("a bad first line", 1), ("a bad line in the middle", 18), ("a bad line before the last", 39),
            ("a last line that is JSON but no record", 41), ("a last line not JSON, then a blank line", 41),
        ] {
            let (path, outcome) = try forward(name)
            guard case .unreadable(let file, let found, let problem) = outcome.error else {
                Issue.record("\(name): \(outcome)")
                continue
            }
            #expect(file == path && found == line && !problem.isEmpty, "\(name): \(outcome)")
        }
    }
}

extension JournalReadingPathsTests {
    /// A bad line that start-up does not read (before the snapshot's point, same length) is
    /// an error of the day's answers, naming file and line, never an answer left out.
    @Test func theDaysAnswersNameABadLineInsteadOfSkippingIt() throws {
        let folder = try makeProgressFolder()
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            for i in 0..<50 { try store.append(answer(store, key("d", "e\(i % 7)"), at: Double(i))) }
            try store.close()
        }
        let path = ProgressStore.journalPath(folder, "ada")
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[4] = String(lines[4].dropLast(4)) + "xyz}"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let store = try ProgressStore(folder: folder, learner: "ada")
        #expect(try store.records(since: progressEpoch.addingTimeInterval(10 * 60)).count == 40)
        #expect {
            try store.records(since: progressEpoch)
        } throws: { error in
            guard case .progress(.unreadable(let file, let line, _)) = error as? StoreError else { return false }
            return file == path && line == 5
        }
        try store.close()
    }

    /// A backward read of a journal many blocks long (the reader takes 64 KiB at a time)
    /// gives every line whole, those across a block's edge too, last first: the records are
    /// the forward read's, reversed.
    @Test func aBackwardReadAcrossManyBlocksGivesEveryLineWhole() throws {
        var records = RandomRecords.journal(seed: 5, count: 3_000).filter { $0.kind != .revoke }
        for i in records.indices { records[i].seq = i + 1 }
        let lines = try records.map { String(decoding: try JournalLine.encode($0), as: UTF8.self) }
        let path = try makeProgressFolder().appendingPathComponent("t.reviews.jsonl").path
        let text = lines.map { $0 + "\n" }.joined()
        #expect(text.utf8.count > 4 << 16, "the journal spans several blocks")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let journal = try #require(try Journal.open(path))
        defer { journal.close() }
        var seen: [String] = []
        try journal.backward { line, _, _ in
            seen.append(line.map { String(decoding: $0, as: UTF8.self) } ?? "(too long)")
            return true
        }
        #expect(seen == lines.reversed())
        var forward: [ReviewRecord] = []
        _ = try journal.forEach { forward.append($0) }
        #expect(try journal.records(since: .distantPast).map(\.seq) == forward.map(\.seq))
        #expect(forward.count == records.count)
    }
}
