/// What an answer on a learning or relearning step does to the card.
enum StepOutcome: Equatable {
    /// Stay in (re)learning: come back after `micros`, at step `step`.
    case wait(micros: Int64, step: Int)
    /// Leave the steps for the review phase (the scheduler decides the interval).
    case graduate
}

/// The learning-step rules py-fsrs and Anki share: Again restarts, Hard repeats the step
/// (the first one 1.5× when it is the only step, else halfway to the second), Good moves
/// on or graduates after the last step, Easy graduates.
enum LearningSteps {
    static func answer(_ rating: Rating, at step: Int, of steps: [Double]) -> StepOutcome {
        if steps.isEmpty || (step >= steps.count && rating != .again) { return .graduate }
        switch rating {
        case .again:
            return .wait(micros: Micros.fromSeconds(steps[0]), step: 0)
        case .hard:
            if step == 0 && steps.count == 1 {
                return .wait(micros: Micros.timesOneAndAHalf(Micros.fromSeconds(steps[0])), step: step)
            }
            if step == 0 {
                return .wait(micros: Micros.half(Micros.fromSeconds(steps[0]) + Micros.fromSeconds(steps[1])), step: step)
            }
            return .wait(micros: Micros.fromSeconds(steps[min(step, steps.count - 1)]), step: step)
        case .good:
            if step + 1 >= steps.count { return .graduate }
            return .wait(micros: Micros.fromSeconds(steps[step + 1]), step: step + 1)
        case .easy:
            return .graduate
        }
    }
}
