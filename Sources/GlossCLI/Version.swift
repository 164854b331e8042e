/// gloss's version, as `gloss --version` prints it and the man page shows it.
enum GlossVersion {
    static let number = "0.2.0"
}
