import Foundation
import Testing
@testable import ScanRules

@Suite struct OCRInputTests {
    /// A hand-written TSV in Tesseract's shape: structure rows with conf -1, a blank word, an 11-column row.
    static let tsv = [
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "1\t1\t0\t0\t0\t0\t0\t0\t1000\t600\t-1\t",
        "2\t1\t1\t0\t0\t0\t10\t10\t500\t100\t-1\t",
        "3\t1\t1\t1\t0\t0\t10\t10\t500\t100\t-1\t",
        "4\t1\t1\t1\t1\t0\t10\t10\t300\t20\t-1\t",
        "5\t1\t1\t1\t1\t1\t10\t10\t100\t20\t96.5\tAPELLIDOS",
        "5\t1\t1\t1\t1\t2\t120\t10\t40\t20\t95\t ",
        "5\t1\t1\t1\t1\t3\t170\t12\t140\t18\t88\tPÉREZ\"O",
        "4\t1\t1\t1\t2\t0\t10\t40\t300\t20\t-1\t",
        "5\t1\t1\t1\t2\t1\t10\t40\t60\t20\t0\tV",
        "5\t1\t1\t1\t2\t2\t80\t40\t90\t20\t91\t12.345",
        "5\t1\t1\t1\t2\t3\t180\t40\t10\t20\t-1",
    ].joined(separator: "\n") + "\n"

    @Test func tesseractTSVRebuildsTextLinesAndOffsets() throws {
        let document = try OCRDocument(data: Data(Self.tsv.utf8), source: "test.tsv")
        #expect(document.text == "APELLIDOS PÉREZ\"O\nV 12.345")
        #expect(document.pages.count == 1)
        #expect(document.pages[0].width == 1000 && document.pages[0].height == 600)
        #expect(document.words.map(\.text) == ["APELLIDOS", "PÉREZ\"O", "V", "12.345"])
        let perez = document.words[1]
        #expect(perez.start == 10 && perez.end == 17)
        #expect(perez.box == BoundingBox(left: 170, top: 12, right: 310, bottom: 30))
        #expect(perez.confidence == 0.88)
        #expect(document.words[2].confidence == 0)
        #expect(document.words.map(\.line) == [0, 0, 1, 1])
        for word in document.words {
            #expect(document.matchable.slice(word.start..<word.end) == word.text)
        }
    }

    @Test func tesseractTSVWithWrongColumnsIsRefusedWithTheLine() {
        let broken = OCRInputTests.tsv.replacingOccurrences(of: "5\t1\t1\t1\t2\t1\t10\t40\t60\t20\t0\tV", with: "5\t1\t1\tx")
        #expect {
            _ = try OCRDocument(data: Data(broken.utf8), source: "bad.tsv")
        } throws: { error in
            "\(error)".hasPrefix("bad.tsv: line 10: expected 12 tab-separated columns")
        }
    }

    @Test func nativeJSONLocatesWordsWithoutOffsets() throws {
        let json = #"{"text": "NOMBRES: JOSÉ 🙂 LUIS", "pages": [{"width": 100, "height": 50, "words": ["#
            + #"{"text": "JOSÉ", "box": [10, 10, 30, 20], "confidence": 0.5},"#
            + #"{"text": "LUIS", "polygon": [[40, 10], [60, 11], [60, 21], [40, 20]]}]}]}"#
        let document = try OCRDocument(data: Data(json.utf8), source: "n.json")
        #expect(document.words.map(\.start) == [9, 16])
        #expect(document.words[1].box == BoundingBox(left: 40, top: 10, right: 60, bottom: 21))
        #expect(document.words[1].confidence == 1)
    }

    @Test func nativeJSONRebuildsMissingTextFromLines() throws {
        let json = #"{"pages": [{"width": 100, "height": 50, "words": ["#
            + #"{"text": "A", "box": [0, 0, 1, 1], "line": 0}, {"text": "B", "box": [2, 0, 3, 1], "line": 0},"#
            + #"{"text": "C", "box": [0, 5, 1, 6], "line": 1}]}]}"#
        let document = try OCRDocument(data: Data(json.utf8), source: "n.json")
        #expect(document.text == "A B\nC")
        #expect(document.words.map(\.start) == [0, 2, 4])
    }

    @Test func nativeJSONOffsetsThatDisagreeWithTheTextAreRefused() {
        let json = #"{"text": "TOVAR", "pages": [{"width": 10, "height": 10, "words": [{"text": "TOVAR", "start": 1, "end": 5, "box": [0,0,1,1]}]}]}"#
        #expect {
            _ = try OCRDocument(data: Data(json.utf8), source: "n.json")
        } throws: { error in
            "\(error)".contains("claims offsets 1..<5 but the text there reads 'OVAR'")
        }
    }

    @Test func nativeJSONWithAMissingKeyNamesIt() {
        #expect {
            _ = try OCRDocument(data: Data(#"{"text": "x"}"#.utf8), source: "n.json")
        } throws: { error in
            "\(error)".contains("missing key 'pages'")
        }
    }

    @Test func contentThatIsNeitherJSONNorTSVIsRefused() {
        #expect {
            _ = try OCRDocument(data: Data("%PDF-1.7 binary".utf8), source: "scan.pdf")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("scan.pdf: not a recognised OCR format (starts with '%PDF-1.7 binary')")
                && text.contains("Tesseract TSV")
        }
    }

    @Test func severalFilesArePagesOfOneDocument() throws {
        let front = try TestSupport.temporaryFile(Self.tsv, name: "front.tsv")
        let back = try TestSupport.temporaryFile(#"{"text": "SEXO M", "pages": [{"width": 10, "height": 10, "words": [{"text": "M", "box": [5, 0, 6, 1]}]}]}"#, name: "back.json")
        let document = try OCRDocument(contentsOf: [front, back])
        #expect(document.pages.count == 2)
        #expect(document.text == "APELLIDOS PÉREZ\"O\nV 12.345\nSEXO M")
        let last = try #require(document.words.last)
        #expect(last.page == 1 && last.start == 32 && document.matchable.slice(last.start..<last.end) == "M")
        #expect(last.line == 2)
    }
}
