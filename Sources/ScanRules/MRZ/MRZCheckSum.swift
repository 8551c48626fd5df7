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
        /// The code of the character put in the check-digit position (`0xFF` when not ASCII), if any.
        let digit: UInt8?
        let positions: [Int]
    }

    private let spec: MRZCheckSpec
    private let sum: Int
    private let nonFillers: Int
    /// The code of the printed check digit.
    private let printed: UInt8
    /// Weight of each data position (0 outside the data), indexed by `line * 64 + column`.
    private let weights: [Int8]

    /// `nil` when the data holds a character outside the MRZ alphabet (the caller then checks the slow way).
    init?(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone) {
        var sum = 0, nonFillers = 0, weight: Int8 = 7
        var weights = [Int8](repeating: 0, count: zone.codes.count * 64)
        for span in spec.data {
            for column in span.columns {
                let code = zone.codes[span.line][column]
                let value = MRZCharacters.checkValues[Int(code)]
                guard value >= 0 else { return nil }
                weights[Self.key(span.line, column)] = weight
                sum += Int(value) * Int(weight)
                if code != 60 { nonFillers += 1 }
                weight = weight == 7 ? 3 : (weight == 3 ? 1 : 7)
            }
        }
        self.spec = spec
        self.sum = sum
        self.nonFillers = nonFillers
        self.printed = zone.codes[spec.digit.line][spec.digit.columns.lowerBound]
        self.weights = weights
    }

    static func key(_ line: Int, _ column: Int) -> Int { line * 64 + column }

    /// The effect of `changes` on this check, or `nil` when one brings in a character outside the alphabet.
    func effect(of changes: [MRZChange], in zone: MRZWorkingZone) -> Effect? {
        var sum = 0, nonFillers = 0
        var digit: UInt8?
        for change in changes {
            let key = Self.key(change.line, change.column)
            let to = MRZWorkingZone.code(change.to)
            if key < weights.count, weights[key] != 0 {
                let weight = Int(weights[key])
                let current = zone.codes[change.line][change.column]
                let old = MRZCharacters.checkValues[Int(current)], new = MRZCharacters.checkValues[Int(to)]
                guard old >= 0, new >= 0 else { return nil }
                sum += weight * (Int(new) - Int(old))
                nonFillers += (to != 60 ? 1 : 0) - (current != 60 ? 1 : 0)
            } else if change.line == spec.digit.line && change.column == spec.digit.columns.lowerBound {
                digit = to
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
        if printed >= 48, printed <= 57, Int(printed) - 48 == total % 10 { return true }
        return spec.fillerAllowed && printed == 60 && fillersLeft == 0
    }
}
