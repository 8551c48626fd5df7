/// A check digit computed from the number it checks, for a field whose printed digit was not read
/// (`compute: checkDigit`): the digit is fully determined by that number (a NIT's DV by DIAN's
/// modulo 11), so it can be given, though only as sure as the number and clearly marked as computed.
enum ComputedCheckDigit {
    /// Confidence kept, relative to the number's: a computed digit vouches for nothing, and an error
    /// in the number is repeated in it.
    static let factor = 0.5

    /// The check digit of `field` computed from the body its `checkDigit` check names, or `nil` when the
    /// field has no such check, the body was not found, or no digit makes it valid.
    static func value(of field: FieldRule, found: [String: ExtractedField]) -> ExtractedField? {
        for case let .checkDigit(kind, body?) in field.checks {
            guard let number = found[body], let digit = kind.checkDigit(forBody: number.value) else { continue }
            return ExtractedField(name: field.name, value: digit, confidence: number.confidence * factor, origin: .computed)
        }
        return nil
    }
}

extension CheckDigitKind {
    /// The check digit `body` calls for (printed after a hyphen: `800003122` → `6`), or `nil` when the
    /// kind has none or the body cannot carry one. The digit is checked by validating the whole again.
    func checkDigit(forBody body: String) -> String? {
        guard let expected = validate(body + "-0").expected, validate(body + "-" + expected).valid else { return nil }
        return expected
    }
}
