import Testing
@testable import ScanRules

@Suite struct LabelMatcherTests {
    func words(_ texts: [String], top: Double = 0) -> [OCRWord] {
        TestSupport.row(texts, top: top)
    }

    func label(_ printed: String) throws -> FoldedLabel {
        try #require(FoldedLabel(printed))
    }

    @Test func foldingIgnoresCaseAccentsPunctuationAndConfusions() {
        #expect(TextFolding.foldLabel("F. Expedición:") == "FEXPEDICION")
        #expect(TextFolding.foldLabel("F.EXPED1CI0N") == "FEXPEDICION")
        #expect(TextFolding.foldLabel("APELLID05") == TextFolding.foldLabel("Apellidos"))
        #expect(TextFolding.foldLabel("G.S. RH") == "GSRH")
        #expect(TextFolding.foldLabel("MUÑOZ 2024") == "MUNOZ2O24")
        #expect(TextFolding.foldLabel("Ωμέγα") == "*****")
    }

    @Test func labelsSplitOrGluedOrMisspelledAreFound() throws {
        let expedition = try label("F. EXPEDICIÓN")
        let split = LabelMatcher(words: words(["F.", "EXPEDlCI0N", "22/02/2023"])).find(expedition)
        #expect(split.first?.words == 0..<2)
        #expect(split.first?.score == 1)
        let glued = LabelMatcher(words: words(["F.EXPEDICION", "22/02/2023"])).find(expedition)
        #expect(glued.first?.words == 0..<1)
        let misspelled = LabelMatcher(words: words(["FE", "EXPEDICON", "22/02/2023"])).find(expedition)
        #expect(misspelled.first?.words == 0..<2)
        #expect((misspelled.first?.score ?? 1) < 1)
    }

    @Test func shortLabelsMustBeExactAndDistantWordsDoNotMatch() throws {
        #expect(LabelMatcher(words: words(["SEXA"])).find(try label("SEXO")).first?.score == 0.75)
        #expect(LabelMatcher(words: words(["RH"])).find(try label("GS")).isEmpty)
        #expect(LabelMatcher(words: words(["TOVAR", "RATTIA"])).find(try label("APELLIDOS")).isEmpty)
    }

    @Test func labelsThatFoldToNothingOrAreTooLongAreRefused() {
        #expect(FoldedLabel("...") == nil)
        #expect(FoldedLabel(String(repeating: "A", count: 65)) == nil)
        #expect(FoldedLabel(String(repeating: "A", count: 64)) != nil)
    }

    /// The bit-parallel distance must agree with the textbook dynamic programme, including for labels of
    /// 64 codes and texts fed in several pieces.
    @Test func bitParallelDistanceAgreesWithDynamicProgramming() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDE")
        for round in 0..<2000 {
            let labelLength = round == 0 ? 64 : Int.random(in: 1...20, using: &generator)
            let textLength = Int.random(in: 0...24, using: &generator)
            let printed = String((0..<labelLength).map { _ in alphabet.randomElement(using: &generator)! })
            let text = String((0..<textLength).map { _ in alphabet.randomElement(using: &generator)! })
            let folded = try label(printed)
            var distance = FoldedLabel.Distance(length: folded.codes.count)
            for code in TextFolding.foldCodes(text) { distance.feed(folded.positions[Int(code)]) }
            #expect(distance.value == EditDistance.distance(printed, text, limit: 100), "\(printed) vs \(text)")
        }
    }

    @Test func editDistanceRespectsItsLimit() {
        #expect(EditDistance.distance("NOMBRES", "NOWRAES", limit: 3) == 3)
        #expect(EditDistance.distance("NOMBRES", "NOWRAES", limit: 2) == nil)
        #expect(EditDistance.distance("", "AB", limit: 2) == 2)
    }
}
