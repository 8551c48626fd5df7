import Testing
@testable import ScanRules

@Suite struct LabelMatcherTests {
    func words(_ texts: [String], top: Double = 0) -> [OCRWord] {
        var left = 0.0, offset = 0
        return texts.map { text in
            defer {
                left += Double(text.count * 10 + 10)
                offset += text.count + 1
            }
            return OCRWord(text: text, start: offset, end: offset + text.count,
                           box: BoundingBox(left: left, top: top, right: left + Double(text.count * 10), bottom: top + 10),
                           confidence: 1, line: 0, page: 0)
        }
    }

    @Test func foldingIgnoresCaseAccentsPunctuationAndConfusions() {
        #expect(TextFolding.foldLabel("F. Expedición:") == "FEXPEDICION")
        #expect(TextFolding.foldLabel("F.EXPED1CI0N") == "FEXPEDICION")
        #expect(TextFolding.foldLabel("APELLID05") == TextFolding.foldLabel("Apellidos"))
        #expect(TextFolding.foldLabel("G.S. RH") == "GSRH")
    }

    @Test func labelsSplitOrGluedOrMisspelledAreFound() {
        let label = TextFolding.foldLabel("F. EXPEDICIÓN")
        let split = LabelMatcher(words: words(["F.", "EXPEDlCI0N", "22/02/2023"])).find(label)
        #expect(split.first?.words == 0..<2)
        #expect(split.first?.score == 1)
        let misspelled = LabelMatcher(words: words(["FE", "EXPEDICON", "22/02/2023"])).find(label)
        #expect(misspelled.first?.words == 0..<2)
        #expect((misspelled.first?.score ?? 1) < 1)
    }

    @Test func shortLabelsMustBeExactAndDistantWordsDoNotMatch() {
        #expect(LabelMatcher(words: words(["SEXA"])).find(TextFolding.foldLabel("SEXO")).first?.score == 0.75)
        #expect(LabelMatcher(words: words(["RH"])).find("GS").isEmpty)
        #expect(LabelMatcher(words: words(["TOVAR", "RATTIA"])).find(TextFolding.foldLabel("APELLIDOS")).isEmpty)
    }

    @Test func editDistanceRespectsItsLimit() {
        #expect(EditDistance.distance("NOMBRES", "NOWRAES", limit: 3) == 3)
        #expect(EditDistance.distance("NOMBRES", "NOWRAES", limit: 2) == nil)
        #expect(EditDistance.distance("", "AB", limit: 2) == 2)
    }
}
