import Testing
@testable import ScanRules

/// The byte-level text operations must give what the Character-level ones give, on every text.
@Suite struct ByteTextTests {
    /// ASCII, Latin-1 letters, letters without a Latin-1 capital, combining marks, CR LF, other scripts.
    let samples = ["PEREZ", "pérez", "MUÑOZ  O'neil", "straße", "ÿves", "e\u{301}l 0 1", "a\r\nb", "Ωmega 5", "",
                   " 12.345.67B ", "ÀÞàþ÷×", "l\u{301}O"]

    @Test func upperCaseAsTheStandardLibrary() {
        for sample in samples { #expect(ByteText.uppercased(sample) == sample.uppercased(), "\(sample)") }
    }

    @Test func countsCharacters() {
        for sample in samples { #expect(ByteText.count(sample) == sample.count, "\(sample)") }
    }

    @Test func whitespaceCollapsesAsWords() {
        for sample in samples + ["  a \t b\n", "ñ  ñ", " é"] {
            #expect(Normalizer.collapsingWhitespace(sample) == sample.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
    }

    @Test func confusionRepairReadsLatinTextByteByByte() {
        #expect(ConfusionRepair.letters("MU0Z PEÑA1") == ("MUOZ PEÑAI", 2))
        #expect(ConfusionRepair.digits("1O.2S5") == ("10.255", 2))
        // A letter carrying a combining mark is another character: it is not repaired.
        #expect(ConfusionRepair.digits("O\u{301}5") == ("O\u{301}5", 0))
    }
}
