import Foundation

/// Finds one text field's value: near each hit of its anchor in the preferred places, or anywhere in
/// the text; the first candidate that normalises and passes every validator wins.
struct FieldLocator {
    let document: OCRDocument
    let regions: ValueRegion
    let asOf: CalendarDate

    /// A value found in the text, before it becomes an ``ExtractedField``.
    struct Candidate {
        let normalized: Normalizer.Result
        /// Code-point ranges of the document text the value was read from.
        let segments: [Range<Int>]
        /// The words the value touches (none for plain text without boxes).
        let words: [Int]
        /// How sure the placement is: the label's spelling score times the place's preference.
        var placement: Double
    }

    /// A match that normalised and validated, before its place in the document is worked out: only the
    /// chosen ones need their segments and words.
    private struct Match {
        let normalized: Normalizer.Result
        /// Where the value is in the candidate text.
        let range: Range<Int>
        let placement: Double
    }

    /// Confidence lost for each place tried after the first preferred one.
    static let laterPlacePenalty = 0.95
    /// Confidence kept for each nearer row passed over because it held no valid value (OCR junk there
    /// may have been the real value).
    static let skippedRowPenalty = 0.8
    /// Confidence kept when a pattern without an anchor matches several different values.
    static let ambiguityPenalty = 0.9

    /// The value of `field` the locator finds near its anchor's `hits` (or anywhere); `found` holds the
    /// fields found so far, for the checks a repaired value must pass.
    func locate(_ field: FieldRule, _ locator: TextLocator, hits: [LabelHit],
                found: [String: ExtractedField] = [:]) throws(PatternError) -> Candidate? {
        guard let anchor = locator.anchor else {
            let text = CandidateText(document: document)
            let all = try matches(field, locator.pattern, in: text, placement: 1, found: found, firstOnly: false)
            guard var chosen = FieldLocator.choose(all, locator.pick, in: text) else { return nil }
            // Several different values with no anchor to tell them apart: the first is a guess.
            if locator.pick == .first && all.contains(where: { $0.normalized.value != chosen.normalized.value }) {
                chosen.placement = FieldLocator.ambiguityPenalty
            }
            return chosen
        }
        for hit in hits {
            for (rank, direction) in anchor.directions.enumerated() {
                let placement = hit.score * pow(FieldLocator.laterPlacePenalty, Double(rank))
                let rows = regions.rows(for: hit, direction: direction, maxDistance: anchor.maxDistance, tolerance: anchor.tolerance)
                for (skipped, row) in rows.prefix(anchor.rows).enumerated() {
                    let block = anchor.lines > 1
                        ? regions.continuation(of: row, count: anchor.lines, page: hit.page,
                                               left: hit.box.left - anchor.tolerance * max(hit.box.height, 1))
                        : [row]
                    let text = CandidateText(document: document, rows: block, separator: anchor.lineSeparator)
                    let rowPlacement = placement * pow(FieldLocator.skippedRowPenalty, Double(skipped))
                    // Near an anchor the first valid match is the value: the rest of the row is not read.
                    let kept = try matches(field, locator.pattern, in: text, placement: rowPlacement, found: found,
                                           firstOnly: locator.pick == .first)
                    if let found = FieldLocator.choose(kept, locator.pick, in: text) {
                        return found
                    }
                }
            }
        }
        return nil
    }

    /// Every match of the pattern in `text` that normalises and validates, in text order; only the first
    /// with `firstOnly`.
    private func matches(_ field: FieldRule, _ pattern: Regex, in text: CandidateText, placement: Double,
                         found: [String: ExtractedField], firstOnly: Bool) throws(PatternError) -> [Match] {
        var kept: [Match] = []
        var scanner = try text.matches(pattern)
        while try scanner.next() {
            let range = scanner.range(named: "value") ?? scanner.range
            guard !range.isEmpty, var normalized = field.normalizer.normalize(text.text.slice(range), asOf: asOf) else { continue }
            if !field.valueMap.isEmpty, let meaning = field.valueMap[Normalizer.mapKey(normalized.value)] { normalized.value = meaning }
            var factor = 1.0
            if !field.validators.allSatisfy({ $0.accepts(normalized, asOf: asOf) }) {
                // A value failing its shape may be one known OCR slip away from a valid one.
                // A repaired value must pass the field's checks too (those that can run): a check digit
                // vouches for the repair, and chooses among several.
                guard let repaired = ValueRepair.firstAccepted(normalized, field.repairs, accepts: { result in
                    field.validators.allSatisfy { $0.accepts(result, asOf: asOf) }
                        && field.checks.allSatisfy { $0.run(result, found: found)?.passed ?? true }
                }) else { continue }
                normalized = repaired.result
                factor = pow(ValueRepair.penalty, Double(repaired.steps))
            }
            kept.append(Match(normalized: normalized, range: range, placement: placement * factor))
            if firstOnly { break }
        }
        return kept
    }

    /// The candidate a locator's `pick` asks for among the matches in `text`; `all` joins every distinct
    /// value in text order.
    private static func choose(_ matches: [Match], _ pick: TextLocator.Pick, in text: CandidateText) -> Candidate? {
        func located(_ match: Match) -> Candidate {
            let place = text.locate(match.range)
            return Candidate(normalized: match.normalized, segments: place.segments, words: place.words, placement: match.placement)
        }
        switch pick {
        case .first:
            return matches.first.map(located)
        case .latest:
            return matches.filter { $0.normalized.date != nil }.max { $0.normalized.date! < $1.normalized.date! }.map(located)
        case .all:
            guard let first = matches.first else { return nil }
            var values: [String] = []
            for match in matches where !values.contains(match.normalized.value) { values.append(match.normalized.value) }
            let normalized = Normalizer.Result(value: values.joined(separator: ", "), date: nil,
                                               repairs: matches.map(\.normalized.repairs).reduce(0, +))
            let places = matches.map { text.locate($0.range) }
            return Candidate(normalized: normalized, segments: places.flatMap(\.segments), words: places.flatMap(\.words),
                             placement: matches.map(\.placement).min() ?? first.placement)
        }
    }
}
