/// The check character printed after a Peruvian DNI (the CUI, RENIEC; python-stdnum `pe/cui.py`).
///
/// The 8 digits weighted 3, 2, 7, 6, 5, 4, 3, 2; `c = sum mod 11`; the check is `"65432110987"[c]`,
/// or in its letter form `"KJIHGFEDCBA"[c]` — both forms are accepted. Example: `70275722-9` (or `-C`).
/// This is not the MRZ check digit of the same number (`70275722<` → 2 there).
enum PeruvianCUI {
    static let weights = [3, 2, 7, 6, 5, 4, 3, 2]
    static let digitForm = Array("65432110987")
    static let letterForm = Array("KJIHGFEDCBA")

    /// The numeric and letter check characters for 8 digits.
    static func checkCharacters(_ body: [Int]) -> (digit: Character, letter: Character) {
        let c = zip(body, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        return (digitForm[c], letterForm[c])
    }

    /// Validates `70275722-9`, `10812543-H`, `10586119B`. Eight digits alone are well formed: the result
    /// is valid and `expected` says which check character belongs to them.
    static func validate(_ value: String) -> CheckResult {
        let text = CheckInput.compact(value)
        guard text.count == 8 || text.count == 9, let body = CheckInput.digits(text.prefix(8)) else {
            return .invalid("a DNI is 8 digits, optionally followed by its check character, e.g. 70275722-9")
        }
        let expected = checkCharacters(body)
        let expectedText = "\(expected.digit) or \(expected.letter)"
        guard text.count == 9 else {
            return CheckResult(valid: true, expected: String(expected.digit), normalized: text)
        }
        let check = text.last!
        let normalized = "\(text.prefix(8))-\(check)"
        guard check == expected.digit || check == expected.letter else {
            return .invalid("check character is \(check), \(text.prefix(8)) calls for \(expectedText)",
                            expected: String(expected.digit), normalized: normalized)
        }
        return CheckResult(valid: true, expected: String(check == expected.letter ? expected.letter : expected.digit), normalized: normalized)
    }
}
