/// The bounds the optimizer clips to after every step: ``FSRSParameters``'s, except that
/// `w19` stays at least 0.01, as fsrs-rs does when short-term reviews are modelled.
enum ParameterBounds {
    static let lower: [Double] = {
        var l = FSRSParameters.lowerBounds
        l[19] = max(l[19], 0.01)
        return l
    }()
    static let upper = FSRSParameters.upperBounds

    static func clip(_ w: inout [Double]) {
        for i in w.indices where i < lower.count {
            w[i] = min(max(w[i], lower[i]), upper[i])
        }
    }
}
