import Testing

@testable import GlossCore

/// Fixed-width decimal digits, as the exports write times and numbers.
@Suite struct DecimalDigitsTests {
    func written(_ value: Int, width: Int) -> String {
        var bytes = [UInt8](repeating: 0x2E, count: width + 2)
        bytes.withUnsafeMutableBufferPointer { DecimalDigits.write(value, width: width, into: $0, at: 1) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func digitsFillTheirWidthWithLeadingZerosAndTouchNothingElse() {
        #expect(written(7, width: 1) == ".7.")
        #expect(written(7, width: 3) == ".007.")
        #expect(written(2026, width: 4) == ".2026.")
        #expect(written(59, width: 2) == ".59.")
        #expect(written(0, width: 2) == ".00.")
        #expect(written(123, width: 0) == "..")
        for value in [0, 9, 10, 99, 100, 12_345, 999_999] {
            let width = DecimalDigits.count(value)
            #expect(written(value, width: width) == ".\(value).")
        }
    }
}
