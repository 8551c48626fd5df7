/// The check digit of a Venezuelan RIF (SENIAT; python-stdnum `ve/rif.py`).
///
/// Form `L-DDDDDDDD-C` with `L` one of `V` (Venezuelan person), `E` (foreign person), `J` (company),
/// `P` (passport), `G` (government). Start from the letter's value (V 4, E 8, J 12, P 16, G 20), add the
/// 8 digits weighted 3, 2, 7, 6, 5, 4, 3, 2; `r = total mod 11`; the check is `"00987654321"[r]`.
/// Example: `V-11470283-4`.
enum VenezuelanRIF {
    static let letterValues: [Character: Int] = ["V": 4, "E": 8, "J": 12, "P": 16, "G": 20]
    static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// The check digit for a type letter and 8 body digits.
    static func checkDigit(letter: Int, body: [Int]) -> Int {
        let total = zip(body, weights).reduce(letter) { $0 + $1.0 * $1.1 }
        return checkDigits[total % 11]
    }

    /// `"00987654321"` as numbers, indexed by the remainder.
    private static let checkDigits = [0, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1]

    /// Validates `V-11470283-4`, `V114702834`, `J-00004793-6`…: exactly 10 characters once separators are gone.
    static func validate(_ value: String) -> CheckResult {
        let text = CheckInput.compact(value)
        guard let first = text.first, let letter = letterValues[first] else {
            return .invalid("a RIF starts with V, E, J, P or G")
        }
        guard text.count == 10, let digits = CheckInput.digits(text.dropFirst()) else {
            return .invalid("a RIF is a letter and 9 digits (8 digits and the check digit), e.g. V-11470283-4", normalized: text)
        }
        let body = Array(digits.prefix(8)), check = digits[8]
        let expected = checkDigit(letter: letter, body: body)
        let normalized = "\(first)-\(text.dropFirst().prefix(8))-\(check)"
        guard check == expected else {
            return .invalid("check digit is \(check), \(first)\(text.dropFirst().prefix(8)) calls for \(expected)",
                            expected: String(expected), normalized: normalized)
        }
        return CheckResult(valid: true, expected: String(expected), normalized: normalized)
    }
}
