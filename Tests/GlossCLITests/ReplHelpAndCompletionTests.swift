import Foundation
import Testing

@testable import GlossCLI

/// The REPL's `help`, pinned at 80 columns: wrapped abstracts hang after their names, and
/// the exit statuses close it.
@Test func helpIsPinnedAtEightyColumns() {
    let lines = REPL.helpLines(width: 80)
    for line in lines { #expect(line.count <= 80, "too wide: \(line)") }
    #expect(
        lines.joined(separator: "\n") == """
            Commands:
              study        Study what is due today in the current deck (or --all decks).
              quiz         A quick quiz of N questions (default 10); practice that leaves
                           the schedule alone.
              due          One line for a shell prompt or a notifier: what is due now and
                           about how long it takes.
              leeches      The cards you keep forgetting (leech-threshold lapses or more),
                           with their explanation and confusions.
              unsuspend    Bring a suspended leech back into study (or --all of them).
              devices      The devices studying this learner in a shared progress folder:
                           each one's journal, answers, last answer.
              undo         Undo the last answer (or the last N); the log keeps a record of
                           the undo.
              stats        Show progress: today, streaks, cards, retention, forecast,
                           heatmap, hardest terms.
              export       Export progress: terms or reviews as CSV, reviews or summary as
                           JSON, a Markdown or HTML report.
              show         Show an entry: definition, explanation, related terms.
              search       Find entries whose term or definition has all the words.
              decks        List the decks, marking the current one.
              learner      List the learners and their last study day, or switch to one (a
                           new one with --new).
              where        Show which decks and progress folders are in use, and why.
              settings     Show the current learner's settings.
              set          Change a setting: set KEY VALUE (see 'settings').
              import       Import a glossary (CSV/TSV, Quizlet, Anki text or .apkg/.colpkg
                           with its reviews, a saved glossary page, JSON) as a deck.
              export-deck  Write a deck for other tools: apkg (an Anki package), anki (notes
                           text), csv, json or md.
              add          Add an entry to the current deck: asks for term, definition,
                           explanation, related terms, aliases, tags.
              edit         Open $EDITOR at an entry, then reload the deck and lint the
                           entry.
              link         Relate two entries (both ways): link "TERM A" "TERM B".
              lint         Check deck files: duplicates, empty definitions, broken, one-way
                           or missing links, giveaways.
              questions    Preview the questions gloss writes from a deck (nothing is
                           recorded).
              optimize     Fit the FSRS parameters to your own review history (or a CSV
                           review log).
              evaluate     How well the FSRS parameters predict your history: log loss and
                           RMSE(bins), in and out of sample, and per question format.
              simulate     Forecast your reviews and minutes per day, and the entries you
                           keep, for the days ahead.
              replay       Replay an FSRS review log
                           (card_id,review_rating,review_time,review_duration) and print
                           each state.
              rebuild      Recompute every card state from the review log (the source of
                           truth).
              doctor       Check the learner's progress files: snapshot vs. log, orphaned
                           cards, lock, torn lines.
              help         List commands, or show one command's help: help [COMMAND].
              use          Make a deck the current one: use DECK.
              quit         Leave gloss (also: exit, Ctrl-D).
            Type 'help COMMAND' for its options. Tab completes commands, decks and terms.
            Exit status: 0 ok · 1 warnings where asked (lint --strict, doctor finding
            problems) · 2 usage or input error (unknown command, bad value, unknown deck or
            term) · 3 progress refused (locked by another gloss, unreadable, or newer than
            this gloss).
            """)
}

@Test func helpWrapsToANarrowTerminal() {
    let lines = REPL.helpLines(width: 50)
    // Only a word longer than the room may stick out, alone on its line.
    for line in lines where line.count > 50 {
        #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "too wide: \(line)")
    }
    #expect(lines.contains("  quiz         A quick quiz of N questions"))
    #expect(lines.contains("               (default 10); practice that leaves"))
}

@Test func oneTabCompletesAsFarAsTheCandidatesAgreeInAnyCase() {
    // Only a change of case is no completion: the line stays as typed, the next Tab lists.
    #expect(completedLine("show re", candidates: ["show Red Teaming", "show Reward Hacking"]) == "show re")
    #expect(completedLine("show Re", candidates: ["show Red Teaming", "show Reward Hacking"]) == "show Re")
    #expect(completedLine("show rew", candidates: ["show Reward Hacking", "show Reward Model"]) == "show Reward ")
    #expect(completedLine("show mesa", candidates: ["show Mesa-Optimization"]) == "show Mesa-Optimization")
    #expect(completedLine("st", candidates: ["stats ", "study "]) == "st")
}

@Test func commandsStartingAlikeAreAllCandidates() {
    let completer = Completer(commands: REPL.commandNames, deckNames: [], terms: [])
    #expect(completer.complete("st") == ["stats ", "study "])
}

@Test(
    "one-shot unknown commands are found past the global options",
    arguments: [
        (["stduy"], "stduy"),
        (["--learner", "ann", "stduy", "--all"], "stduy"),
        (["--no-color", "--now=2026-01-01T00:00:00Z", "stat"], "stat"),
        (["study"], nil),
        (["help", "study"], nil),
        (["--help"], nil),
        ([], nil),
    ] as [([String], String?)])
func unknownOneShotCommands(arguments: [String], expected: String?) {
    #expect(GlossMain.unknownCommand(in: arguments) == expected)
}
