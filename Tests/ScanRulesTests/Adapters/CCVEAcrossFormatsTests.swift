import Foundation
import Testing
@testable import ScanRules

/// The CCVE seed example written in every engine's format extracts the same fields as the native file.
@Suite struct CCVEAcrossFormatsTests {
    static let seed = TestSupport.fixtures.appendingPathComponent("CCVE/ccve-seed.ocr.json")
    static let asOf = CalendarDate(iso: "2025-10-23")!

    static func flatValues(_ document: OCRDocument) throws -> [String: String] {
        let extraction = try TestSupport.engine.extract(document, type: "CCVE", asOf: asOf)
        var values: [String: String] = [:]
        for field in extraction.fields { values[field.name] = field.value }
        values["country"] = extraction.country
        values["category"] = extraction.category
        return values
    }

    static let writers: [(OCRFormat, @Sendable (OCRDocument) -> Data)] = [
        (.tesseractTSV, EngineFormatWriters.tesseractTSV),
        (.hocr, EngineFormatWriters.hocr),
        (.googleVision, EngineFormatWriters.googleVision),
        (.googleVision, EngineFormatWriters.googleVisionTextAnnotations),
        (.documentAI, EngineFormatWriters.documentAI),
        (.azure, EngineFormatWriters.azure),
        (.azure, EngineFormatWriters.azureVersion2),
        (.textract, EngineFormatWriters.textract),
        (.paddleOCR, EngineFormatWriters.paddleOCR),
    ]

    @Test(arguments: 0..<writers.count)
    func sameFieldsAsTheNativeFile(writer: Int) throws {
        let native = try OCRDocument(contentsOf: [Self.seed.path])
        let expected = try Self.flatValues(native)
        #expect(expected["documentNumber"] != nil && expected.count >= 8)
        let (format, write) = Self.writers[writer]
        let data = write(native)
        let converted = try OCRDocument(data: data, source: "seed.\(format.rawValue)")
        #expect(try OCRFormat.sniff(String(decoding: data, as: UTF8.self), source: "x") == format)
        #expect(converted.words.map(\.text) == native.words.map(\.text))
        for word in converted.words {
            #expect(converted.matchable.slice(word.start..<word.end) == word.text)
        }
        #expect(try Self.flatValues(converted) == expected, "format \(format.rawValue) (writer \(writer))")
    }
}
