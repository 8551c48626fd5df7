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

    /// Writes `text` to a new temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scanrules-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
