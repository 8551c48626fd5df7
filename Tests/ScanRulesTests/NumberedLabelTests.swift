import Testing
@testable import ScanRules

/// Labels printed after their box number (`31. Primer apellido`), found with a looser spelling when the
/// number is read right before them.
@Suite struct NumberedLabelTests {
    func row(_ texts: [String], top: Double = 0, gaps: [Int: Double] = [:]) -> [OCRWord] {
        TestSupport.row(texts, top: top, gaps: gaps)
    }

    func numbered(_ number: String, _ printed: String) throws -> NumberedLabel {
        let label = try #require(FoldedLabel(printed))
        return try #require(NumberedLabel(number: number, label: label))
    }

    @Test func aGarbledLabelIsFoundAfterItsExactNumber() throws {
        let label = try numbered("31", "Primer apellido")
        // Five edits: past the ordinary budget of 3, within half the label's 14 codes.
        #expect(LabelMatcher(words: row(["31", "Prever", "apelo"])).find(label.label).isEmpty)
        let hit = try #require(label.find(in: LabelMatcher(words: row(["31", "Prever", "apelo", "TORRES"]))).first)
        #expect(hit.words == 0..<3)
        #expect(abs(hit.score - (1 - 5.0 / 14)) < 1e-9)
        // Glued to the number.
        #expect(label.find(in: LabelMatcher(words: row(["31.Prever", "apelo"]))).first?.words == 0..<2)
    }

    @Test func withoutTheNumberOrTooGarbledThereIsNoHit() throws {
        let label = try numbered("31", "Primer apellido")
        #expect(label.find(in: LabelMatcher(words: row(["Prever", "apelo"]))).isEmpty)
        #expect(label.find(in: LabelMatcher(words: row(["30", "Prever", "apelo"]))).isEmpty)
        // A misread number is refused: box 32's label is much like 31's.
        #expect(try numbered("32", "Segundo apellido").find(in: LabelMatcher(words: row(["31", "Primer", "apellido"]))).isEmpty)
        // More than half the label's codes wrong.
        #expect(label.find(in: LabelMatcher(words: row(["31", "Cuenta", "bancaria"]))).isEmpty)
        // Text far right of the number belongs to another box.
        #expect(label.find(in: LabelMatcher(words: row(["31", "Primer", "apellido"], gaps: [1: 200]))).isEmpty)
        // Text on another row.
        let below = row(["31"]) + row(["Primer", "apellido"], top: 40)
        #expect(label.find(in: LabelMatcher(words: below)).isEmpty)
    }

    @Test func aNumberThatLostItsFirstDigitScoresLower() throws {
        let label = try numbered("32", "Segundo apellido")
        let exact = try #require(label.find(in: LabelMatcher(words: row(["32", "Segundo", "apellido"]))).first)
        let lost = try #require(label.find(in: LabelMatcher(words: row(["2", "Segundo", "apellido"]))).first)
        #expect(exact.score == 1)
        #expect(abs(lost.score - NumberedLabel.lostDigitFactor) < 1e-9)
        // Only the first digit may be lost: `3` is not read as 32.
        #expect(label.find(in: LabelMatcher(words: row(["3", "Segundo", "apellido"]))).isEmpty)
        #expect(label.find(in: LabelMatcher(words: row(["132", "Segundo", "apellido"]))).isEmpty)
    }

    @Test func aRuleAnchorsOnNumberedLabelsAfterItsWellSpelledOnes() throws {
        let document = RuleFeatureTests().page([
            (100, [(10, "31"), (40, "Prever"), (120, "apelo"), (400, "32"), (430, "Segundo"), (530, "apellido")]),
            (130, [(10, "TORRES"), (400, "ZULUAGA")]),
        ])
        let fields = """
          first: {anchor: {labels: [31. Primer apellido], number: 31, where: [below]}, pattern: '(?<value>\\p{Lu}+)'}
          second: {anchor: {labels: [Segundo apellido], number: 32, where: [below]}, pattern: '(?<value>\\p{Lu}+)'}
          plain: {anchor: {labels: [Primer apellido], where: [below]}, pattern: '(?<value>\\p{Lu}+)'}
        """
        let extraction = try RuleFeatureTests().extract(document, fields)
        let first = try #require(extraction.field("first"))
        #expect(first.value == "TORRES")
        #expect(first.confidence < 0.9)
        #expect(extraction.field("second")?.value == "ZULUAGA")
        #expect(extraction.field("second")!.confidence > first.confidence)
        #expect(extraction.field("plain") == nil)
    }

    @Test func numberNeedsLabelsAndDigits() {
        #expect(throws: RuleFileError.self) {
            try RuleSet.compile("code: T\ncategory: ID\nfields:\n  b: {pattern: x}\n  a: {anchor: {field: b, number: 3}, pattern: x}\n", file: "T.yaml")
        }
        #expect(throws: RuleFileError.self) {
            try RuleSet.compile("code: T\ncategory: ID\nfields:\n  a: {anchor: {labels: [Primer apellido], number: x1}, pattern: x}\n", file: "T.yaml")
        }
    }
}
