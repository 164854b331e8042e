import Foundation

/// Text normalisation shared by answer matching, option distinctness and masking.
///
/// `TextFold.normalize("  Mesa-Optimización! ")` → `"mesa optimizacion"`: compatibility
/// normalisation, case and diacritic folding, apostrophes dropped, other punctuation and
/// whitespace collapsed to single spaces.
public enum TextFold {
    /// A folded word and the range of the text it came from. (A struct, not a tuple: arrays of
    /// these are made and dropped for every text of a deck, and a tuple's elements are
    /// destroyed one by one through the runtime's generic tuple code.)
    struct Word: Sendable {
        let word: String
        let range: Range<String.Index>
    }

    /// The folded, punctuation-free, single-spaced form of `text`.
    public static func normalize(_ text: String) -> String {
        joined(wordRanges(text))
    }

    /// `words`, one space between each: `normalize` of their text.
    static func joined(_ words: [Word]) -> String {
        var text = ""
        text.reserveCapacity(words.reduce(0) { $0 + $1.word.utf8.count + 1 })
        for word in words {
            if !text.isEmpty { text += " " }
            text += word.word
        }
        return text
    }

    /// The folded words of `text` (split at anything that is not a letter or digit).
    public static func words(_ text: String) -> [String] {
        wordRanges(text).map { $0.word }
    }

    /// Each folded word of `text` with the range it came from in `text`.
    static func wordRanges(_ text: String) -> [Word] {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ asciiWordRanges(text, $0) }), let ascii {
            return ascii
        }
        return scalarWordRanges(text)
    }

    /// `wordRanges` read a scalar at a time: any text.
    static func scalarWordRanges(_ text: String) -> [Word] {
        var result: [Word] = []
        var current: [UInt8] = []
        var start: String.Index?
        var last = text.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var pending = ""  // non-ASCII run awaiting Foundation folding
        func flushPending() {
            guard !pending.isEmpty else { return }
            current.append(contentsOf: fold(pending).utf8)
            pending = ""
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let v = scalar.value
            if v < 128 {
                let byte = UInt8(v)
                if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                    flushPending()
                    if start == nil { start = index }
                    current.append(byte)
                    last = next
                } else if byte >= 65 && byte <= 90 {
                    flushPending()
                    if start == nil { start = index }
                    current.append(byte + 32)
                    last = next
                } else if byte == 39, start != nil {
                    // "Goodhart's" folds to "goodharts": an apostrophe inside a word is dropped.
                } else if let begin = start {
                    flushPending()
                    result.append(Word(word: String(decoding: current, as: UTF8.self), range: begin..<last))
                    current.removeAll(keepingCapacity: true)
                    start = nil
                }
            } else if isApostrophe(scalar), start != nil {
                // Typographic apostrophes too.
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (scalar.properties.generalCategory == .nonspacingMark && start != nil)
            {
                if start == nil { start = index }
                pending.unicodeScalars.append(scalar)
                last = next
            } else if let begin = start {
                flushPending()
                result.append(Word(word: String(decoding: current, as: UTF8.self), range: begin..<last))
                current.removeAll(keepingCapacity: true)
                start = nil
            }
            index = next
        }
        if let begin = start {
            flushPending()
            result.append(Word(word: String(decoding: current, as: UTF8.self), range: begin..<last))
        }
        return result.filter { !$0.word.isEmpty }
    }

    /// `wordRanges` of a text all in ASCII (nil otherwise), read on its UTF-8 bytes: the same
    /// words and ranges, without decoding a scalar at a time (a deck's texts are read this way
    /// once per study, and a scalar at a time took most of building its question index).
    static func asciiWordRanges(
        _ text: String, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> [Word]? {
        guard ByteCursor.isASCII(bytes) else { return nil }
        var result: [Word] = []
        let utf8 = text.utf8
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90)
        }
        func add(_ start: Int, _ end: Int, plain: Bool) {
            // The word's letters lowercased, an apostrophe inside it dropped (a word of
            // lowercase letters and digits alone, most of them, is its own bytes).
            let word =
                plain
                ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                : String(unsafeUninitializedCapacity: end - start) { out in
                    var count = 0
                    for i in start..<end where bytes[i] != 39 {
                        let byte = bytes[i]
                        out[count] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                        count += 1
                    }
                    return count
                }
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            result.append(Word(word: word, range: lower..<utf8.index(lower, offsetBy: end - start)))
        }
        var i = 0
        let count = bytes.count
        while i < count {
            guard isWordByte(bytes[i]) else {
                i += 1
                continue
            }
            let start = i
            var end = i  // after the word's last letter or digit
            var plain = true
            while i < count {
                let byte = bytes[i]
                if isWordByte(byte) {
                    if byte <= 90 && byte >= 65 { plain = false }
                    i += 1
                    end = i
                } else if byte == 39 {
                    plain = false
                    i += 1
                } else {
                    break
                }
            }
            add(start, end, plain: plain)
        }
        return result
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    /// Compatibility form, then case, diacritic and width folding, keeping letters and digits.
    private static func fold(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var kept = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            kept.append(scalar)
        }
        return String(kept)
    }
}
