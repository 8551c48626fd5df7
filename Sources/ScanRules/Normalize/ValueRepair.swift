/// A substitution that undoes a known OCR slip in a value (`AV 42.35 65` → `AV 42 35 65`, a legal form
/// that lost a dot `S.AS.` → `S.A.S.`), tried only on a value that fails its field's shape checks: a value
/// read right is never touched, and a repair is kept only when it makes the value pass.
///
/// A repair may offer several replacements (the letters a digit may stand for): the field's shape and
/// check-digit checks then choose, and exactly one must pass: a check digit picks the reading.
struct ValueRepair: Sendable {
    /// What to replace (PCRE2); every match in the value is replaced.
    let find: Regex
    /// The replacements, each with `$1`…`$9` or `${name}` for groups of `find` and `$$` for a dollar sign.
    let replacements: [String]

    /// Confidence kept for each repair a value needed: a repaired value is a guess about what was printed.
    static let penalty = 0.85

    /// The value with every match of `find` replaced, once per replacement; empty when nothing matched
    /// or nothing changed.
    func apply(_ value: String) -> [String] {
        let subject = MatchableText(value)
        guard let matches = try? find.allMatches(in: subject), !matches.isEmpty else { return [] }
        var results: [String] = []
        for replacement in replacements {
            var result = "", position = 0
            for match in matches {
                result += subject.slice(position..<match.range.lowerBound)
                result += expand(replacement, match, in: subject)
                position = match.range.upperBound
            }
            result += subject.slice(position..<subject.count)
            if result != value, !results.contains(result) { results.append(result) }
        }
        return results
    }

    /// Tries the repairs in order, each on the result of the ones before that changed something, and
    /// returns the first result `accepts` takes with how many repairs it needed; `nil` when none does, or
    /// when a repair's replacements make more than one reading pass (a guess between them would be blind).
    /// Cumulative, so one value may need two slips undone (`AV27 7731` → `AV 27 7731` → `AV 27 77 31`);
    /// after a repair with several replacements the chain goes on from the first.
    static func firstAccepted(_ value: Normalizer.Result, _ repairs: [ValueRepair],
                              accepts: (Normalizer.Result) -> Bool) -> (result: Normalizer.Result, steps: Int)? {
        var current = value, steps = 0
        for repair in repairs {
            let readings = repair.apply(current.value)
            guard let first = readings.first else { continue }
            steps += 1
            let passing = readings.map { reading -> Normalizer.Result in
                var result = current
                result.value = reading
                return result
            }.filter(accepts)
            if passing.count == 1 { return (passing[0], steps) }
            if passing.count > 1 { return nil }
            current.value = first
        }
        return nil
    }

    private func expand(_ replacement: String, _ match: RegexMatch, in subject: MatchableText) -> String {
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
