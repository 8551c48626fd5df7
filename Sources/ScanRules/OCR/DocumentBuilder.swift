import Foundation

/// Builds an ``OCRDocument`` word by word for engines whose text is rebuilt from their words: words on a
/// line are joined by a space (or by what the engine says comes between them), lines and pages by a
/// newline, so every word's code-point offsets agree with the text by construction.
struct DocumentBuilder {
    /// What goes between the previous word and the next one.
    enum Separator { case nothing, space, newline }

    private var text = ""
    private var offset = 0
    private var line = -1
    private var pending: Separator = .newline
    private var pages: [OCRPage] = []
    private var words: [OCRWord] = []
    private var size: (width: Double, height: Double)?

    /// Starts a new page; its first word starts a new line. `nil` sizes are found from the words.
    mutating func startPage(width: Double?, height: Double?) {
        finishPage()
        size = width.flatMap { w in height.map { (w, $0) } }
        pending = .newline
    }

    /// The next word starts a new line.
    mutating func endLine() { pending = .newline }

    /// Overrides what comes before the next word.
    mutating func separate(by separator: Separator) { pending = separator }

    /// Appends text that belongs to no word (a line-end hyphen the engine reports as a break).
    mutating func appendLoose(_ loose: String) {
        guard line >= 0 else { return }
        text += loose
        offset += loose.unicodeScalars.count
    }

    /// Adds a word; blank words (Tesseract's frames and rules) are skipped. Surrounding spaces are trimmed.
    mutating func addWord(_ raw: String, box: BoundingBox, polygon: [OCRPoint]? = nil, confidence: Double) {
        let word = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !word.isEmpty else { return }
        if line < 0 {
            line = 0
        } else {
            switch pending {
            case .newline:
                text += "\n"
                offset += 1
                line += 1
            case .space:
                text += " "
                offset += 1
            case .nothing:
                break
            }
        }
        let length = word.unicodeScalars.count
        words.append(OCRWord(text: word, start: offset, end: offset + length, box: box,
                             confidence: min(1, max(0, confidence.isFinite ? confidence : 0)), line: line,
                             page: pages.count, polygon: polygon?.keptBeside(box)))
        text += word
        offset += length
        pending = .space
    }

    private mutating func finishPage() {
        guard size != nil || !words.isEmpty else { return }
        let width = size?.width ?? max(1, words.map(\.box.right).max() ?? 1)
        let height = size?.height ?? max(1, words.map(\.box.bottom).max() ?? 1)
        pages.append(OCRPage(width: width, height: height, words: words))
        words = []
        size = nil
    }

    /// The finished document.
    mutating func build() -> OCRDocument {
        finishPage()
        return OCRDocument(text: text, pages: pages)
    }
}
