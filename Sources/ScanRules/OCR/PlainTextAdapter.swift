import Foundation

/// Reads plain text without boxes: the document has the text and no pages, so only patterns that need no
/// position can find values. Windows line ends become `\n` and a leading byte-order mark is dropped.
enum PlainTextAdapter {
    static func read(_ content: String) -> OCRDocument {
        var text = content.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return OCRDocument(text: text, pages: [])
    }
}
