import Foundation

/// A stable, URL-safe id made from a term: `"Mesa-Optimization"` → `"mesa-optimization"`,
/// `"Artificial General Intelligence (AGI)"` → `"artificial-general-intelligence-agi"`.
public func slug(_ text: String) -> String {
    // ASCII (nearly every term): folding only lowercases and the alphanumerics are [A-Za-z0-9],
    // so the bytes are walked directly; the result is the same as below.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                if pendingDash && !bytes.isEmpty { bytes.append(45) }
                pendingDash = false
                bytes.append(lower)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
    return foldedSlug(text)
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
