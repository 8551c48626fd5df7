import Foundation

/// Reads the native ScanRules OCR JSON (`{"text": …, "pages": [{"width", "height", "words": […]}]}`).
///
/// Missing `start`/`end` are found by locating each word in order in `text`; a missing `text` is rebuilt
/// from the words, one line per `line` number. Offsets that disagree with the text are refused. A word may
/// carry both `box` and `polygon` (as ``NativeJSONEncoder`` writes tilted words): `box` is used, the
/// polygon kept.
enum NativeJSONAdapter {
    private struct File: Decodable {
        var text: String?
        var pages: [Page]
    }

    private struct Page: Decodable {
        var width: Double
        var height: Double
        var words: [Word]
    }

    private struct Word: Decodable {
        var text: String
        var start: Int?
        var end: Int?
        var box: [Double]?
        var polygon: [[Double]]?
        var confidence: Double?
        var line: Int?
    }

    static func read(_ data: Data, source: String) throws(OCRInputError) -> OCRDocument {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw OCRInputError(source: source, problem: "not valid ScanRules OCR JSON: \(describe(error))")
        }
        let text = file.text ?? rebuiltText(file.pages)
        let scalars = Array(text.unicodeScalars)
        var cursor = 0, lineCounter = 0
        var pages: [OCRPage] = []
        for (pageIndex, page) in file.pages.enumerated() {
            guard page.width > 0, page.height > 0 else {
                throw OCRInputError(source: source, problem: "pages[\(pageIndex)] has width \(page.width) and height \(page.height); both must be positive pixel sizes")
            }
            var words: [OCRWord] = []
            for (wordIndex, word) in page.words.enumerated() {
                let place = "pages[\(pageIndex)].words[\(wordIndex)] ('\(word.text)')"
                let wordScalars = Array(word.text.unicodeScalars)
                let range: Range<Int>
                if let start = word.start, let end = word.end {
                    guard start >= 0, end <= scalars.count, start <= end else {
                        throw OCRInputError(source: source, problem: "\(place) has start \(start), end \(end) outside the text's \(scalars.count) code points")
                    }
                    guard Array(scalars[start..<end]) == wordScalars else {
                        let found = String(String.UnicodeScalarView(scalars[start..<end]))
                        throw OCRInputError(source: source, problem: "\(place) claims offsets \(start)..<\(end) but the text there reads '\(found)'; offsets are Unicode code points, end exclusive")
                    }
                    range = start..<end
                } else {
                    guard let found = locate(wordScalars, in: scalars, from: cursor) else {
                        throw OCRInputError(source: source, problem: "\(place) does not occur in the text after offset \(cursor); give start/end or fix the word order")
                    }
                    range = found
                }
                cursor = range.upperBound
                let box = try boundingBox(word, place: place, source: source)
                let line = word.line ?? lineCounter
                lineCounter = line
                words.append(OCRWord(text: word.text, start: range.lowerBound, end: range.upperBound, box: box,
                                     confidence: min(1, max(0, word.confidence ?? 1)), line: line, page: pageIndex,
                                     polygon: word.polygon.map { $0.map { OCRPoint(x: $0[0], y: $0[1]) } }))
            }
            pages.append(OCRPage(width: page.width, height: page.height, words: words))
        }
        return OCRDocument(text: text, pages: pages)
    }

    private static func boundingBox(_ word: Word, place: String, source: String) throws(OCRInputError) -> BoundingBox {
        if let polygon = word.polygon, polygon.count < 3 || !polygon.allSatisfy({ $0.count == 2 }) {
            throw OCRInputError(source: source, problem: "\(place) polygon must be a list of [x, y] points, got \(polygon)")
        }
        if let box = word.box {
            guard box.count == 4, box[0] <= box[2], box[1] <= box[3] else {
                throw OCRInputError(source: source, problem: "\(place) box must be [left, top, right, bottom] with left ≤ right and top ≤ bottom, got \(box)")
            }
            return BoundingBox(left: box[0], top: box[1], right: box[2], bottom: box[3])
        }
        if let polygon = word.polygon {
            return BoundingBox(enclosing: polygon.map { (x: $0[0], y: $0[1]) })
        }
        throw OCRInputError(source: source, problem: "\(place) has neither 'box' [left, top, right, bottom] nor 'polygon'")
    }

    private static func rebuiltText(_ pages: [Page]) -> String {
        pages.map { page in
            Dictionary(grouping: page.words.enumerated(), by: { $0.element.line ?? 0 })
                .sorted { $0.key < $1.key }
                .map { $0.value.map(\.element.text).joined(separator: " ") }
                .joined(separator: "\n")
        }.joined(separator: "\n")
    }

    private static func locate(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle {
                return index..<index + needle.count
            }
            index += 1
        }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error as? DecodingError {
        case let .keyNotFound(key, context)?:
            return "missing key '\(key.stringValue)' at \(path(context).isEmpty ? "the top level" : path(context))"
        case let .typeMismatch(type, context)?:
            return "\(path(context)) should be \(type): \(context.debugDescription)"
        case let .valueNotFound(type, context)?:
            return "\(path(context)) should be \(type) but is null"
        case let .dataCorrupted(context)?:
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return [context.debugDescription, underlying].compactMap { $0 }.joined(separator: " ")
        default:
            return "\(error)"
        }
    }
}
