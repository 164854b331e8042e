/// Everything GlossCore refuses, said for people: one case per concern, each carrying what
/// is wrong (the setting, value, parameter or card) in a reason a caller can switch on.
///
/// ```swift
/// do { try Setting.retention.apply("0.5", to: &settings) } catch {
///     print(error)   // '0.5' is not a valid retention: expected …
///     if case .settings(.invalid(let setting, _)) = error { … }
/// }
/// ```
public enum CoreError: Error, Equatable, CustomStringConvertible {
    /// A learner setting (its name, value or recorded time zone) was refused.
    case settings(SettingsProblem)
    /// A list of FSRS parameters was refused.
    case parameters(ParameterProblem)
    /// Parameters could not be fitted to the review history.
    case optimizer(OptimizerProblem)
    /// A question could not be made for a card.
    case question(QuestionProblem)

    public var description: String {
        switch self {
        case .settings(let problem): problem.description
        case .parameters(let problem): problem.description
        case .optimizer(let problem): problem.description
        case .question(let problem): problem.description
        }
    }
}
