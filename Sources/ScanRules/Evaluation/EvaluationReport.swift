/// Tallies evaluation outcomes per type and field and prints them as a table.
public struct EvaluationReport: Sendable {
    /// Counts of one group of outcomes (a field, a type, or all).
    public struct Tally: Sendable, Equatable {
        /// Values equal to the truth, different from it, and not emitted.
        public var correct = 0, wrong = 0, missing = 0
        /// Wrong values emitted with confidence at or above ``Evaluator/confidentThreshold``.
        public var confidentWrong = 0
        /// Every truth value judged.
        public var total: Int { correct + wrong + missing }
        /// Correct among all truth values.
        public var accuracy: Double { total == 0 ? 1 : Double(correct) / Double(total) }
        /// Correct among values emitted.
        public var precision: Double { correct + wrong == 0 ? 1 : Double(correct) / Double(correct + wrong) }

        mutating func add(_ outcome: Evaluator.Outcome) {
            switch outcome.verdict {
            case .correct: correct += 1
            case .wrong:
                wrong += 1
                if (outcome.confidence ?? 0) >= Evaluator.confidentThreshold { confidentWrong += 1 }
            case .missing: missing += 1
            }
        }
    }

    /// Every field judged, in fixture order.
    public let outcomes: [Evaluator.Outcome]

    public init(outcomes: [Evaluator.Outcome]) {
        self.outcomes = outcomes
    }

    /// Every outcome together.
    public var overall: Tally { tally(outcomes) }

    /// Per document type.
    public func byType() -> [(type: String, tally: Tally)] {
        Dictionary(grouping: outcomes, by: \.type).sorted { $0.key < $1.key }.map { ($0.key, tally($0.value)) }
    }

    /// Per document type and field.
    public func byField() -> [(type: String, field: String, tally: Tally)] {
        Dictionary(grouping: outcomes) { "\($0.type)\u{0}\($0.field)" }.sorted { $0.key < $1.key }.map { key, group in
            (group[0].type, group[0].field, tally(group))
        }
    }

    private func tally(_ outcomes: [Evaluator.Outcome]) -> Tally {
        outcomes.reduce(into: Tally()) { $0.add($1) }
    }

    /// The table a person reads: per field, per type, overall, then each wrong or missing value.
    /// The quality bars a report falls short of, one message each (none when every bar is met): overall
    /// accuracy, every type's accuracy, and every type's precision, each a fraction 0...1 or `nil` for no bar.
    public func shortfalls(minAccuracy: Double?, minTypeAccuracy: Double?, minPrecision: Double?) -> [String] {
        var shortfalls: [String] = []
        if let minAccuracy, overall.accuracy < minAccuracy {
            shortfalls.append("overall accuracy \(percent(overall.accuracy)) is below \(percent(minAccuracy))")
        }
        for (type, tally) in byType() {
            if let minTypeAccuracy, tally.accuracy < minTypeAccuracy {
                shortfalls.append("\(type) accuracy \(percent(tally.accuracy)) is below \(percent(minTypeAccuracy))")
            }
            if let minPrecision, tally.precision < minPrecision {
                shortfalls.append("\(type) precision \(percent(tally.precision)) is below \(percent(minPrecision))")
            }
        }
        return shortfalls
    }

    public func render() -> String {
        var lines = [row("type", "field", "correct", "wrong", "missing", "accuracy", "precision")]
        func add(_ type: String, _ field: String, _ tally: Tally) {
            lines.append(row(type, field, "\(tally.correct)", "\(tally.wrong)", "\(tally.missing)",
                             percent(tally.accuracy), percent(tally.precision)))
        }
        for entry in byField() { add(entry.type, entry.field, entry.tally) }
        for entry in byType() { add(entry.type, "(all fields)", entry.tally) }
        let total = overall
        add("ALL", "(all fields)", total)
        lines.append("")
        lines.append("overall field accuracy \(percent(total.accuracy)) (\(total.correct)/\(total.total)), "
            + "precision \(percent(total.precision)) (\(total.correct)/\(total.correct + total.wrong)), "
            + "wrong with confidence ≥ \(Evaluator.confidentThreshold): \(total.confidentWrong)")
        let misses = outcomes.filter { $0.verdict != .correct }
        if !misses.isEmpty {
            lines.append("")
            lines.append("not right:")
            for miss in misses {
                let found = miss.found.map { "'\($0)' (confidence \(percent(miss.confidence ?? 0)))" } ?? "nothing"
                lines.append("  \(miss.fixture) \(miss.field): \(miss.verdict.rawValue), expected '\(miss.expected)', found \(found)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func row(_ columns: String...) -> String {
        let widths = [7, 18, 8, 6, 8, 9, 9]
        return zip(columns, widths).map { column, width in
            column.count >= width ? column + " " : column + String(repeating: " ", count: width - column.count)
        }.joined().trimmingTrailingSpaces
    }

    private func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
