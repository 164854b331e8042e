import Foundation
import GlossCore
import GlossStore

extension Session {
    /// The learners of the progress folder in use.
    var learnerNames: [String] { LearnerDirectory.names(in: URL(fileURLWithPath: progressFolder)) }

    /// True when `name` may be opened without asking: the progress folder has it, or has no
    /// learner at all (a first learner on a fresh machine just works).
    func isKnownOrFirst(_ name: String) -> Bool {
        let names = learnerNames
        return names.isEmpty || names.contains(name)
    }

    /// Refuses a learner named with `--learner` (or `learner NAME`) that the progress folder
    /// does not have, unless `--new` was given, it is the first learner there, or the user
    /// confirmed it: a typo (`simm` for `sim`) must not silently start a new learner.
    func checkLearner() throws {
        if learnerAllowed { return }
        let names = learnerNames
        guard names.isEmpty || names.contains(learner) else {
            throw CLIError.unknownLearner(learner, folder: progressFolder, suggestion: closestMatch(to: learner, in: names))
        }
        learnerAllowed = true
    }
}
