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
        // ASCII (what OCR gives for numbers) byte by byte: every check digit of every candidate repair
        // starts here.
        let ascii = ByteText.withBytes(value, .ascii) { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes where !isASCIISeparator[Int(byte)] {
                    out[count] = ByteText.uppercasedASCII(byte)
                    count += 1
                }
                return count
            }
        }
        return ascii ?? String(value.uppercased().unicodeScalars.filter { !separators.unicodeScalars.contains($0) })
    }

    /// The separators ``compact(_:)`` removes, and which ASCII bytes are among them.
    private static let separators = ".,-_/ \t\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}"
    private static let isASCIISeparator: [Bool] = (0..<128).map { separators.utf8.contains(UInt8($0)) }

    /// The digit values of an all-ASCII-digit string, or `nil`.
    static func digits(_ text: some StringProtocol) -> [Int]? {
        // Bytes, not scalars: a digit is one byte, and any byte of another scalar is no digit.
        var values: [Int] = []
        values.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard ByteText.isASCIIDigit(byte) else { return nil }
            values.append(Int(byte) - 48)
        }
        return values
    }
}
