/// Splits text into lines of at most `width` characters at spaces, each starting with
/// `indent`. Words longer than the width stand alone on their line. Newlines in the text
/// are kept as paragraph breaks.
func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
    let room = max(10, width - indent.count)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var current = ""
        for word in paragraph.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= room {
                current += " " + word
            } else {
                lines.append(indent + current)
                current = String(word)
            }
        }
        lines.append(indent + current)
    }
    return lines
}
