import ArgumentParser
import Foundation
import GlossCore
import Testing

@testable import GlossCLI

/// The decks are parsed when a command first needs them, and the current deck comes out as
/// it did when they were parsed at the start.
@Suite struct SessionLazyDecksTests {
    func session(_ folder: URL, deck: DeckID? = nil) throws -> Session {
        let options = try GlobalOptions.parse([
            "--decks", folder.appendingPathComponent("Decks").path, "--progress",
            folder.appendingPathComponent("Progress").path,
        ])
        let console = Console(color: false, width: 80, out: { _ in }, err: { _ in })
        return try Session(options: options, console: console, library: nil, currentDeck: deck)
    }

    @Test func theDecksAreLoadedOnFirstUseAndTheFirstDeckIsCurrent() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let session = try session(folder)
        #expect(!session.isLibraryLoaded)
        #expect(session.currentDeck == DeckID("ai-safety"))
        #expect(session.isLibraryLoaded)
        #expect(session.library.decks.map(\.id) == [DeckID("ai-safety")])
    }

    @Test func aDeckAskedForIsKeptWhenTheFolderHasItElseTheFirst() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        #expect(try session(folder, deck: "ai-safety").currentDeck == DeckID("ai-safety"))
        #expect(try session(folder, deck: "gone").currentDeck == DeckID("ai-safety"))
        let set = try session(folder, deck: "gone")
        set.currentDeck = "other"
        #expect(set.currentDeck == DeckID("other"))
    }

    @Test func decksAdoptedBeforeLoadingResolveTheDeckAskedFor() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let session = try session(folder, deck: "gone")
        session.adopt(DeckLibrary.load(folder: folder.appendingPathComponent("Decks").path))
        #expect(session.currentDeck == DeckID("ai-safety"))
    }

    @Test func aFolderWithoutDecksHasNoCurrentDeck() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Decks"), withIntermediateDirectories: true)
        let session = try session(folder, deck: "ai-safety")
        #expect(session.currentDeck == nil)
        #expect(session.library.decks.isEmpty)
    }
}
