/// A check a normalised value must pass before it is emitted.
enum Validator: Sendable {
    /// The whole value must match the pattern.
    case pattern(Regex)
    /// A date not after the reference date and at most `maxYears` before it.
    case pastDate(maxYears: Int)
    /// A date on or after `minYear`, at most `maxYearsAhead` after the reference date.
    case dateRange(minYear: Int, maxYearsAhead: Int)
    /// The value's length in characters lies in the range.
    case length(ClosedRange<Int>)

    /// The check's name as written in rule files, for reports.
    var name: String {
        switch self {
        case .pattern: return "pattern"
        case .pastDate: return "date: past"
        case .dateRange: return "date: range"
        case .length: return "length"
        }
    }

    /// Whether the value passes. A pattern that exceeds its match limit counts as a failure.
    func accepts(_ result: Normalizer.Result, asOf: CalendarDate) -> Bool {
        switch self {
        case let .pattern(regex):
            // The compiled pattern is anchored at both ends (see RuleCompiler), so any match spans the value.
            return (try? regex.matches(result.value)) == true
        case let .pastDate(maxYears):
            guard let date = result.date else { return false }
            return date <= asOf && date.years(until: asOf) <= maxYears
        case let .dateRange(minYear, maxYearsAhead):
            guard let date = result.date else { return false }
            return date.year >= minYear && date.year <= asOf.year + maxYearsAhead
        case let .length(range):
            return range.contains(ByteText.count(result.value))
        }
    }
}
