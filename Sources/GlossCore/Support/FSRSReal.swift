import Foundation

/// The arithmetic FSRS formulas need, so one generic implementation serves both the
/// scheduler (`Double`) and the optimizer (a dual number carrying exact gradients).
public protocol FSRSReal: Sendable {
    init(_ value: Double)
    /// The plain value (for a dual number: without its derivative part).
    var value: Double { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
}

extension Double: FSRSReal {
    @inlinable public var value: Double { self }
    @inlinable public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inlinable public static func log(_ x: Double) -> Double { Foundation.log(x) }
    @inlinable public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
}
