import Foundation
import Testing
@testable import ScanRules

/// `scanrules ocr` and `--input-format` as a user runs them.
@Suite struct OCRCommandTests {
    let cli = CommandLineTests()

    @Test func ocrPrintsNativeJSONThatReadsBackToTheSameDocument() throws {
        let seed = "Fixtures/CCVE/ccve-seed.ocr.json"
        let result = try cli.run(["ocr", seed])
        #expect(result.status == 0, "\(result.stderr)")
        let printed = try OCRDocument(data: Data(result.stdout.utf8), source: "stdout")
        let original = try OCRDocument(contentsOf: [TestSupport.repository.appendingPathComponent(seed).path])
        #expect(printed.text == original.text && printed.pages == original.pages)
    }

    @Test func inputFormatTextReadsPlainTextAndABadNameListsTheFormats() throws {
        let path = try TestSupport.temporaryFile("V 12.345.678\n", name: "card.txt")
        let text = try cli.run(["ocr", "--input-format", "text", path])
        #expect(text.status == 0 && text.stdout.contains(#""pages": []"#), "\(text.stderr)")
        let sniffed = try cli.run(["ocr", path])
        #expect(sniffed.status != 0 && sniffed.stderr.contains("--input-format text"))
        let bad = try cli.run(["extract", "--type", "CCVE", "--input-format", "pdf", path])
        #expect(bad.status != 0 && bad.stderr.contains("textract"))
    }

    @Test func aForcedFormatThatDoesNotFitNamesIt() throws {
        let result = try cli.run(["extract", "--type", "CCVE", "--input-format", "google-vision", "Fixtures/CCVE/ccve-seed.ocr.json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Google Cloud Vision JSON: the top level has no fullTextAnnotation.pages nor textAnnotations"), "\(result.stderr)")
    }
}
