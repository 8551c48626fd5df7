/// A plausibility check of a Colombian cédula de ciudadanía number; the number carries no check digit.
///
/// Deliberately conservative (documents.md §2, [S]): digits only once dots and spaces are removed; 6 to 10
/// digits (`80.218.536`, `1.036.402.054`); no leading zero, except that a 10-digit block zero-padded on the
/// left (as on the yellow cédula's control line, `0040384693` ↔ `40.384.693`) is read as the number inside
/// it; a 10-digit number starts with 1 (the 1.000.000.000 series of the last decades). Anything else —
/// including old numbers shorter than 6 digits, which the reference does not vouch for — is rejected.
enum ColombianCedula {
    static func validate(_ value: String) -> CheckResult {
        let text = CheckInput.compact(value)
        guard !text.isEmpty, CheckInput.digits(text) != nil else {
            return .invalid("a cédula number holds only digits (dots as thousands separators are allowed)")
        }
        var number = Substring(text)
        if number.count == 10, number.first == "0" { number = number.drop { $0 == "0" } }
        guard (6...10).contains(number.count) else {
            return .invalid("a cédula number has 6 to 10 digits, this one has \(number.count)", normalized: String(number))
        }
        guard number.first != "0" else {
            return .invalid("a cédula number does not start with 0", normalized: String(number))
        }
        guard number.count < 10 || number.first == "1" else {
            return .invalid("a 10-digit cédula number starts with 1 (1.000.000.000 series)", normalized: String(number))
        }
        return CheckResult(valid: true, normalized: String(number))
    }
}
