import Testing

@testable import GlossCore

@Test(
    "masking hides names and their inflections",
    arguments: [
        ("A mesa-optimizer is a learned optimizer.", "Mesa-Optimization", "A _____ is a learned optimizer."),
        ("Mesa optimizers and mesa-optimisation.", "Mesa-Optimization", "_____ and _____."),
        ("Optimizing, optimized, optimizes, optimization.", "Optimizer", "_____, _____, _____, _____."),
        ("Red-teamers red team models.", "Red Teaming", "_____ _____ models."),
        ("Both AGI and artificial general intelligence.", "Artificial General Intelligence (AGI)", "Both _____ and _____."),
        ("Policies differ from a policy.", "Policy", "_____ differ from a _____."),
        ("Goodhart’s law says so.", "Goodhart's Law", "_____ says so."),
        ("Nothing to hide here.", "Deepfake", "Nothing to hide here."),
        ("CAFÉ and cafés.", "Café", "_____ and _____."),
    ])
func masks(text: String, term: String, expected: String) {
    let entry = Entry(id: "x", term: term, definition: text)
    #expect(Mask.apply(to: text, names: Mask.names(of: entry)) == expected)
}

@Test func maskNamesSplitParentheses() {
    let entry = Entry(id: "agi", term: "Artificial General Intelligence (AGI)", definition: "", aliases: ["strong AI"])
    #expect(
        Mask.names(of: entry) == [
            "Artificial General Intelligence (AGI)", "AGI", "Artificial General Intelligence ", "strong AI",
        ])
}

@Test(
    "text folding",
    arguments: [
        ("  Mesa-Optimización! ", "mesa optimizacion"),
        ("Goodhart’s   LAW", "goodharts law"),
        ("ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
        ("e\u{301}tude", "etude"),
        ("---", ""),
    ])
func folding(input: String, expected: String) {
    #expect(TextFold.normalize(input) == expected)
}
