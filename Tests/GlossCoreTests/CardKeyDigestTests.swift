import Foundation
import Testing

@testable import GlossCore

/// A card key's digest is the FNV-1a hash of its text, kept true through changes, and the
/// key's equality, hash, fuzz seeds and coding are as if it had none.
@Suite struct CardKeyDigestTests {
    static let keys = [
        CardKey(deck: "ai-safety", entry: "mesa-optimization", facet: .recall),
        CardKey(deck: "ai-safety", entry: "mesa-optimization", facet: .recognize),
        CardKey(deck: "ai-safety", entry: "mesa-optimizatio", facet: .recall),
        CardKey(deck: "d", entry: "é🙂", facet: .relate),
        CardKey(deck: "a/b", entry: "c", facet: .recall),
        CardKey(deck: "a", entry: "b/c", facet: .recall),
    ]

    /// FNV-1a, byte by byte, written out again here.
    static func fnv(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    @Test func theDigestIsTheHashOfTheText() {
        for key in Self.keys { #expect(key.digest == Self.fnv(key.description)) }
        #expect(Self.fnv("") == 0xCBF2_9CE4_8422_2325)
    }

    @Test func theDigestFollowsChanges() {
        var key = Self.keys[0]
        key.entry = "other"
        #expect(key.digest == Self.fnv("ai-safety/other/recall"))
        key.deck = "d"
        key.facet = .relate
        #expect(key.digest == Self.fnv("d/other/relate"))
        #expect(key == CardKey(deck: "d", entry: "other", facet: .relate))
    }

    /// Whether a key can be stored is made with the key and follows its changes, as the rule
    /// asked of its ids says.
    @Test func storableFollowsTheIdRuleThroughChanges() {
        for key in Self.keys {
            let rule = IdentifierRule.problem(key.deck.rawValue) == nil && IdentifierRule.problem(key.entry.rawValue) == nil
            #expect(key.isStorable == rule, "\(key)")
        }
        var key = Self.keys[0]
        #expect(key.isStorable)
        key.entry = "with/slash"
        #expect(!key.isStorable)
        key.entry = "fine"
        #expect(key.isStorable)
        key.deck = "tab\there"
        #expect(!key.isStorable)
        key.deck = ""
        #expect(!key.isStorable)
        key.deck = "d"
        #expect(key.isStorable)
    }

    @Test func keysWithTheSameTextJoinedOtherwiseAreStillDifferent() {
        // "a/b" + "c" and "a" + "b/c" spell the same text, so the same digest, but are not equal.
        #expect(Self.keys[4].digest == Self.keys[5].digest)
        #expect(Self.keys[4] != Self.keys[5])
        #expect(Set(Self.keys).count == Self.keys.count)
    }

    @Test func fuzzSeedsAreThoseOfTheText() {
        for key in Self.keys {
            for reviews in [0, 1, 7, 1000] {
                #expect(FuzzSeed.of(key, reviews: reviews) == FuzzSeed.of(key.description, reviews: reviews))
            }
        }
    }

    @Test func theCodedFormHasTheThreePartsOnly() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(Self.keys[0])
        #expect(String(decoding: data, as: UTF8.self) == #"{"deck":"ai-safety","entry":"mesa-optimization","facet":"recall"}"#)
        let read = try JSONDecoder().decode(CardKey.self, from: data)
        #expect(read == Self.keys[0])
        #expect(read.digest == Self.keys[0].digest)
    }
}
