import Foundation

/// A forward-mode dual number: a value and its exact partial derivatives with respect to
/// the 21 FSRS parameters, so the shared FSRS formulas yield exact gradients.
///
/// ```swift
/// let w = Dual.seeded(LearnerSettings.defaultFSRSParameters)   // w[i] has ∂w[i]/∂w[i] = 1
/// let s = FSRS.initialStability(.good, w: w)
/// s.partials[2]   // 1
/// ```
public struct Dual: FSRSReal, Sendable {
    /// The number of parameters tracked (lanes 21...23 stay zero).
    public static let parameterCount = 21

    public var value: Double
    /// ∂value/∂w[i] in lane i.
    public var partials: Partials

    @inlinable public init(_ value: Double) {
        self.value = value
        self.partials = .zero
    }

    @inlinable public init(value: Double, partials: Partials) {
        self.value = value
        self.partials = partials
    }

    /// The parameters as dual numbers, each seeded with its own unit derivative.
    public static func seeded(_ w: [Double]) -> [Dual] {
        w.enumerated().map { i, v in
            var p = Partials.zero
            if i < Partials.laneCount { p[i] = 1 }
            return Dual(value: v, partials: p)
        }
    }

    /// The first 21 partial derivatives as an array.
    public var gradient: [Double] { (0..<Self.parameterCount).map { partials[$0] } }

    @inlinable @inline(__always) public static func + (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value + rhs.value, partials: lhs.partials + rhs.partials)
    }

    @inlinable @inline(__always) public static func - (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value - rhs.value, partials: lhs.partials - rhs.partials)
    }

    @inlinable @inline(__always) public static func * (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value * rhs.value, partials: lhs.partials * rhs.value + rhs.partials * lhs.value)
    }

    @inlinable @inline(__always) public static func / (lhs: Dual, rhs: Dual) -> Dual {
        let v = lhs.value / rhs.value
        return Dual(value: v, partials: (lhs.partials - rhs.partials * v) / rhs.value)
    }

    @inlinable public static prefix func - (operand: Dual) -> Dual {
        Dual(value: -operand.value, partials: -operand.partials)
    }

    @inlinable @inline(__always) public static func exp(_ x: Dual) -> Dual {
        let v = Foundation.exp(x.value)
        return Dual(value: v, partials: x.partials * v)
    }

    @inlinable @inline(__always) public static func log(_ x: Dual) -> Dual {
        Dual(value: Foundation.log(x.value), partials: x.partials / x.value)
    }

    /// `x ** y`, with `∂ = y·x^(y-1)·∂x + x^y·ln(x)·∂y` (the ln term dropped where x ≤ 0).
    @inlinable @inline(__always) public static func pow(_ x: Dual, _ y: Dual) -> Dual {
        if x.value == M_E {  // e ** y, as the shared formulas write exp: same value, cheaper
            let v = Foundation.exp(y.value)
            return Dual(value: v, partials: x.partials * (y.value * v / M_E) + y.partials * v)
        }
        let v = Foundation.pow(x.value, y.value)
        let dx = x.value != 0 ? y.value * v / x.value : y.value * Foundation.pow(x.value, y.value - 1)
        let dy = x.value > 0 ? v * Foundation.log(x.value) : 0
        return Dual(value: v, partials: x.partials * dx + y.partials * dy)
    }
}

/// 24 doubles as three 8-lane vectors (lanes 21...23 unused): cheaper than `SIMD32`,
/// which the compiler does not keep in registers.
public struct Partials: Sendable, Equatable {
    public static let laneCount = 24
    @usableFromInline var a: SIMD8<Double>
    @usableFromInline var b: SIMD8<Double>
    @usableFromInline var c: SIMD8<Double>

    @inlinable init(_ a: SIMD8<Double>, _ b: SIMD8<Double>, _ c: SIMD8<Double>) {
        self.a = a
        self.b = b
        self.c = c
    }

    public static let zero = Partials(.zero, .zero, .zero)

    public subscript(i: Int) -> Double {
        get { i < 8 ? a[i] : (i < 16 ? b[i - 8] : c[i - 16]) }
        set {
            if i < 8 { a[i] = newValue } else if i < 16 { b[i - 8] = newValue } else { c[i - 16] = newValue }
        }
    }

    @inlinable @inline(__always) static func + (l: Partials, r: Partials) -> Partials {
        Partials(l.a + r.a, l.b + r.b, l.c + r.c)
    }
    @inlinable @inline(__always) static func - (l: Partials, r: Partials) -> Partials {
        Partials(l.a - r.a, l.b - r.b, l.c - r.c)
    }
    @inlinable static prefix func - (x: Partials) -> Partials { Partials(-x.a, -x.b, -x.c) }
    @inlinable @inline(__always) static func * (l: Partials, r: Double) -> Partials { Partials(l.a * r, l.b * r, l.c * r) }
    @inlinable @inline(__always) static func / (l: Partials, r: Double) -> Partials { l * (1 / r) }
    @inlinable @inline(__always) static func += (l: inout Partials, r: Partials) { l = l + r }
    @inlinable @inline(__always) static func -= (l: inout Partials, r: Partials) { l = l - r }
}
