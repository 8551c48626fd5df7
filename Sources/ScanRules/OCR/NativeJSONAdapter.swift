import Foundation

/// Reads the native ScanRules OCR JSON (`{"text": …, "pages": [{"width", "height", "words": […]}]}`).
///
/// Missing `start`/`end` are found by locating each word in order in `text`; a missing `text` is rebuilt
/// from the words, one line per `line` number. Offsets that disagree with the text are refused. A word may
/// carry both `box` and `polygon` (as ``NativeJSONEncoder`` writes tilted words): `box` is used, the
/// polygon kept.
///
/// The file is read from its bytes by ``NativeJSONParser`` and the text compared and searched as UTF-8:
/// this is the format of batch streams, where reading must cost little beside extraction.
enum NativeJSONAdapter {
    typealias Word = NativeJSONParser.Word

    static func read(_ data: Data, source: String) throws(OCRInputError) -> OCRDocument {
        let parsed = data.withUnsafeBytes { raw -> Result<NativeJSONParser.File, OCRInputError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard UTF8Validation.isValid(bytes) else {
                return .failure(OCRInputError(source: source, problem: "not UTF-8 text; OCR inputs are JSON, TSV, hOCR or text files"))
            }
            var parser = NativeJSONParser(bytes)
            do throws(JSONReadError) {
                return .success(try parser.file())
            } catch {
                return .failure(OCRInputError(source: source, problem: "not valid ScanRules OCR JSON: \(error.described(in: bytes))"))
            }
        }
        let file = try parsed.get()
        let text = MatchableText(utf8: file.text ?? rebuiltText(file.pages))
        var cursor = 0, lineCounter = 0
        var pages: [OCRPage] = []
        pages.reserveCapacity(file.pages.count)
        for (pageIndex, page) in file.pages.enumerated() {
            guard page.width > 0, page.height > 0 else {
                throw OCRInputError(source: source, problem: "pages[\(pageIndex)] has width \(page.width) and height \(page.height); both must be positive pixel sizes")
            }
            var words: [OCRWord] = []
            words.reserveCapacity(page.words.count)
            for (wordIndex, word) in page.words.enumerated() {
                func place() -> String { "pages[\(pageIndex)].words[\(wordIndex)] ('\(word.text)')" }
                let range = try offsets(of: word, in: text, from: cursor, place: place(), source: source)
                cursor = range.upperBound
                let box = try boundingBox(word, place: place(), source: source)
                let line = word.line ?? lineCounter
                lineCounter = line
                words.append(OCRWord(text: word.text, start: range.lowerBound, end: range.upperBound, box: box,
                                     confidence: min(1, max(0, word.confidence ?? 1)), line: line, page: pageIndex,
                                     polygon: word.polygon))
            }
            pages.append(OCRPage(width: page.width, height: page.height, words: words))
        }
        return OCRDocument(matchable: text, pages: pages)
    }

    /// The word's code-point offsets: the given ones, checked against the text, or where it next occurs
    /// after `cursor`.
    private static func offsets(of word: Word, in text: MatchableText, from cursor: Int, place: @autoclosure () -> String,
                                source: String) throws(OCRInputError) -> Range<Int> {
        if let start = word.start, let end = word.end {
            guard start >= 0, end <= text.count, start <= end else {
                throw OCRInputError(source: source, problem: "\(place()) has start \(start), end \(end) outside the text's \(text.count) code points")
            }
            // Equal UTF-8 bytes are equal code points: valid UTF-8 encodes each one in exactly one way.
            let bytes = text.utf8[text.byteOffset(ofScalar: start)..<text.byteOffset(ofScalar: end)]
            guard word.text.utf8.elementsEqual(bytes) else {
                throw OCRInputError(source: source, problem: "\(place()) claims offsets \(start)..<\(end) but the text there reads '\(text.slice(start..<end))'; offsets are Unicode code points, end exclusive")
            }
            return start..<end
        }
        guard let found = locate(word.text, in: text, from: cursor) else {
            throw OCRInputError(source: source, problem: "\(place()) does not occur in the text after offset \(cursor); give start/end or fix the word order")
        }
        return found
    }

    private static func boundingBox(_ word: Word, place: @autoclosure () -> String, source: String) throws(OCRInputError) -> BoundingBox {
        if let box = word.box { return box }
        if let polygon = word.polygon { return BoundingBox(enclosing: polygon) }
        throw OCRInputError(source: source, problem: "\(place()) has neither 'box' [left, top, right, bottom] nor 'polygon'")
    }

    /// Each page's words joined by spaces, a line per `line` number in the order of those numbers (words
    /// without one on line 0), pages joined by newlines.
    private static func rebuiltText(_ pages: [NativeJSONParser.Page]) -> [UInt8] {
        var text: [UInt8] = []
        for (pageIndex, page) in pages.enumerated() {
            if pageIndex > 0 { text.append(UInt8(ascii: "\n")) }
            // A stable sort keeps the words of one line in their given order.
            let order = page.words.indices.sorted { (page.words[$0].line ?? 0, $0) < (page.words[$1].line ?? 0, $1) }
            for (position, index) in order.enumerated() {
                if position > 0 {
                    let sameLine = page.words[order[position - 1]].line ?? 0 == page.words[index].line ?? 0
                    text.append(sameLine ? UInt8(ascii: " ") : UInt8(ascii: "\n"))
                }
                text.append(contentsOf: page.words[index].text.utf8)
            }
        }
        return text
    }

    /// Where `word` next occurs in the text at or after code point `cursor`. A match of valid UTF-8 bytes
    /// always starts and ends on code-point boundaries, so searching bytes finds what searching code
    /// points would.
    private static func locate(_ word: String, in text: MatchableText, from cursor: Int) -> Range<Int>? {
        let needle = Array(word.utf8)
        guard !needle.isEmpty else { return nil }
        let start = text.byteOffset(ofScalar: min(cursor, text.count))
        guard let found = text.utf8.withUnsafeBytes({ $0.firstOffset(of: needle, from: start) }) else { return nil }
        return text.scalarOffset(ofByte: found)..<text.scalarOffset(ofByte: found + needle.count)
    }
}
