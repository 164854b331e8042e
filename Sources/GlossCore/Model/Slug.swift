import Foundation

/// A stable, URL-safe id made from a term: `"Mesa-Optimization"` → `"mesa-optimization"`,
/// `"Artificial General Intelligence (AGI)"` → `"artificial-general-intelligence-agi"`.
public func slug(_ text: String) -> String {
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
