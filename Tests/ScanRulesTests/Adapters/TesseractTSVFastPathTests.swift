import Foundation
import Testing
@testable import ScanRules

/// Tesseract TSV that starts with its header is read straight from the bytes; everything else through
/// the decoded String. Both must give the same document, and the same errors, as the String path always did.
@Suite struct TesseractTSVFastPathTests {
    /// Foundation drops a UTF-8 byte order mark, so a file behind one takes the String path to the same text.
    static func throughString(_ data: Data) throws -> OCRDocument {
        try OCRDocument(data: Data([0xEF, 0xBB, 0xBF]) + data, source: "t.tsv")
    }

    static func problem(_ data: Data) -> String {
        do {
            _ = try OCRDocument(data: data, source: "t.tsv")
            return "no error"
        } catch {
            return error.problem
        }
    }

    static func expectSame(_ data: Data) throws {
        let direct = try OCRDocument(data: data, source: "t.tsv")
        let decoded = try throughString(data)
        #expect(direct.text == decoded.text)
        #expect(direct.pages == decoded.pages)
        #expect(direct.words == decoded.words)
        #expect(direct.matchable.count == decoded.matchable.count)
    }

    @Test func bytesAndStringGiveTheSameDocument() throws {
        try Self.expectSame(Data(OCRInputTests.tsv.utf8))
        try Self.expectSame(Data(OCRInputTests.tsv.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        // No line end after the last row; a decimal box; page rows after their words, a page without one.
        try Self.expectSame(Data(OCRInputTests.tsv.dropLast().utf8))
        try Self.expectSame(Data(OCRInputTests.tsv.replacingOccurrences(of: "\t170\t12\t", with: "\t170.5\t12\t").utf8))
        let pages = [
            TesseractTSVAdapter.header,
            "5\t2\t1\t1\t1\t1\t10\t10\t100\t20\t90\tSECOND",
            "5\t3\t1\t1\t1\t1\t10\t10\t100\t20\t90\tTHIRD",
            "1\t1\t0\t0\t0\t0\t0\t0\t1000\t600\t-1\t",
            "5\t1\t1\t1\t1\t1\t10\t10\t100\t20\t90\tFIRST",
            "1\t2\t0\t0\t0\t0\t0\t0\t800\t500\t-1\t",
        ].joined(separator: "\n") + "\n"
        try Self.expectSame(Data(pages.utf8))
        let document = try OCRDocument(data: Data(pages.utf8), source: "t.tsv")
        #expect(document.pages.map(\.words.count) == [1, 1])
        #expect(document.words.map(\.page) == [1, 0])
        for file in ["CCVE/ccve-01.tsv", "CCVE/ccve-12.tsv"] {
            try Self.expectSame(Data(contentsOf: TestSupport.fixtures.appendingPathComponent(file)))
        }
    }

    @Test func aFileThatIsNotUTF8SaysSoWhateverElseIsWrong() {
        let notUTF8 = "not UTF-8 text; OCR inputs are JSON, TSV, hOCR or text files"
        var inText = Data(OCRInputTests.tsv.utf8)
        inText[inText.firstIndex(of: UInt8(ascii: "V"))!] = 0xFF
        #expect(Self.problem(inText) == notUTF8)
        // A row the parser refuses before the bad byte: the file is still refused for not being UTF-8.
        var both = Data(OCRInputTests.tsv.replacingOccurrences(of: "\t10\t10\t500\t100\t", with: "\tx\t10\t500\t100\t").utf8)
        both[both.lastIndex(of: UInt8(ascii: "V"))!] = 0xC0
        #expect(Self.problem(both) == notUTF8)
    }

    /// The byte check must refuse exactly what Foundation refuses.
    @Test func utf8ValidationAgreesWithFoundation() {
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var samples: [[UInt8]] = []
        for a in interesting {
            for b in interesting {
                samples.append([a, b])
                for c in interesting {
                    samples.append([a, b, c])
                    for d in interesting { samples.append([0x41, a, b, c, d, 0x41, 0x41, 0x41, 0x41, 0x41]) }
                }
            }
        }
        let disagreeing = samples.filter { sample in
            sample.withUnsafeBufferPointer(UTF8Validation.isValid) != (String(data: Data(sample), encoding: .utf8) != nil)
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(5))")
    }
}
