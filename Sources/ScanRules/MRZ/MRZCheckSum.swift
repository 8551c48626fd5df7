/// A check digit's weighted sum kept up to date under trial changes, so that the repair search can test a
/// combination of changes by adding a few numbers instead of copying the zone and summing it again (the
/// search tries up to thousands of combinations per check digit on a damaged zone).
///
/// It answers exactly what `passes(spec, zone) || isAbsent(spec, zone)` answers on the changed zone.
struct MRZCheckSum {
    /// What one unit of changes does to the check: how it moves the sum, how many data characters it makes
    /// fillers (negative) or not, and the character it puts in the check-digit position, if it does.
    struct Effect {
        let sum: Int
        let nonFillers: Int
        let digit: Character?
        let positions: [Int]
    }

    private let spec: MRZCheckSpec
    private let sum: Int
    private let nonFillers: Int
    private let printed: Character
    /// Weight of each data position, keyed by `line * 64 + column`.
    private let weights: [Int: Int]

    /// `nil` when the data holds a character outside the MRZ alphabet (the caller then checks the slow way).
    init?(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone) {
        var sum = 0, nonFillers = 0, index = 0
        var weights: [Int: Int] = [:]
        let cycle = [7, 3, 1]
        for span in spec.data {
            for column in span.columns {
                let character = zone[span.line, column]
                guard let value = ICAOCheckDigit.value(of: character) else { return nil }
                let weight = cycle[index % 3]
                weights[Self.key(span.line, column)] = weight
                sum += value * weight
                if character != "<" { nonFillers += 1 }
                index += 1
            }
        }
        self.spec = spec
        self.sum = sum
        self.nonFillers = nonFillers
        self.printed = zone[spec.digit.line, spec.digit.columns.lowerBound]
        self.weights = weights
    }

    static func key(_ line: Int, _ column: Int) -> Int { line * 64 + column }

    /// The effect of `changes` on this check, or `nil` when one brings in a character outside the alphabet.
    func effect(of changes: [MRZChange], in zone: MRZWorkingZone) -> Effect? {
        var sum = 0, nonFillers = 0
        var digit: Character?
        for change in changes {
            let key = Self.key(change.line, change.column)
            if let weight = weights[key] {
                let current = zone[change.line, change.column]
                guard let old = ICAOCheckDigit.value(of: current), let new = ICAOCheckDigit.value(of: change.to) else { return nil }
                sum += weight * (new - old)
                nonFillers += (change.to != "<" ? 1 : 0) - (current != "<" ? 1 : 0)
            } else if change.line == spec.digit.line && change.column == spec.digit.columns.lowerBound {
                digit = change.to
            }
        }
        return Effect(sum: sum, nonFillers: nonFillers, digit: digit, positions: changes.map { Self.key($0.line, $0.column) })
    }

    /// Whether the check passes, or is absent, with the effects applied (their positions must not overlap).
    func passes(with effects: some Sequence<Effect>) -> Bool {
        var total = sum, fillersLeft = nonFillers
        var printed = self.printed
        for effect in effects {
            total += effect.sum
            fillersLeft += effect.nonFillers
            if let digit = effect.digit { printed = digit }
        }
        if printed.isASCII, printed.wholeNumberValue == total % 10 { return true }
        return spec.fillerAllowed && printed == "<" && fillersLeft == 0
    }
}
