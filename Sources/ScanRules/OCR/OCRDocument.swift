/// One recognised word: its text, where it sits in the document text, on the page, and how sure the
/// OCR engine was.
public struct OCRWord: Sendable, Equatable {
    /// The word as the engine read it.
    public var text: String
    /// Code-point offsets of the word in ``OCRDocument/text`` (end exclusive).
    public var start: Int
    /// The code-point offset just after the word.
    public var end: Int
    /// The word's box in page pixels.
    public var box: BoundingBox
    /// The engine's confidence, 0...1.
    public var confidence: Double
    /// The line the engine put the word on (document-wide numbering).
    public var line: Int
    /// The page index, 0-based.
    public var page: Int
    /// The word's outline as the engine gave it, in page pixels, when it is not an axis-aligned rectangle
    /// (a tilted or rotated word); `nil` otherwise. Rules use ``box``, the engine's axis-aligned box (or the
    /// one enclosing the polygon when the engine gives none).
    public var polygon: [OCRPoint]?

    public init(text: String, start: Int, end: Int, box: BoundingBox, confidence: Double, line: Int, page: Int,
                polygon: [OCRPoint]? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.box = box
        self.confidence = confidence
        self.line = line
        self.page = page
        self.polygon = polygon
    }
}

/// One page: its size in pixels and its words.
public struct OCRPage: Sendable, Equatable {
    /// The page width in pixels (or the unit its engine uses).
    public var width: Double
    /// The page height in the same unit.
    public var height: Double
    /// The page's words in text order.
    public var words: [OCRWord]

    public init(width: Double, height: Double, words: [OCRWord]) {
        self.width = width
        self.height = height
        self.words = words
    }
}

/// What the rules see: the plain text of every page and each word with its box, confidence and
/// code-point offsets into that text, whatever OCR engine produced it.
public struct OCRDocument: Sendable {
    /// The document text; pages are separated by a newline.
    public let text: String
    /// The pages, in order (none for plain text).
    public let pages: [OCRPage]
    /// Every word of every page, in text order.
    public let words: [OCRWord]
    /// The text prepared for pattern matching.
    public let matchable: MatchableText

    public init(text: String, pages: [OCRPage]) {
        self.init(matchable: MatchableText(text), pages: pages)
    }

    /// For adapters that build the text's bytes themselves, so they are not copied again.
    init(matchable: MatchableText, pages: [OCRPage]) {
        text = matchable.string
        self.pages = pages
        let inPageOrder = pages.count == 1 ? pages[0].words : pages.flatMap(\.words)
        // Adapters give each page's words in text order: copying them into a sorted array again is only
        // needed when they are not (strictly increasing starts leave no ties for the sort to order).
        let inTextOrder = inPageOrder.indices.dropFirst().allSatisfy { inPageOrder[$0 - 1].start < inPageOrder[$0].start }
        words = inTextOrder ? inPageOrder : inPageOrder.sorted { $0.start < $1.start }
        self.matchable = matchable
    }

    /// Joins documents given as separate files into one, page after page; offsets of later files
    /// move past the text before them and a newline.
    public static func joining(_ parts: [OCRDocument]) -> OCRDocument {
        guard parts.count > 1 else { return parts.first ?? OCRDocument(text: "", pages: []) }
        var text = ""
        var pages: [OCRPage] = []
        var offset = 0, lineOffset = 0
        for part in parts {
            if !text.isEmpty {
                text += "\n"
                offset += 1
            }
            text += part.text
            let pageOffset = pages.count
            for page in part.pages {
                var moved = page
                moved.words = page.words.map { word in
                    var word = word
                    word.start += offset
                    word.end += offset
                    word.line += lineOffset
                    word.page += pageOffset
                    return word
                }
                pages.append(moved)
            }
            offset += part.matchable.count
            lineOffset += (part.words.map(\.line).max() ?? -1) + 1
        }
        return OCRDocument(text: text, pages: pages)
    }
}
