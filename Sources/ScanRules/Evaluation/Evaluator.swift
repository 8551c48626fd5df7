import Foundation

/// Measures extraction against ground truth: for every fixture with a `.truth.json`, runs the rule of
/// its type over its OCR input and counts, per type and field, values right, wrong and missing.
public struct Evaluator: Sendable {
    /// The engine whose rules are measured.
    public let engine: RuleEngine
    /// Confidence at or above which a wrong value counts as a confident error.
    public static let confidentThreshold = 0.9

    public init(engine: RuleEngine) {
        self.engine = engine
    }

    /// One fixture: its OCR input files and its truth file.
    public struct Fixture: Sendable {
        /// The folder and file stem, for reports (`CCVE/ccve-01`).
        public let name: String
        /// The OCR files: the pages of one document, in order.
        public let inputs: [URL]
        /// The generator's ground-truth file.
        public let truth: URL
    }

    /// What happened to one field of one fixture.
    public struct Outcome: Sendable {
        /// Equal to the truth, different from it, or not emitted.
        public enum Verdict: String, Sendable { case correct, wrong, missing }
        /// The fixture's name.
        public let fixture: String
        /// The document type code.
        public let type: String
        /// The field judged.
        public let field: String
        /// How the emitted value compares with the truth.
        public let verdict: Verdict
        /// The truth's value.
        public let expected: String
        /// The value emitted, if any.
        public let found: String?
        /// The emitted value's confidence, if any.
        public let confidence: Double?
    }

    /// Fixtures under `directory`: each `NAME.truth.json` with the input `NAME.tsv`, `NAME.ocr.json`,
    /// or pages `NAME.p1.tsv`, `NAME.p2.tsv`, ….
    public static func fixtures(in directory: URL) throws(OCRInputError) -> [Fixture] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw OCRInputError(source: directory.path, problem: "no such folder")
        }
        let files = enumerator.compactMap { $0 as? URL }.sorted { $0.path < $1.path }
        var fixtures: [Fixture] = []
        for truth in files where truth.lastPathComponent.hasSuffix(".truth.json") {
            let name = String(truth.lastPathComponent.dropLast(".truth.json".count))
            let folder = truth.deletingLastPathComponent()
            let inputs = files.filter { file in
                guard file.deletingLastPathComponent() == folder else { return false }
                let fileName = file.lastPathComponent
                return fileName == "\(name).tsv" || fileName == "\(name).ocr.json"
                    || fileName.hasPrefix("\(name).p") && (fileName.hasSuffix(".tsv") || fileName.hasSuffix(".ocr.json"))
            }
            guard !inputs.isEmpty else {
                throw OCRInputError(source: truth.path, problem: "no OCR input beside it (expected \(name).tsv or \(name).ocr.json)")
            }
            fixtures.append(Fixture(name: folder.lastPathComponent + "/" + name, inputs: inputs, truth: truth))
        }
        return fixtures
    }

    /// Runs every fixture and judges each field its rule declares that the truth holds.
    public func evaluate(_ fixtures: [Fixture]) throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for fixture in fixtures {
            let truth = try GroundTruth(contentsOf: fixture.truth)
            let document = try OCRDocument(contentsOf: fixture.inputs.map(\.path))
            let extraction = try engine.extract(document, type: truth.documentType, asOf: truth.asOf)
            guard let rule = try engine.rules.rule(for: truth.documentType) else { continue }
            let judged = Set(rule.fieldNames + ["country", "category"])
            for (field, expected) in truth.fields.sorted(by: { $0.key < $1.key }) where judged.contains(field) {
                let found = extraction.flatValue(field)
                let verdict: Outcome.Verdict = found == nil ? .missing : found == expected ? .correct : .wrong
                outcomes.append(Outcome(fixture: fixture.name, type: truth.documentType, field: field, verdict: verdict,
                                        expected: expected, found: found, confidence: extraction.field(field)?.confidence))
            }
        }
        return outcomes
    }
}

extension Extraction {
    /// A value as it appears among the flat output keys, including `country` and `category`.
    public func flatValue(_ name: String) -> String? {
        switch name {
        case "country": return country
        case "category": return category
        case "documentType": return documentType
        default: return field(name)?.value
        }
    }
}
