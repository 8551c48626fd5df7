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
        let placement: Double
    }

    /// Confidence lost for each place tried after the first preferred one.
    static let laterPlacePenalty = 0.95
    /// Confidence kept for each nearer row passed over because it held no valid value (OCR junk there
    /// may have been the real value).
    static let skippedRowPenalty = 0.8
    /// Confidence kept when a pattern without an anchor matches several different values.
    static let ambiguityPenalty = 0.9

    func locate(_ field: FieldRule, _ locator: TextLocator, hits: [LabelHit]) throws(PatternError) -> Candidate? {
        guard let anchor = locator.anchor else {
            let all = try candidates(field, locator.pattern, in: CandidateText(document: document), placement: 1)
            guard let first = all.first else { return nil }
            let distinct = Set(all.map(\.normalized.value)).count
            return distinct > 1 ? Candidate(normalized: first.normalized, segments: first.segments, words: first.words,
                                            placement: FieldLocator.ambiguityPenalty) : first
        }
        for hit in hits {
            for (rank, direction) in anchor.directions.enumerated() {
                let placement = hit.score * pow(FieldLocator.laterPlacePenalty, Double(rank))
                let rows = regions.rows(for: hit, direction: direction, maxDistance: anchor.maxDistance, tolerance: anchor.tolerance)
                for (skipped, words) in rows.enumerated() {
                    let text = CandidateText(document: document, words: words)
                    let rowPlacement = placement * pow(FieldLocator.skippedRowPenalty, Double(skipped))
                    if let found = try candidates(field, locator.pattern, in: text, placement: rowPlacement).first {
                        return found
                    }
                }
            }
        }
        return nil
    }

    /// Every match of the pattern in `text` that normalises and validates, in text order.
    private func candidates(_ field: FieldRule, _ pattern: Regex, in text: CandidateText, placement: Double) throws(PatternError) -> [Candidate] {
        var found: [Candidate] = []
        for match in try pattern.allMatches(in: text.text) {
            let range = match.range(named: "value") ?? match.range
            guard !range.isEmpty,
                  let normalized = field.normalizer.normalize(text.text.slice(range), asOf: asOf),
                  field.validators.allSatisfy({ $0.accepts(normalized, asOf: asOf) }) else { continue }
            let place = text.locate(range)
            found.append(Candidate(normalized: normalized, segments: place.segments, words: place.words, placement: placement))
        }
        return found
    }
}
