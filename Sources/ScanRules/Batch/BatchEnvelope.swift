import Foundation

/// A JSONL line of the form `{"id": …, "ocr": {…}}`: the id it gives and where its document's bytes are,
/// found by scanning the line once rather than parsing it into objects and writing the document back out.
struct BatchEnvelope {
    /// The `id` member: a string, or a number as written.
    let id: String?
    /// The indices of the `ocr` member's value in the line; `nil` when that value is not an object.
    let ocr: Range<Int>?

    private enum Key: Int, CaseIterable { case id, ocr }
    private static let keys = JSONKeys(Key.self)

    /// `nil` when the line is not a JSON object with an `ocr` member: it is then read as a document itself,
    /// which reports its own errors.
    init?(_ line: Data) {
        let found = line.withUnsafeBytes { raw -> (id: String?, ocr: Range<Int>?, hasOCR: Bool)? in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            var id: String?, ocr: Range<Int>?, hasOCR = false
            do throws(JSONReadError) {
                try scanner.beginObject()
                while let key = try scanner.nextKey(Self.keys) {
                    let kind = scanner.peekKind()
                    let start = scanner.position
                    switch Key(rawValue: key) {
                    case .id? where kind == .string:
                        var scratch: [UInt8] = []
                        id = try scanner.string(into: &scratch)
                    case .id?:
                        try scanner.skipValue()
                        id = kind == .number ? String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<scanner.position]), as: UTF8.self) : nil
                    case .ocr?:
                        try scanner.skipValue()
                        hasOCR = true
                        ocr = kind == .object ? line.startIndex + start..<line.startIndex + scanner.position : nil
                    case nil:
                        try scanner.skipValue()
                    }
                }
                guard scanner.atEnd() else { return nil }
            } catch {
                return nil
            }
            return (id, ocr, hasOCR)
        }
        guard let found, found.hasOCR else { return nil }
        id = found.id
        ocr = found.ocr
    }
}
