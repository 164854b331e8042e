import Testing

@testable import GlossCore

/// The words and ranges of `text` as UTF-8 offsets, to compare two readings of it.
private func offsets(_ words: [TextFold.Word], in text: String) -> [String] {
    words.map { word in
        let start = text.utf8.distance(from: text.utf8.startIndex, to: word.range.lowerBound)
        let end = text.utf8.distance(from: text.utf8.startIndex, to: word.range.upperBound)
        return "\(word.word)@\(start)..<\(end)"
    }
}

@Test(
    "an ASCII text is split on its bytes into the words a scalar-at-a-time reading finds",
    arguments: [
        "Goodhart's law", "'quoted' words", "don't", "dogs' bowls", "''", "A1b2 C3", "", "   ",
        "Mesa-Optimization (MO): a learned optimizer.", "RLHF, DPO & co.\nNext line\ttab", "x'y'z'",
    ])
func asciiWords(text: String) throws {
    let fast = try #require(text.utf8.withContiguousStorageIfAvailable { TextFold.asciiWordRanges(text, $0) })
    let words = try #require(fast)
    #expect(offsets(words, in: text) == offsets(TextFold.scalarWordRanges(text), in: text))
    #expect(offsets(TextFold.wordRanges(text), in: text) == offsets(words, in: text))
}

@Test func asciiWordsMatchTheScalarReadingOnRandomTexts() throws {
    let alphabet = Array("abcXYZ019 '-.,()_\n\t\"")
    var random = SplitMix64(seed: 17)
    for _ in 0..<2_000 {
        let length = Int.random(in: 0...40, using: &random)
        let text = String((0..<length).map { _ in alphabet[Int.random(in: alphabet.indices, using: &random)] })
        let fast = try #require(text.utf8.withContiguousStorageIfAvailable { TextFold.asciiWordRanges(text, $0) })
        let words = try #require(fast, "\(text.debugDescription) is ASCII")
        #expect(offsets(words, in: text) == offsets(TextFold.scalarWordRanges(text), in: text), "\(text.debugDescription)")
    }
}

@Test func aTextBeyondASCIIIsReadAScalarAtATime() throws {
    for text in ["Mesa-Optimización", "Goodhart’s law", "ｆｕｌｌ", "e\u{301}tude"] {
        let fast = try #require(text.utf8.withContiguousStorageIfAvailable { TextFold.asciiWordRanges(text, $0) })
        #expect(fast == nil, "\(text)")
        #expect(offsets(TextFold.wordRanges(text), in: text) == offsets(TextFold.scalarWordRanges(text), in: text))
    }
    #expect(TextFold.words("Mesa-Optimización") == ["mesa", "optimizacion"])
}

@Test func anASCIIWordStemsOnItsBytesAsOnItsCharacters() {
    // Words built of the suffixes' letters, so that every suffix and the final e turn up.
    let letters = Array("aeinostrzdmy")
    var random = SplitMix64(seed: 23)
    for _ in 0..<5_000 {
        let length = Int.random(in: 0...12, using: &random)
        let word = String((0..<length).map { _ in letters[Int.random(in: letters.indices, using: &random)] })
        #expect(Stem.of(word) == Stem.unicodeStem(word), "\(word)")
    }
    #expect(Stem.of("optimizations") == "optim")
    #expect(Stem.of("policies") == "policy")
    #expect(Stem.of("cafés") == Stem.unicodeStem("cafés"))
}

@Test func normalizeIsTheWordsJoinedBySpaces() {
    for text in ["  Mesa-Optimización! ", "Goodhart’s   LAW", "a", "", "--x--y"] {
        #expect(TextFold.normalize(text) == TextFold.words(text).joined(separator: " "))
    }
}
