/// The ICAO 9303 (Part 3, 4.9) check digit: characters valued `0–9` → 0–9, `A–Z` → 10–35, `<` → 0,
/// weighted 7, 3, 1 repeating, summed modulo 10. Example: `L898902C3` → 6.
enum ICAOCheckDigit {
    /// The value of one MRZ character, or `nil` for a character the MRZ alphabet does not have.
    static func value(of character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case 48...57: return Int(ascii) - 48
        case 65...90: return Int(ascii) - 55
        case 60: return 0
        default: return nil
        }
    }

    /// The check digit of `data`, or `nil` when it holds a character outside `0–9 A–Z <`.
    static func compute<S: Sequence<Character>>(_ data: S) -> Int? {
        let weights = [7, 3, 1]
        var sum = 0
        for (index, character) in data.enumerated() {
            guard let value = value(of: character) else { return nil }
            sum += value * weights[index % 3]
        }
        return sum % 10
    }

    /// Validates a field followed by its check digit, e.g. `L898902C36` or `7408122`.
    static func validate(_ input: String) -> CheckResult {
        let text = input.uppercased().filter { !$0.isWhitespace }
        guard text.count >= 2 else {
            return .invalid("give the field followed by its check digit, e.g. L898902C36")
        }
        let data = text.dropLast(), check = text.last!
        guard let expected = compute(data) else {
            let bad = data.first { Self.value(of: $0) == nil }!
            return .invalid("'\(bad)' is not an MRZ character (0-9, A-Z, <)", normalized: text)
        }
        if check == "<" && data.allSatisfy({ $0 == "<" }) {
            return CheckResult(valid: true, expected: "<", normalized: text)   // an empty optional field
        }
        guard check.isASCII, check.isNumber else {
            return .invalid("the check digit '\(check)' is not a digit", expected: String(expected), normalized: text)
        }
        guard check.wholeNumberValue == expected else {
            return .invalid("check digit is \(check), \(data) calls for \(expected)", expected: String(expected), normalized: text)
        }
        return CheckResult(valid: true, expected: String(expected), normalized: text)
    }
}
