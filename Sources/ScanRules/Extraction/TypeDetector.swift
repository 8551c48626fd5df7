/// How well a document matches one rule's detection keywords.
public struct TypeGuess: Sendable, Equatable {
    /// The rule's document type code.
    public let code: String
    /// The keywords found, each counted by how well it matched (1 exact, less when OCR garbled it).
    public let found: Double
    /// How sure the match is: three keywords found (or all, for a rule with fewer) make a sure match.
    public let score: Double

    /// Keywords found for a sure match.
    static let sureMatch = 3.0

    init(code: String, found: Double, keywordCount: Int) {
        self.code = code
        self.found = found
        score = min(1, found / min(TypeGuess.sureMatch, Double(keywordCount)))
    }
}

extension RuleEngine {
    /// A detection score at or above this makes a type a confident guess.
    public static let detectionThreshold = 0.5
    /// A given type scoring below this while another type is a confident guess is refused as the wrong type.
    public static let wrongTypeThreshold = 0.25

    /// Every rule with detection keywords, the one with most keywords found first.
    public func guessTypes(_ document: OCRDocument) throws(ExtractionError) -> [TypeGuess] {
        try guessTypes(document, matcher: LabelMatcher(words: document.words))
    }

    func guessTypes(_ document: OCRDocument, matcher: LabelMatcher) throws(ExtractionError) -> [TypeGuess] {
        let all: [CompiledRule]
        do { all = try rules.all() } catch { throw .ruleFile(error) }
        return guessTypes(all, document, matcher: matcher)
    }

    /// How well the document matches each of `rules`, most keywords found first.
    func guessTypes(_ rules: [CompiledRule], _ document: OCRDocument, matcher: LabelMatcher) -> [TypeGuess] {
        // Keyed by the folded text: hashing a whole `FoldedLabel` (its bit masks) costs more than the lookup saves.
        var scores: [String: Double] = [:]
        return rules.filter { !$0.keywords.isEmpty }.map { rule in
            let total = rule.keywords.reduce(0.0) { sum, keyword in
                if let cached = scores[keyword.text] { return sum + cached }
                let score = keywordScore(keyword, matcher: matcher, document: document)
                scores[keyword.text] = score
                return sum + score
            }
            return TypeGuess(code: rule.code, found: total, keywordCount: rule.keywords.count)
        }.sorted { $0.found != $1.found ? $0.found > $1.found : $0.code < $1.code }
    }

    /// Whether the rule's keywords found in the document give it a score of at least `score` (see
    /// ``TypeGuess``); a rule without keywords always does. Keywords already searched (the rule's own
    /// anchor labels) are counted first, and counting stops once the score is reached.
    func keywords(of rule: CompiledRule, reach score: Double, matcher: LabelMatcher, document: OCRDocument) -> Bool {
        guard !rule.keywords.isEmpty else { return true }
        let needed = score * min(TypeGuess.sureMatch, Double(rule.keywords.count))
        // Which keywords were searched is noted before any is counted: counting searches the others.
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: rule.keywords.count) { searched in
            for (index, keyword) in rule.keywords.enumerated() { searched.initializeElement(at: index, to: matcher.hasSearched(keyword)) }
            var found = 0.0
            for pass in [true, false] {
                for (index, keyword) in rule.keywords.enumerated() where searched[index] == pass {
                    found += keywordScore(keyword, matcher: matcher, document: document)
                    if found >= needed { return true }
                }
            }
            return false
        }
    }

    /// Found among the words (tolerant of OCR), or, for documents without words, in the folded text.
    private func keywordScore(_ keyword: FoldedLabel, matcher: LabelMatcher, document: OCRDocument) -> Double {
        if document.words.isEmpty {
            return TextFolding.foldLabel(document.text).contains(keyword.text) ? 1 : 0
        }
        return matcher.find(keyword).first?.score ?? 0
    }
}
