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
    private var lines: LineReader?
    private var lineNumber = 0
    private var linesSource = ""

    public init(inputs: [String]) {
        self.inputs = inputs.reversed()
    }

    public mutating func next() -> BatchItem? {
        while true {
            if let line = lines?.next() {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
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
            start(lines: LineReader(handle: FileHandle.standardInput), source: "stdin")
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
            start(lines: LineReader(handle: handle), source: input)
        } else {
            pending = [input]
        }
    }

    private mutating func start(lines: LineReader, source: String) {
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
    static func item(fromLine line: Data, number: Int, source: String) -> BatchItem {
        let fallbackID = "\(source) line \(number)"
        // A byte search first: most lines are documents without the key.
        guard line.withUnsafeBytes({ $0.containsBytes(BatchSource.ocrKey) }), let envelope = BatchEnvelope(line) else {
            return BatchItem(id: fallbackID, content: .success(line))
        }
        guard let ocr = envelope.ocr else {
            return BatchItem(id: envelope.id ?? fallbackID, content: .failure(OCRInputError(source: fallbackID, problem: "\"ocr\" must be a native ScanRules OCR document (a JSON object)")))
        }
        return BatchItem(id: envelope.id ?? fallbackID, content: .success(line[ocr]))
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

    /// The next line's bytes, without its line end.
    mutating func next() -> Data? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { start = newline + 1 }
                return Data(buffer[start..<newline])
            }
            if finished {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return Data(buffer[start...])
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
