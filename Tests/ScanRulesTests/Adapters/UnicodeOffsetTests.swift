import Foundation
import Testing
@testable import ScanRules

/// Offsets are code points whatever unit the engine counts in: accents, ñ, emoji and CJK.
@Suite struct UnicodeOffsetTests {
    static let text = "NOMBRE: JOSÉ 🙂 MUÑOZ\n名前 李小龍 e\u{301}"

    /// The words of `text` and their code-point ranges.
    static var words: [(String, Range<Int>)] {
        var result: [(String, Range<Int>)] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for word in line.split(separator: " ") {
                let start = offset + line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: word.unicodeScalars.startIndex)
                result.append((String(word), start..<start + word.unicodeScalars.count))
            }
            offset += line.unicodeScalars.count + 1
        }
        return result
    }

    static func check(_ document: OCRDocument) {
        #expect(document.text == text)
        #expect(document.words.map(\.text) == words.map(\.0))
        #expect(document.words.map { $0.start..<$0.end } == words.map(\.1))
        for word in document.words { #expect(document.matchable.slice(word.start..<word.end) == word.text) }
        #expect(document.words.map(\.line) == [0, 0, 0, 0, 1, 1, 1])
    }

    static func azure(unit: String, offset: (Int) -> Int) -> String {
        let words = Self.words.map { word, range in
            let content = word.replacingOccurrences(of: "\"", with: "\\\"")
            return #"{"content": "\#(content)", "span": {"offset": \#(offset(range.lowerBound)), "length": \#(offset(range.upperBound) - offset(range.lowerBound))}, "polygon": [0,0,1,0,1,1,0,1], "confidence": 0.5}"#
        }
        let lines = [0..<Self.text.unicodeScalars.firstIndex(of: "\n").map { Self.text.unicodeScalars.distance(from: Self.text.unicodeScalars.startIndex, to: $0) }!]
        let firstEnd = lines[0].upperBound
        let lineSpans = #"[{"content": "a", "spans": [{"offset": 0, "length": \#(offset(firstEnd))}]}, {"content": "b", "spans": [{"offset": \#(offset(firstEnd + 1)), "length": \#(offset(Self.text.unicodeScalars.count) - offset(firstEnd + 1))}]}]"#
        let content = Self.text.replacingOccurrences(of: "\n", with: "\\n")
        return #"{"analyzeResult": {"stringIndexType": "\#(unit)", "content": "\#(content)", "pages": [{"width": 10, "height": 10, "unit": "pixel", "words": [\#(words.joined(separator: ","))], "lines": \#(lineSpans)}]}}"#
    }

    @Test func azureSpansInEveryIndexTypeBecomeCodePoints() throws {
        let scalars = Array(Self.text.unicodeScalars)
        let utf16: (Int) -> Int = { scalars.prefix($0).reduce(0) { $0 + $1.utf16.count } }
        let elements: (Int) -> Int = { String(String.UnicodeScalarView(scalars.prefix($0))).count }
        for (unit, offset) in [("unicodeCodePoint", { (x: Int) in x }), ("utf16CodeUnit", utf16), ("textElements", elements)] {
            Self.check(try OCRDocument(data: Data(Self.azure(unit: unit, offset: offset).utf8), source: unit))
        }
    }

    @Test func documentAITokensCountCodePoints() throws {
        let tokens = Self.words.map { _, range in
            #"{"layout": {"textAnchor": {"textSegments": [{"startIndex": "\#(range.lowerBound)", "endIndex": "\#(range.upperBound + 1)"}]}, "boundingPoly": {"normalizedVertices": [{}, {"x": 0.1}, {"x": 0.1, "y": 0.1}, {"y": 0.1}]}}}"#
        }
        let content = Self.text.replacingOccurrences(of: "\n", with: "\\n")
        let json = #"{"text": "\#(content) ", "pages": [{"dimension": {"width": 100, "height": 50}, "tokens": [\#(tokens.joined(separator: ","))]}]}"#
        let document = try OCRDocument(data: Data(json.utf8), source: "d.json")
        #expect(document.words.map(\.text) == Self.words.map(\.0))
        #expect(document.words.map { $0.start..<$0.end } == Self.words.map(\.1))
        #expect(document.words[0].box == BoundingBox(left: 0, top: 0, right: 10, bottom: 5))
    }

    @Test func rebuiltTextFormatsCountCodePoints() throws {
        var lines: [[(String, BoundingBox)]] = [[], []]
        for (index, word) in Self.words.enumerated() {
            lines[index < 4 ? 0 : 1].append((word.0, BoundingBox(left: Double(index * 10), top: 0, right: Double(index * 10 + 8), bottom: 5)))
        }
        // hOCR with character references for the accent and the emoji.
        var html = "<html><body><div class='ocr_page' title='bbox 0 0 100 20'>"
        for line in lines {
            html += "<span class='ocr_line' title='bbox 0 0 1 1'>"
            for (text, box) in line {
                let escaped = text.replacingOccurrences(of: "🙂", with: "&#x1F642;").replacingOccurrences(of: "É", with: "&#201;")
                html += "<span class='ocrx_word' title='bbox \(Int(box.left)) 0 \(Int(box.right)) 5; x_wconf 90'><em>\(escaped)</em></span> <span class='ocrx_word' title='bbox 0 0 1 1; x_wconf 95'> </span>"
            }
            html += "</span>"
        }
        Self.check(try OCRDocument(data: Data((html + "</div></body></html>").utf8), source: "h.hocr"))
    }

    @Test func paddleOCRSplitsTiltedDetectionsIntoWords() throws {
        let line = "img.jpg\t" + #"[{"transcription": "JOSÉ 🙂 MUÑOZ", "points": [[0, 10], [130, 0], [130, 20], [0, 30]]}]"#
        let document = try OCRDocument(data: Data(line.utf8), source: "p.txt")
        #expect(document.text == "JOSÉ 🙂 MUÑOZ")
        #expect(document.words.map(\.text) == ["JOSÉ", "🙂", "MUÑOZ"])
        // "JOSÉ" is code points 0..<4 of 12: the first third of the top and bottom edges.
        let first = document.words[0]
        #expect(first.polygon?.count == 4)
        #expect(first.box.left == 0 && abs(first.box.right - 130.0 / 3) < 1e-9)
        #expect(abs(first.box.top - (10 - 10.0 / 3)) < 1e-9 && first.box.bottom == 30)
        #expect(first.confidence == 1)
        #expect(document.pages[0].width == 130 && document.pages[0].height == 30)
    }
}
