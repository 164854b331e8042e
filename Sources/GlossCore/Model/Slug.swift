import Foundation

/// A stable, URL-safe id made from a term: `"Mesa-Optimization"` → `"mesa-optimization"`,
/// `"Artificial General Intelligence (AGI)"` → `"artificial-general-intelligence-agi"`.
public func slug(_ text: String) -> String {
    var text = text
    return text.withUTF8(asciiSlug) ?? foldedSlug(text)
}

/// `slug` of ASCII text (nearly every term), nil for other text: folding only lowercases and
/// the alphanumerics are [A-Za-z0-9], so the bytes are walked directly; the result is the
/// same as `foldedSlug`'s.
private func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    return String(unsafeUninitializedCapacity: bytes.count) { out in
        var count = 0
        var pendingDash = false
        for byte in bytes {
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                if pendingDash && count > 0 {
                    out[count] = 45
                    count += 1
                }
                pendingDash = false
                out[count] = lower
                count += 1
            } else {
                pendingDash = true
            }
        }
        return count
    }
}

/// `slug` through Foundation's folding, for any text (the ASCII path must agree with it).
func foldedSlug(_ text: String) -> String {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var result = ""
    var pendingDash = false
    for scalar in folded.unicodeScalars {
        if CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII {
            if pendingDash && !result.isEmpty { result.append("-") }
            pendingDash = false
            result.unicodeScalars.append(scalar)
        } else {
            pendingDash = true
        }
    }
    return result
}
