import Foundation
@testable import ScanRules

/// Paths and helpers shared by the tests.
enum TestSupport {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Fixtures")

    static let engine: RuleEngine = {
        // The bundled rules must load; a failure here is a defect every test should report.
        RuleEngine(rules: try! RuleSet.bundled())
    }()

    /// Parses JSON text into Foundation objects for semantic comparison.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    static func json(contentsOf url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    /// Extracts a fixture file with its truth file's type and reference date, encoded as v3 JSON objects.
    static func extractV3(_ inputs: [URL], type: String, asOf: CalendarDate) throws -> [String: Any] {
        let document = try OCRDocument(contentsOf: inputs.map(\.path))
        let extraction = try engine.extract(document, type: type, asOf: asOf)
        return try json(V3Encoder.encode(extraction).serialized()) as! [String: Any]
    }

    /// One folder per test process for temporary files, removed when the process exits (test runs used to
    /// leave a folder per file behind).
    private static let temporaryFolder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scanrules-tests-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        atexit { try? FileManager.default.removeItem(at: TestSupport.temporaryFolder) }
        return folder
    }()

    /// Writes `text` to a new temporary file and returns its path. Each call gets its own folder, so tests
    /// running in parallel may use the same name.
    static func temporaryFile(_ text: String, name: String) throws -> String {
        let folder = temporaryFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Words on one row, 10 px per letter, 10 px apart, one space apart in the text; `gaps` widens the gap
    /// before word i.
    static func row(_ texts: [String], top: Double = 0, gaps: [Int: Double] = [:]) -> [OCRWord] {
        var left = 0.0, offset = 0
        return texts.enumerated().map { index, text in
            left += gaps[index] ?? 0
            defer {
                left += Double(text.count * 10 + 10)
                offset += text.count + 1
            }
            return OCRWord(text: text, start: offset, end: offset + text.count,
                           box: BoundingBox(left: left, top: top, right: left + Double(text.count * 10), bottom: top + 10),
                           confidence: 1, line: 0, page: 0)
        }
    }
}
