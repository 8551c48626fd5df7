import Foundation

/// Runs compiled rules over OCR documents. Immutable and `Sendable`: build one and share it across
/// threads; every call works on its own state.
public struct RuleEngine: Sendable {
    /// The rules this engine knows, by document type code.
    public let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// The type code that asks the engine to detect the type from the rules' keywords.
    public static let autoType = "auto"
    /// Confidence kept by every field when the document barely matches the requested type's keywords.
    public static let weakTypeFactor = 0.5

    /// Extracts the fields of document type `type` (or ``autoType``) from `document`, computing ages at `asOf`.
    ///
    /// A requested type whose keywords are nearly absent while another type's are present is refused as
    /// the wrong type; with no better type its fields keep only ``weakTypeFactor`` of their confidence.
    public func extract(_ document: OCRDocument, type: String, asOf: CalendarDate) throws(ExtractionError) -> Extraction {
        // Folding the words once serves both type detection and label search.
        let matcher = LabelMatcher(words: document.words)
        if type == RuleEngine.autoType {
            let guesses = try guessTypes(document, matcher: matcher)
            guard let best = guesses.first, best.score >= RuleEngine.detectionThreshold else { throw .undetectedType(closest: guesses) }
            var run = ExtractionRun(engine: self, document: document, rule: try compiledRule(best.code)!, matcher: matcher, asOf: asOf)
            return try extract(&run, detected: best, factor: 1)
        }
        guard let rule = try compiledRule(type) else { throw .unknownType(type, known: rules.codes + [RuleEngine.autoType]) }
        // The run searches the rule's anchor labels first: the keywords they share then cost nothing.
        var run = ExtractionRun(engine: self, document: document, rule: rule, matcher: matcher, asOf: asOf)
        var factor = 1.0
        // Only a requested type whose keywords are nearly absent makes the other types worth a look.
        if !keywords(of: rule, reach: RuleEngine.wrongTypeThreshold, matcher: matcher, document: document),
           let requested = guessTypes([rule], document, matcher: matcher).first {
            let guesses = try guessTypes(document, matcher: matcher)
            if let best = guesses.first, best.code != type, best.score >= RuleEngine.detectionThreshold {
                throw .wrongType(requested: requested, better: best)
            }
            factor = RuleEngine.weakTypeFactor
        }
        return try extract(&run, detected: nil, factor: factor)
    }

    private func compiledRule(_ code: String) throws(ExtractionError) -> CompiledRule? {
        do { return try rules.rule(for: code) } catch { throw .ruleFile(error) }
    }

    /// Runs every field of `run` in place: the run holds the document and the rule, too much to copy.
    private func extract(_ run: inout ExtractionRun, detected: TypeGuess?, factor: Double) throws(ExtractionError) -> Extraction {
        for field in run.rule.fields {
            try run.extract(field)
        }
        return run.finish(detected: detected, factor: factor)
    }

    /// Confidence lost for each character the normaliser had to repair.
    static let repairPenalty = 0.97
    /// The lowest confidence reported, so every emitted field has a confidence above zero.
    static let confidenceFloor = 0.01
    /// Confidence kept by a value one of whose checks failed.
    static let failedCheckFactor = 0.3
    /// Confidence kept by a visual value the MRZ contradicts without a check digit to settle it.
    static let mismatchFactor = 0.7

    func makeField(_ name: String, _ candidate: FieldLocator.Candidate, trust: Double, in document: OCRDocument) -> ExtractedField {
        locatedField(name, value: candidate.normalized.value, date: candidate.normalized.date, segments: candidate.segments,
                     words: candidate.words, factor: candidate.placement * trust * pow(RuleEngine.repairPenalty, Double(candidate.normalized.repairs)),
                     origin: .read, in: document)
    }

    /// A field read from the document: its mention is the text at `segments`, its boxes are the words',
    /// and its confidence the words' lowest OCR confidence times `factor` (see the README's formula).
    func locatedField(_ name: String, value: String, date: CalendarDate?, segments: [Range<Int>], words indices: [Int],
                      factor: Double, origin: ExtractedField.Origin, in document: OCRDocument) -> ExtractedField {
        // Plain text carries no word confidences: the OCR factor is then neutral.
        let ocr = indices.lazy.map { document.words[$0].confidence }.min() ?? 1
        let mention = segments.count == 1 ? document.matchable.slice(segments[0])
                                          : segments.map { document.matchable.slice($0) }.joined(separator: " ")
        return ExtractedField(name: name, value: value, mentionText: mention,
                              location: FieldLocation(segments: segments, pageBoxes: pageBoxes(indices, in: document)),
                              confidence: max(RuleEngine.confidenceFloor, ocr * factor), date: date, origin: origin)
    }

    private func pageBoxes(_ indices: [Int], in document: OCRDocument) -> [PageBox] {
        // One box per page the words touch, pages in order (a value rarely spans two): each pass boxes the
        // lowest page after the last one boxed, so nothing is collected and sorted on the way.
        let words = document.words
        var boxes: [PageBox] = []
        var previous = Int.min
        while true {
            var page = Int.max
            for index in indices where words[index].page > previous { page = min(page, words[index].page) }
            guard page != Int.max else { return boxes }
            var box: BoundingBox?
            for index in indices where words[index].page == page { box = box.map { $0.union(words[index].box) } ?? words[index].box }
            let width = document.pages[page].width, height = document.pages[page].height
            boxes.append(PageBox(page: page, left: Float(box!.left / width), top: Float(box!.top / height),
                                 right: Float(box!.right / width), bottom: Float(box!.bottom / height)))
            previous = page
        }
    }
}
