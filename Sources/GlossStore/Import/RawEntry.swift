/// One row or card as read from a source file, before ids and relations are settled.
struct RawEntry: Equatable, Sendable {
    var line: Int
    var term: String
    var definition: String
    var explanation: String = ""
    var related: [String] = []
    var aliases: [String] = []
    var tags: [String] = []
    var id: String? = nil
}
