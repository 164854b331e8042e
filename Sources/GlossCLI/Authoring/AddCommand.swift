import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `add`: a new entry in the current deck's file, asked for step by step (or given as options).
struct AddCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry to the current deck: asks for term, definition, explanation, related terms, aliases, tags.")

    @Option(name: .long, help: "The term (asked for when missing).")
    var term: String?

    @Option(name: .long, help: "The one-line definition (asked for when missing).")
    var definition: String?

    @Option(name: .long, help: "The explanation.")
    var explanation: String?

    @Option(name: .long, help: "Related terms, comma-separated.")
    var related: String?

    @Option(name: .long, help: "Aliases, comma-separated.")
    var aliases: String?

    @Option(name: .long, help: "Tags, comma-separated.")
    var tags: String?

    @Option(name: .long, help: "The deck (default: the current deck).")
    var deck: String?

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let deck = try session.resolveDeck(deck)
        guard let path = session.library.files[deck.id], path.hasSuffix(".md") else {
            throw ValidationError("'add' edits Markdown decks; '\(deck.id)' is not one")
        }
        let asking = term == nil || definition == nil
        let reader = session.answerReader()
        func ask(_ label: String, _ given: String?, required: Bool = false, complete: Bool = false) throws -> String {
            if let given { return given }
            guard asking else { return "" }
            while true {
                let previous = ReadlineLineReader.completer
                if complete { ReadlineLineReader.completer = { line in termCompletions(line, deck: deck) } }
                let input = reader.readLine(prompt: "\(label)> ")
                ReadlineLineReader.completer = previous
                guard case .line(let line) = input else { throw CleanExit.message("Nothing added.") }
                let value = line.trimmingCharacters(in: .whitespaces)
                if !value.isEmpty || !required { return value }
                session.console.line("\(label) is required.")
            }
        }
        let term = try ask("term", term, required: true)
        if deck.entries.contains(where: { $0.names.contains { $0.lowercased() == term.lowercased() } }) {
            throw ValidationError("'\(term)' is already in \(deck.id); use 'edit \(term)' to change it")
        }
        let definition = try ask("definition (one line)", definition, required: true)
        let explanation = try ask("explanation (optional)", explanation)
        let relatedNames = split(try ask("related terms, comma-separated (Tab completes)", related, complete: true))
        let aliasList = split(try ask("aliases, comma-separated", aliases))
        let tagList = split(try ask("tags, comma-separated", tags))
        var unknown: [String] = []
        let relatedIDs: [EntryID] = relatedNames.compactMap { name in
            let match = deck.entries.first {
                $0.id.rawValue == name.lowercased() || $0.names.contains { $0.lowercased() == name.lowercased() }
            }
            if match == nil { unknown.append(name) }
            return match?.id
        }
        if !unknown.isEmpty {
            throw ValidationError(
                "no entry named \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in \(deck.id); add those first or leave them out"
            )
        }
        let entry = Entry(
            id: EntryID(slug(term)), term: term, definition: definition, explanation: explanation,
            related: relatedIDs, aliases: aliasList, tags: tagList)
        try DeckFileWriter.update(path) { text in
            var text = DeckFileEditor.appendEntry(entry, in: deck, to: text)
            for other in relatedIDs.compactMap({ deck.entry($0) }) {
                text = try DeckFileEditor.addRelated(term, to: other.term, in: text, file: path)
            }
            return text
        }
        session.reloadDecks()
        session.console.line("Added '\(term)' to \(deck.id).")
        lintAfterEdit(path: path, session: session, entry: term)
    }

    private func split(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Completes the last comma-separated term on a line of related terms.
func termCompletions(_ line: String, deck: Deck) -> [String] {
    let head: Substring
    let last: Substring
    if let comma = line.lastIndex(of: ",") {
        head = line[...comma]
        last = line[line.index(after: comma)...]
    } else {
        head = ""
        last = Substring(line)
    }
    let typed = last.drop { $0 == " " }.lowercased()
    let spacing = head.isEmpty ? "" : " "
    return deck.entries.map(\.term).filter { $0.lowercased().hasPrefix(typed) }.sorted().map { head + spacing + $0 }
}

/// `link A B`: a symmetric relation between two entries of the current deck.
struct LinkCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Relate two entries (both ways): link \"TERM A\" \"TERM B\".")

    @Argument(help: "The first term.")
    var first: String

    @Argument(help: "The second term.")
    var second: String

    @Option(name: .long, help: "The deck (default: the current deck).")
    var deck: String?

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let deck = try session.resolveDeck(deck)
        guard let path = session.library.files[deck.id], path.hasSuffix(".md") else {
            throw ValidationError("'link' edits Markdown decks; '\(deck.id)' is not one")
        }
        try DeckFileWriter.update(path) { text in try DeckFileEditor.link(first, second, in: text, file: path) }
        session.reloadDecks()
        session.console.line("Linked '\(first)' and '\(second)'.")
        lintAfterEdit(
            path: path, session: session, entry: session.library.findEntries(first, in: [deck]).first?.entry.term ?? first)
    }
}

/// `edit TERM`: opens $EDITOR at the entry's line, then reloads and lints.
struct EditCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Open $EDITOR at an entry, then reload the deck and lint the entry.")

    @Argument(help: "The term.")
    var term: [String] = []

    @Option(name: .long, help: "The deck (default: the current deck).")
    var deck: String?

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let name = term.joined(separator: " ")
        guard !name.isEmpty else { throw ValidationError("edit needs a term, e.g. edit Deepfake") }
        let (deck, entry) = try session.findEntry(name, deck: deck)
        guard let path = session.library.files[deck.id] else { throw CLIError.unknownDeck(deck.id.rawValue, suggestion: nil) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try DeckFileEditor.headingLine(of: entry.term, in: text, file: path)
        let editor = ProcessInfo.processInfo.environment["VISUAL"] ?? ProcessInfo.processInfo.environment["EDITOR"] ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \(editor) +\(line) \"$1\"", "sh", path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            throw ValidationError("could not start the editor '\(editor)': set $EDITOR")
        }
        session.reloadDecks()
        if let problem = session.library.problems.first(where: { $0.hasPrefix((path as NSString).lastPathComponent) }) {
            session.console.error("the deck no longer loads: \(problem) — run 'edit \(entry.term)' again to fix it")
            return
        }
        session.console.line("Reloaded \(deck.id).")
        lintAfterEdit(path: path, session: session, entry: entry.term)
    }
}
