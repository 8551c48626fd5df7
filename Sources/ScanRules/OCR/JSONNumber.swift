/// A JSON number's digits gathered as an integer and a power of ten, turned into a `Double` without a
/// round trip through text when that is exact.
///
/// Clinger's fast path: when the digits fit in 53 bits and the power of ten is at most 22 (both exactly
/// representable), one multiplication or division rounds correctly. OCR coordinates and most confidences
/// qualify; anything else (17-digit confidences, huge exponents) goes to the standard library's parser.
struct JSONNumber {
    var negative = false
    private var mantissa: UInt64 = 0
    var exponent = 0
    /// More significant digits than a UInt64 holds were seen.
    private var overflowed = false

    private static let powersOfTen: [Double] = (0...22).map { power in (0..<power).reduce(1.0) { value, _ in value * 10 } }

    mutating func add(_ digit: UInt8, fractional: Bool) {
        let (times10, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
        if overflow1 || overflow2 {
            overflowed = true
            if !fractional { exponent += 1 }
            return
        }
        mantissa = sum
        if fractional { exponent -= 1 }
    }

    /// The exact value, or `nil` when the fast path does not apply.
    var value: Double? {
        guard !overflowed, mantissa <= 1 << 53, (-22...22).contains(exponent) else { return nil }
        let magnitude = exponent >= 0 ? Double(mantissa) * Self.powersOfTen[exponent] : Double(mantissa) / Self.powersOfTen[-exponent]
        return negative ? -magnitude : magnitude
    }
}
