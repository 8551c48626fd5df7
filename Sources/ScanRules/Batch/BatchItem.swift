import Foundation

/// One document of a batch: an identifier for the output line and its OCR output, still unparsed so that
/// parsing happens on the worker threads.
public struct BatchItem: Sendable {
    /// The file path, the `id` a JSONL line gave, or `line N`.
    public let id: String
    /// The OCR output's bytes, or why the item could not even be read.
    public let content: Result<Data, OCRInputError>

    public init(id: String, content: Result<Data, OCRInputError>) {
        self.id = id
        self.content = content
    }
}

/// Produces the documents of a batch, one at a time and in order, from files, folders (every OCR file
/// below them, sorted) and JSONL streams (`-` for standard input; one native OCR document per line, or
/// `{"id": …, "ocr": {…}}`). Nothing is read ahead, so a stream of any length runs in constant memory.
public struct BatchSource: Sequence, IteratorProtocol {
    /// File endings read from folders; truth and expected files beside fixtures are skipped.
    static let ocrEndings = [".tsv", ".json", ".hocr", ".html", ".txt"]
    static let skippedEndings = [".truth.json", ".expected.json"]
    private static let ocrKey = Array("\"ocr\"".utf8)

    private var inputs: [String]
    private var pending: [String] = []
    private var lines: AnyIterator<String>?
    private var lineNumber = 0
    private var linesSource = ""

    public init(inputs: [String]) {
        self.inputs = inputs.reversed()
    }

    public mutating func next() -> BatchItem? {
        while true {
            if let lines, let line = lines.next() {
                lineNumber += 1
                if line.allSatisfy(\.isWhitespace) { continue }
                return BatchSource.item(fromLine: line, number: lineNumber, source: linesSource)
            }
            lines = nil
            if let path = pending.popLast() {
                return BatchItem(id: path, content: BatchSource.read(path))
            }
            guard let input = inputs.popLast() else { return nil }
            open(input)
        }
    }

    private mutating func open(_ input: String) {
        if input == "-" {
            start(lines: AnyIterator { readLine(strippingNewline: true) }, source: "stdin")
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            pending = [input]  // reading it reports "no such file" as that item's error
            return
        }
        if isDirectory.boolValue {
            let files = (FileManager.default.enumerator(atPath: input)?.compactMap { $0 as? String } ?? [])
                .filter { name in BatchSource.ocrEndings.contains { name.hasSuffix($0) } && !BatchSource.skippedEndings.contains { name.hasSuffix($0) } }
                .sorted()
                .map { (input as NSString).appendingPathComponent($0) }
            pending = files.reversed()
        } else if input.hasSuffix(".jsonl") || input.hasSuffix(".ndjson") {
            guard let handle = FileHandle(forReadingAtPath: input) else {
                pending = [input]
                return
            }
            start(lines: AnyIterator(LineReader(handle: handle)), source: input)
        } else {
            pending = [input]
        }
    }

    private mutating func start(lines: AnyIterator<String>, source: String) {
        self.lines = lines
        lineNumber = 0
        linesSource = source
    }

    private static func read(_ path: String) -> Result<Data, OCRInputError> {
        guard FileManager.default.fileExists(atPath: path) else { return .failure(OCRInputError(source: path, problem: "no such file")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(OCRInputError(source: path, problem: "cannot be read (check its permissions)"))
        }
        return .success(data)
    }

    /// A JSONL line: a native OCR document, or `{"id": …, "ocr": {…}}` around one.
    static func item(fromLine line: String, number: Int, source: String) -> BatchItem {
        let fallbackID = "\(source) line \(number)"
        let data = Data(line.utf8)
        // A byte search: Foundation's `contains` on a long line was the batch reader's bottleneck.
        guard data.withUnsafeBytes({ $0.containsBytes(BatchSource.ocrKey) }), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let ocr = object["ocr"] else {
            return BatchItem(id: fallbackID, content: .success(data))
        }
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? fallbackID
        guard JSONSerialization.isValidJSONObject(ocr), let ocrData = try? JSONSerialization.data(withJSONObject: ocr) else {
            return BatchItem(id: id, content: .failure(OCRInputError(source: fallbackID, problem: "\"ocr\" must be a native ScanRules OCR document (a JSON object)")))
        }
        return BatchItem(id: id, content: .success(ocrData))
    }
}

/// Lines of a file, read in blocks.
private struct LineReader: IteratorProtocol {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`; consumed bytes are dropped only when a block is added.
    private var start = 0
    private var finished = false

    init(handle: FileHandle) {
        self.handle = handle
    }

    mutating func next() -> String? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { start = newline + 1 }
                return String(decoding: buffer[start..<newline], as: UTF8.self)
            }
            if finished {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return String(decoding: buffer[start...], as: UTF8.self)
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty {
                finished = true
            } else {
                buffer.removeSubrange(0..<start)
                start = 0
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
