/// The verdict of one check-digit or format validation (see ``CheckDigitKind``).
public struct CheckResult: Sendable, Equatable {
    /// Whether the value is well formed and its check digit (if it carries one) is right.
    public let valid: Bool
    /// The check digit or character the value's body calls for, when the algorithm has one and the body
    /// is readable; `nil` otherwise.
    public let expected: String?
    /// Why the value is invalid; `nil` when it is valid.
    public let reason: String?
    /// The value in its canonical form (separators removed or normalised), when it could be read.
    public let normalized: String?

    public init(valid: Bool, expected: String? = nil, reason: String? = nil, normalized: String? = nil) {
        self.valid = valid
        self.expected = expected
        self.reason = reason
        self.normalized = normalized
    }

    static func invalid(_ reason: String, expected: String? = nil, normalized: String? = nil) -> CheckResult {
        CheckResult(valid: false, expected: expected, reason: reason, normalized: normalized)
    }
}

/// Helpers shared by the validators.
enum CheckInput {
    /// Upper case, with the separators people and OCR put inside numbers removed (`.`, `,`, `-`, spaces).
    static func compact(_ value: String) -> String {
        String(value.uppercased().unicodeScalars.filter { !".,-_/ \t\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}".unicodeScalars.contains($0) })
    }

    /// The digit values of an all-ASCII-digit string, or `nil`.
    static func digits(_ text: some StringProtocol) -> [Int]? {
        var values: [Int] = []
        for scalar in text.unicodeScalars {
            guard ("0"..."9").contains(scalar) else { return nil }
            values.append(Int(scalar.value) - 48)
        }
        return values
    }
}
