import Foundation
import Testing
@testable import ScanRules

/// A truncated or wrong-shaped file of each format fails with an error naming the format and the fault.
@Suite struct MalformedInputTests {
    static func problem(_ text: String, format: OCRFormat? = nil) -> String {
        do {
            _ = try OCRDocument(data: Data(text.utf8), source: "bad", format: format)
            return "no error"
        } catch {
            return error.problem
        }
    }

    static let seed = try! OCRDocument(contentsOf: [TestSupport.fixtures.appendingPathComponent("CCVE/ccve-seed.ocr.json").path])

    static func truncated(_ data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        return String(text.prefix(text.count / 2))
    }

    @Test(arguments: [
        (EngineFormatWriters.googleVision(seed), "Google Cloud Vision JSON: not valid JSON"),
        (EngineFormatWriters.documentAI(seed), "Google Document AI JSON: not valid JSON"),
        (EngineFormatWriters.azure(seed), "Azure Document Intelligence JSON: not valid JSON"),
        (EngineFormatWriters.textract(seed), "AWS Textract JSON: not valid JSON"),
        (EngineFormatWriters.hocr(seed), "hOCR: the file ends inside an element"),
        (EngineFormatWriters.paddleOCR(seed), "PaddleOCR results, line 1: not valid JSON"),
    ])
    func truncatedFilesNameTheirFormat(data: Data, expected: String) {
        let problem = Self.problem(Self.truncated(data))
        #expect(problem.hasPrefix(expected), "\(problem)")
        #expect(problem.contains("truncated"), "\(problem)")
    }

    @Test func truncatedTSVNamesTheLine() {
        let text = String(decoding: EngineFormatWriters.tesseractTSV(Self.seed), as: UTF8.self)
        let cut = text.prefix { $0 != "\n" } + "\n" + text.split(separator: "\n")[2].prefix(9)
        #expect(Self.problem(String(cut)).hasPrefix("line 2: expected 12 tab-separated columns of Tesseract TSV"))
    }

    @Test func wrongShapesSayWhereAndWhat() {
        #expect(Self.problem(#"{"responses": [{"fullTextAnnotation": {"text": "A", "pages": [{"height": 10, "blocks": []}]}}]}"#)
                == "Google Cloud Vision JSON: responses[0].fullTextAnnotation.pages[0] has no width")
        #expect(Self.problem(#"{"textAnnotations": [{"description": "AB"}, {"description": "C", "boundingPoly": {"vertices": [{}]}}]}"#)
                .hasPrefix("Google Cloud Vision JSON: textAnnotations[1].description 'C' does not occur in textAnnotations[0].description"))
        #expect(Self.problem(#"{"text": "AB", "pages": [{"dimension": {"width": 10, "height": 10}, "tokens": [{"layout": {"textAnchor": {"textSegments": [{"endIndex": "9"}]}}}]}]}"#)
                .hasPrefix("Google Document AI JSON: pages[0].tokens[0].layout.textAnchor.textSegments[0] spans 0..<9, outside the text's 2 code points"))
        #expect(Self.problem(#"{"document": {"text": "AB", "pages": [{"tokens": []}]}}"#)
                == "Google Document AI JSON: document.pages[0] has no dimension")
        #expect(Self.problem(#"{"analyzeResult": {"content": "AB", "stringIndexType": "utf16CodeUnit", "pages": [{"width": 1, "height": 1, "unit": "inch", "words": [{"content": "B", "span": {"offset": 0, "length": 1}, "polygon": [0,0,1,0,1,1,0,1]}]}]}}"#)
                .hasPrefix("Azure Document Intelligence JSON: analyzeResult.pages[0].words[0] ('B') has a span that reads 'A'"))
        #expect(Self.problem(#"{"status": "running", "createdDateTime": "2025-10-23T10:00:00Z"}"#).hasPrefix("Azure Document Intelligence JSON: status is 'running'"))
        #expect(Self.problem(#"{"analyzeResult": {"readResults": [{"width": 10, "height": 10, "unit": "mm", "lines": []}]}}"#)
                == "Azure Document Intelligence JSON: analyzeResult.readResults[0].unit is 'mm'; expected 'pixel' or 'inch'")
        #expect(Self.problem(#"{"Blocks": [{"BlockType": "PAGE", "Id": "p", "Relationships": [{"Type": "CHILD", "Ids": ["gone"]}]}]}"#)
                .hasPrefix("AWS Textract JSON: Blocks[0].Relationships[0].Ids[0] ('gone') names no block"))
        #expect(Self.problem(#"{"Blocks": [{"BlockType": "LINE", "Text": "A", "Geometry": {}}]}"#)
                == "AWS Textract JSON: Blocks[0].Geometry has no BoundingBox")
        #expect(Self.problem("<html><body><div class='ocr_page' title='bbox 0 0 10 10'><span class='ocrx_word' title='x_wconf 9'>A</span></div></body></html>")
                .hasPrefix("hOCR: word 1 has no bbox in its title"))
        #expect(Self.problem("<html><body><p>hello</p></body></html>") .hasPrefix("hOCR: no element with class 'ocr_page'"))
        #expect(Self.problem("img.jpg\t[{\"transcription\": \"A\"}]\n") == "PaddleOCR results, line 1: [0] has no points")
        #expect(Self.problem("{}", format: .googleVision).hasPrefix("Google Cloud Vision JSON: the top level has no fullTextAnnotation.pages nor textAnnotations"))
    }

    @Test func plainTextIsNeverSniffedButReadWhenAsked() throws {
        #expect(Self.problem("APELLIDOS PÉREZ\nV 12.345\n").contains("--input-format text"))
        let document = try OCRDocument(data: Data("APELLIDOS PÉREZ\r\nV 12.345\r\n".utf8), source: "t.txt", format: .text)
        #expect(document.text == "APELLIDOS PÉREZ\nV 12.345\n")
        #expect(document.pages.isEmpty && document.words.isEmpty)
    }
}
