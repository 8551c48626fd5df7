import Foundation
import Testing
@testable import ScanRules

/// The byte-level reader of native OCR JSON: JSON's grammar (strings, escapes, numbers) read exactly as
/// the standard says, and bad input refused with its place.
@Suite struct NativeJSONReaderTests {
    static func problem(_ json: String) -> String {
        do {
            _ = try OCRDocument(data: Data(json.utf8), source: "n.json", format: .native)
            return "no error"
        } catch {
            return error.problem
        }
    }

    static func document(words: String, text: String? = nil) throws -> OCRDocument {
        let textMember = text.map { "\"text\": \($0), " } ?? ""
        return try OCRDocument(data: Data(#"{\#(textMember)"pages": [{"width": 100, "height": 50, "words": [\#(words)]}]}"#.utf8),
                               source: "n.json", format: .native)
    }

    /// Reads one JSON number the way the reader does.
    static func number(_ written: String) throws -> Double {
        let bytes = Array(written.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONReadError) in
            var scanner = JSONScanner(buffer)
            return try scanner.number()
        }
    }

    @Test func escapesAreDecoded() throws {
        let document = try Self.document(words: #"{"text": "P\u00c9REZ\"\\\/\ud83d\ude42", "box": [0, 0, 1, 1]}"#)
        #expect(document.words[0].text == "PÉREZ\"\\/🙂")
        #expect(document.text == "PÉREZ\"\\/🙂")
        #expect(document.words[0].end == 9)
    }

    @Test func numbersAreReadExactlyAsTheStandardLibraryReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        var written = ["0", "-0", "0.1", "1e-7", "2.5E+3", "0.9622035199999999", "123456789012345678901234567890",
                       "9007199254740993", "1.7976931348623157e308", "4.9e-324", "0.000001", "720", "-13.75"]
        for _ in 0..<2_000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            written.append("\(value)")
            written.append(String(Int.random(in: -100_000...100_000)) + "." + String(Int.random(in: 0...999_999)))
        }
        for text in written {
            #expect(try Self.number(text) == Double(text)!, "\(text)")
        }
    }

    @Test func offsetsAreCodePointsAcrossMultiByteText() throws {
        let document = try Self.document(words: #"{"text": "LUIS", "box": [0, 0, 1, 1]}"#, text: #""JOSÉ 🙂 LUIS""#)
        #expect(document.words[0].start == 7 && document.words[0].end == 11)
        let checked = try Self.document(words: #"{"text": "🙂", "start": 5, "end": 6, "box": [0, 0, 1, 1]}"#, text: #""JOSÉ 🙂 LUIS""#)
        #expect(checked.words[0].start == 5)
    }

    @Test func aByteOrderMarkAndUnknownMembersAreAllowed() throws {
        let json = "\u{FEFF}" + #"{"engine": {"name": "x", "versions": [1, [true, null]]}, "pages": [{"width": 10, "height": 10, "words": [{"text": "A", "box": [0, 0, 1, 1], "note": null}]}]}"#
        let document = try OCRDocument(data: Data(json.utf8), source: "n.json")
        #expect(document.words.map(\.text) == ["A"])
    }

    @Test func syntaxErrorsSayWhatAndWhere() {
        #expect(Self.problem("{\"pages\": [\n  {\"width\": 10,, \"height\": 1}]}") == "not valid ScanRules OCR JSON: expected a key in double quotes (line 2, column 16)")
        #expect(Self.problem(#"{"pages": [], "engine": [1,]}"#).hasPrefix("not valid ScanRules OCR JSON: a trailing comma is not allowed in JSON; remove it"))
        #expect(Self.problem(#"{"pages": [{"width": 10, "height": 10, "words": [{"text": "A"#).contains("the input ends inside a string (the file may be truncated)"))
        #expect(Self.problem(#"{"pages": [{"width": 01, "height": 1, "words": []}]}"#).contains("a number must not start with 0 and another digit"))
        #expect(Self.problem(#"{"pages": [], "text": "a\u12"}"#).contains("a \\u escape needs four hexadecimal digits"))
        #expect(Self.problem(#"{"pages": []} {"#).contains("unexpected text after the document's closing brace"))
        #expect(Self.problem(#"{"pages": [{"width": 1e999, "height": 1, "words": []}]}"#).contains("the number 1e999 is too large"))
    }

    @Test func valuesOfTheWrongKindNameTheirPath() {
        #expect(Self.problem(#"{"pages": [{"width": 10, "height": "10", "words": []}]}"#)
                == "not valid ScanRules OCR JSON: pages[0].height should be a number, found a string (line 1, column 36)")
        #expect(Self.problem(#"{"pages": [{"width": 10, "height": 10, "words": [{"text": "A", "box": [0, 0, "1", 1]}]}]}"#)
                .hasPrefix("not valid ScanRules OCR JSON: pages[0].words[0].box[2] should be a number, found a string"))
        #expect(Self.problem(#"{"pages": [{"width": 10, "height": 10, "words": [{"text": "A", "start": 0.5, "end": 1, "box": [0, 0, 1, 1]}]}]}"#)
                .hasPrefix("not valid ScanRules OCR JSON: pages[0].words[0].start should be a whole number, found 0.5"))
        #expect(Self.problem(#"{"pages": [{"width": 10, "words": []}]}"#).hasPrefix("not valid ScanRules OCR JSON: missing key 'height' at pages[0]"))
        #expect(Self.problem(#"{"pages": [{"width": 10, "height": 10, "words": [{"text": "A", "box": [1, 2, 0, 4]}]}]}"#)
                .hasPrefix("not valid ScanRules OCR JSON: pages[0].words[0].box must be [left, top, right, bottom] with left ≤ right and top ≤ bottom, got [1, 2, 0, 4] (line 1, column 71)"))
        #expect(Self.problem(#"{"pages": [{"width": 10, "height": 10, "words": [{"text": "A", "polygon": [[1, 2], [3]]}]}]}"#)
                .hasPrefix("not valid ScanRules OCR JSON: pages[0].words[0].polygon must be a list of at least three [x, y] points"))
        #expect(Self.problem(#"{"pages": [{"width": 10, "height": 10, "words": [{"text": "A"}]}]}"#)
                == "pages[0].words[0] ('A') has neither 'box' [left, top, right, bottom] nor 'polygon'")
        #expect(Self.problem(#"[]"#).hasPrefix("not valid ScanRules OCR JSON: the top level should be an object, found a list"))
    }

    @Test func aRepeatedMemberIsRefusedNotReadOneWay() {
        #expect(Self.problem(#"{"pages": [{"width": 10, "height": 10, "words": [{"text": "A", "text": "B", "box": [0, 0, 1, 1]}]}]}"#)
                .hasPrefix("not valid ScanRules OCR JSON: pages[0].words[0] has the key 'text' twice; keep one"))
    }

    @Test func hostileNestingFailsInsteadOfExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(Self.problem(#"{"x": \#(deep)"#).contains("values nested more than 512 deep"))
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array(#"{"pages": [], "text": "A"#.utf8)
        bytes += [0xC3, 0x28, UInt8(ascii: "\""), UInt8(ascii: "}")]
        #expect {
            _ = try OCRDocument(data: Data(bytes), source: "n.json", format: .native)
        } throws: { error in
            "\(error)".contains("not UTF-8 text")
        }
    }
}
