/// A substitution that undoes a known OCR slip in a value (`AV 42.35 65` → `AV 42 35 65`, a legal form
/// that lost a dot `S.AS.` → `S.A.S.`), tried only on a value that fails its field's shape checks: a value
/// read right is never touched, and a repair is kept only when it makes the value pass.
struct ValueRepair: Sendable {
    /// What to replace (PCRE2); every match in the value is replaced.
    let find: Regex
    /// The replacement, with `$1`…`$9` or `${name}` for groups of `find` and `$$` for a dollar sign.
    let replacement: String

    /// Confidence kept for each repair a value needed: a repaired value is a guess about what was printed.
    static let penalty = 0.85

    /// The value with every match of `find` replaced, or `nil` when nothing matched or nothing changed.
    func apply(_ value: String) -> String? {
        let subject = MatchableText(value)
        guard let matches = try? find.allMatches(in: subject), !matches.isEmpty else { return nil }
        var result = "", position = 0
        for match in matches {
            result += subject.slice(position..<match.range.lowerBound)
            result += expand(match, in: subject)
            position = match.range.upperBound
        }
        result += subject.slice(position..<subject.count)
        return result == value ? nil : result
    }

    /// Tries the repairs in order, each on the result of the ones before that changed something, and
    /// returns the first result `accepts` takes with how many repairs it needed; `nil` when none does.
    /// Cumulative, so one value may need two slips undone (`AV27 7731` → `AV 27 7731` → `AV 27 77 31`).
    static func firstAccepted(_ value: Normalizer.Result, _ repairs: [ValueRepair],
                              accepts: (Normalizer.Result) -> Bool) -> (result: Normalizer.Result, steps: Int)? {
        var current = value, steps = 0
        for repair in repairs {
            guard let changed = repair.apply(current.value) else { continue }
            current.value = changed
            steps += 1
            if accepts(current) { return (current, steps) }
        }
        return nil
    }

    private func expand(_ match: RegexMatch, in subject: MatchableText) -> String {
        var out = "", characters = Array(replacement), index = 0
        func group(_ range: Range<Int>?) -> String { range.map { subject.slice($0) } ?? "" }
        while index < characters.count {
            let character = characters[index]
            guard character == "$", index + 1 < characters.count else { out.append(character); index += 1; continue }
            let next = characters[index + 1]
            if next == "$" {
                out.append("$"); index += 2
            } else if let digit = next.wholeNumberValue {
                out += digit < match.groups.count ? group(match.groups[digit]) : ""
                index += 2
            } else if next == "{", let close = characters[(index + 2)...].firstIndex(of: "}") {
                out += group(match.range(named: String(characters[(index + 2)..<close])))
                index = close + 1
            } else {
                out.append(character); index += 1
            }
        }
        return out
    }
}
