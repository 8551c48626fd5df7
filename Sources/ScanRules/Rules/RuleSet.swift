import BundledRules
import Foundation

/// The rule files an engine knows, by document type code: the bundled ones, optionally overlaid by a
/// user's folder of rule files (a user's file replaces a bundled one with the same code).
public struct RuleSet: Sendable {
    private let byCode: [String: CompiledRule]

    /// The document type codes, sorted.
    public var codes: [String] { byCode.keys.sorted() }

    /// The rule for a type code, if any.
    public func rule(for code: String) -> CompiledRule? { byCode[code] }

    /// Every rule, sorted by code.
    public var all: [CompiledRule] { codes.compactMap { byCode[$0] } }

    /// The rules shipped with ScanRules.
    public static func bundled() throws(RuleFileError) -> RuleSet {
        guard let directory = BundledRules.directory else { return RuleSet(byCode: [:]) }
        return try RuleSet(directory: directory)
    }

    /// The bundled rules, with those in `directory` added or replacing them.
    public static func bundled(overlaidWith directory: URL?) throws(RuleFileError) -> RuleSet {
        let base = try bundled()
        guard let directory else { return base }
        let user = try RuleSet(directory: directory)
        return RuleSet(byCode: base.byCode.merging(user.byCode) { _, user in user })
    }

    /// Every `*.yaml` / `*.yml` rule file in `directory`.
    public init(directory: URL) throws(RuleFileError) {
        let path = directory.path
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw RuleFileError(file: path, line: 0, column: 0, message: "cannot list the rules folder: \(error.localizedDescription)")
        }
        var byCode: [String: CompiledRule] = [:]
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let rule = try RuleSet.load(file: directory.appendingPathComponent(name).path)
            if let earlier = byCode[rule.code] {
                throw RuleFileError(file: rule.source, line: 1, column: 1, message: "document type '\(rule.code)' is already defined in \(earlier.source); one rule file per type")
            }
            byCode[rule.code] = rule
        }
        self.byCode = byCode
    }

    /// Given rules, by code (later ones with the same code win).
    public init(rules: [CompiledRule]) {
        byCode = Dictionary(rules.map { ($0.code, $0) }, uniquingKeysWith: { _, later in later })
    }

    private init(byCode: [String: CompiledRule]) {
        self.byCode = byCode
    }

    /// Compiles one rule file.
    public static func load(file path: String) throws(RuleFileError) -> CompiledRule {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleFileError(file: path, line: 0, column: 0, message: "cannot read the rule file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleFileError(file: path, line: 0, column: 0, message: "the rule file is not UTF-8 text")
        }
        return try compile(text, file: path)
    }

    /// Compiles rule-file text; `file` names it in errors.
    public static func compile(_ text: String, file: String) throws(RuleFileError) -> CompiledRule {
        try RuleCompiler(file: file).compile(text)
    }
}
