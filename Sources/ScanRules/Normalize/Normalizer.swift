/// Turns the text a pattern captured into the field's value.
enum Normalizer: Sendable {
    /// Whitespace collapsed, nothing else changed.
    case text
    /// A person's name: upper case, digits OCR put inside words read as letters, stray punctuation dropped.
    case name
    /// A number as printed: letters OCR put among digits read as digits; `.`, `-` and spaces kept.
    case number
    /// Only the digits, after the same repair.
    case digits
    /// The digits regrouped in threes with dots (`24,567,391` and `24567391` → `24.567.391`).
    case dottedThousands
    /// A date in one of several printed shapes; two-digit years read as past or future dates.
    case date([DateFormat], twoDigitYears: TwoDigitYears)

    enum TwoDigitYears: String, Sendable {
        /// Birth dates: a two-digit year after the reference year is from the century before.
        case past
        /// Expiry dates: always this century or later.
        case future
    }

    /// A normalised value: the flat text, the date when there is one, and how many characters were repaired.
    struct Result: Sendable {
        var value: String
        var date: CalendarDate?
        var repairs: Int
    }

    func normalize(_ raw: String, asOf: CalendarDate) -> Result? {
        let collapsed = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        switch self {
        case .text:
            return collapsed.isEmpty ? nil : Result(value: collapsed, repairs: 0)
        case .name:
            let repaired = ConfusionRepair.letters(collapsed.uppercased())
            let cleaned = repaired.text.trimmingPunctuationAndSpaces
            return cleaned.isEmpty ? nil : Result(value: cleaned, repairs: repaired.repairs)
        case .number:
            let repaired = ConfusionRepair.digits(collapsed)
            return repaired.text.contains(where: \.isNumber) ? Result(value: repaired.text, repairs: repaired.repairs) : nil
        case .digits:
            let repaired = ConfusionRepair.digits(collapsed)
            let digits = repaired.text.filter(\.isASCIIDigit)
            return digits.isEmpty ? nil : Result(value: digits, repairs: repaired.repairs)
        case .dottedThousands:
            guard let digits = Normalizer.digits.normalize(raw, asOf: asOf) else { return nil }
            var grouped = ""
            for (index, digit) in digits.value.enumerated() {
                if index > 0, (digits.value.count - index) % 3 == 0 { grouped.append(".") }
                grouped.append(digit)
            }
            // Each separator that had to change is a repair too.
            let changed = zip(collapsed, grouped).filter { $0 != $1 }.count + abs(collapsed.count - grouped.count)
            return Result(value: grouped, repairs: max(digits.repairs, changed))
        case let .date(formats, twoDigitYears):
            let pivot = twoDigitYears == .past ? asOf.year : asOf.year + 100
            for format in formats {
                if let parsed = format.parse(collapsed, pivotYear: pivot) {
                    return Result(value: parsed.date.display, date: parsed.date, repairs: parsed.repairs)
                }
            }
            return nil
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

private extension String {
    /// Without punctuation or spaces at either end (a stray `.` or `:` OCR attached to a name).
    var trimmingPunctuationAndSpaces: String {
        func isNoise(_ character: Character) -> Bool { character.isPunctuation || character.isWhitespace }
        guard let first = firstIndex(where: { !isNoise($0) }), let last = lastIndex(where: { !isNoise($0) }) else { return "" }
        return String(self[first...last])
    }
}
