/// Reads hOCR (`tesseract IMAGE OUT hocr`, Tesseract 3.x to 5.x).
///
/// Each `ocr_page` is a page (size from its `bbox`, or from its words when it has none); `ocr_line`,
/// `ocr_caption`, `ocr_header`, `ocr_textfloat` (and `ocrx_line`) are lines; each `ocrx_word` is a word with
/// the `bbox` and `x_wconf` (0–100) of its `title`. Markup inside a word (`<strong>`) is dropped, character
/// references (`&amp;`, `&#39;`) decoded, whitespace-only words skipped. A word without `x_wconf` has
/// confidence 1. The text is rebuilt: words joined by a space, lines by a newline.
enum HOCRAdapter {
    static let format = OCRFormat.hocr.displayName
    private static let lineClasses: Set<String> = ["ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat", "ocrx_line"]
    private static let voidElements: Set<String> = ["meta", "br", "img", "link", "hr", "input", "area", "base", "col", "wbr"]

    private enum Role { case page, line, word, other }

    static func looksLikeHOCR(_ start: Substring) -> Bool {
        start.contains("ocr_page") || start.contains("ocrx_word") || start.lowercased().contains("<html")
    }

    static func read(_ content: String, source: String) throws(OCRInputError) -> OCRDocument {
        var scanner = HTMLScanner(content)
        var builder = DocumentBuilder()
        var stack: [(name: String, role: Role)] = []
        var word: (text: String, box: BoundingBox, confidence: Double)?
        var pageCount = 0, wordCount = 0

        func fail(_ problem: String) -> OCRInputError { OCRInputError(source: source, problem: "\(format): \(problem)") }

        while let token = scanner.next() {
            switch token {
            case let .start(name, attributes, selfClosing):
                if selfClosing || voidElements.contains(name) { continue }
                let classes = Set((attributes["class"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
                let title = properties(attributes["title"] ?? "")
                var role = Role.other
                if classes.contains("ocr_page") {
                    role = .page
                    pageCount += 1
                    let bbox = title["bbox"].flatMap { $0.count == 4 ? $0 : nil }
                    builder.startPage(width: bbox.map { $0[2] }, height: bbox.map { $0[3] })
                } else if !lineClasses.isDisjoint(with: classes) {
                    role = .line
                    builder.endLine()
                } else if classes.contains("ocrx_word") {
                    role = .word
                    wordCount += 1
                    let label = "word \(wordCount)\(attributes["id"].map { " (id '\($0)')" } ?? "")"
                    guard let bbox = title["bbox"] else {
                        throw fail("\(label) has no bbox in its title (\"\(attributes["title"] ?? "")\"); hOCR words need title='bbox LEFT TOP RIGHT BOTTOM'")
                    }
                    guard bbox.count == 4, bbox[0] <= bbox[2], bbox[1] <= bbox[3] else {
                        throw fail("\(label) has bbox \(bbox); expected four numbers LEFT TOP RIGHT BOTTOM")
                    }
                    let confidence = title["x_wconf"]?.first.map { $0 / 100 } ?? 1
                    word = ("", BoundingBox(left: bbox[0], top: bbox[1], right: bbox[2], bottom: bbox[3]), confidence)
                }
                stack.append((name, role))
            case let .end(name):
                guard let open = stack.lastIndex(where: { $0.name == name }) else { continue }
                for element in stack[open...].reversed() {
                    switch element.role {
                    case .word:
                        if let finished = word {
                            builder.addWord(finished.text, box: finished.box, confidence: finished.confidence)
                            word = nil
                        }
                    case .line: builder.endLine()
                    case .page, .other: break
                    }
                }
                stack.removeSubrange(open...)
            case let .text(text):
                if word != nil { word!.text += text }
            }
        }
        if scanner.truncated || word != nil || stack.contains(where: { $0.name == "html" || $0.role == .page }) {
            throw fail("the file ends inside an element after \(wordCount) words (truncated?); save Tesseract's complete hOCR output")
        }
        guard pageCount > 0 else {
            throw fail("no element with class 'ocr_page'; expected hOCR as `tesseract IMAGE OUT hocr` writes it")
        }
        return builder.build()
    }

    /// The `title` properties: `bbox 1 2 3 4; x_wconf 95` → ["bbox": [1, 2, 3, 4], "x_wconf": [95]].
    /// Non-numeric values (`image "x.png"`) are skipped.
    private static func properties(_ title: String) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for part in title.split(separator: ";") {
            let items = part.split(whereSeparator: \.isWhitespace)
            guard let key = items.first else { continue }
            let numbers = items.dropFirst().compactMap { Double($0) }
            if numbers.count == items.count - 1 { result[String(key)] = numbers }
        }
        return result
    }
}
