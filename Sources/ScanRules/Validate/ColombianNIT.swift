/// The DV (dígito de verificación) of a Colombian NIT, as DIAN computes it (python-stdnum `co/nit.py`).
///
/// The digits before the DV, read right to left, are weighted 3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47,
/// 53, 59, 67, 71; `s = sum mod 11`; the DV is `s` when `s` is 0 or 1, else `11 − s`.
/// Example: `800.003.122-6`. A person's NIT is their cédula number plus this DV.
enum ColombianNIT {
    static let weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]

    /// The DV for the NIT body (digits only, without DV), or `nil` when it is too long.
    static func checkDigit(_ body: [Int]) -> Int? {
        guard body.count <= weights.count else { return nil }
        let sum = zip(body.reversed(), weights).reduce(0) { $0 + $1.0 * $1.1 }
        let s = sum % 11
        return s < 2 ? s : 11 - s
    }

    /// Validates a NIT with its DV: `900.123.456-7`, `9001234567`, `830.036-334-1` (8 to 16 digits in all).
    static func validate(_ value: String) -> CheckResult {
        let text = CheckInput.compact(value)
        guard let digits = CheckInput.digits(text), !digits.isEmpty else {
            return .invalid("a NIT holds only digits (dots, spaces and a hyphen before the DV are allowed)")
        }
        guard (8...16).contains(digits.count) else {
            return .invalid("a NIT with its DV has 8 to 16 digits, this one has \(digits.count)", normalized: text)
        }
        let body = Array(digits.dropLast())
        let expected = checkDigit(body)!
        let normalized = "\(text.dropLast())-\(digits.last!)"
        guard digits.last == expected else {
            return .invalid("DV is \(digits.last!), \(text.dropLast()) calls for \(expected)", expected: String(expected), normalized: normalized)
        }
        return CheckResult(valid: true, expected: String(expected), normalized: normalized)
    }
}
