import BundledRules
import Foundation

/// The rule files an engine knows, by document type code: the bundled ones, optionally overlaid by a
/// user's folder of rule files (a user's file replaces a bundled one with the same code).
///
/// Bundled rules compile on first use (a one-document command compiles only the rule it needs, which
/// keeps a cold `scanrules extract` fast); a user's rules compile at once, so a mistake in them is
/// reported before any document is read.
public struct RuleSet: Sendable {
    private let entries: [String: RuleEntry]

    /// The document type codes, sorted.
    public var codes: [String] { entries.keys.sorted() }

    /// The rule for a type code, compiled if it was not yet; `nil` when no rule file defines the type.
    public func rule(for code: String) throws(RuleFileError) -> CompiledRule? {
        try entries[code]?.compiled()
    }

    /// Every rule, sorted by code.
    public func all() throws(RuleFileError) -> [CompiledRule] {
        var rules: [CompiledRule] = []
        for code in codes { rules.append(try entries[code]!.compiled()) }
        return rules
    }

    /// The rules shipped with ScanRules; each compiles when first asked for. Bundled files are named
    /// after their type code (`CCVE.yaml`).
    public static func bundled() throws(RuleFileError) -> RuleSet {
        guard let directory = BundledRules.directory else { return RuleSet(entries: [:]) }
        var entries: [String: RuleEntry] = [:]
        for (code, path) in try ruleFiles(in: directory) { entries[code] = RuleEntry(path: path, expectedCode: code) }
        return RuleSet(entries: entries)
    }

    /// The bundled rules, with those in `directory` added or replacing them.
    public static func bundled(overlaidWith directory: URL?) throws(RuleFileError) -> RuleSet {
        let base = try bundled()
        guard let directory else { return base }
        let user = try RuleSet(directory: directory)
        return RuleSet(entries: base.entries.merging(user.entries) { _, user in user })
    }

    /// Every `*.yaml` / `*.yml` rule file in `directory`, compiled now.
    public init(directory: URL) throws(RuleFileError) {
        var byCode: [String: CompiledRule] = [:]
        for (_, path) in try RuleSet.ruleFiles(in: directory) {
            let rule = try RuleSet.load(file: path)
            if let earlier = byCode[rule.code] {
                throw RuleFileError(file: rule.source, line: 1, column: 1, message: "document type '\(rule.code)' is already defined in \(earlier.source); one rule file per type")
            }
            byCode[rule.code] = rule
        }
        self.init(rules: Array(byCode.values))
    }

    /// Given rules, by code (later ones with the same code win).
    public init(rules: [CompiledRule]) {
        entries = Dictionary(rules.map { ($0.code, RuleEntry(rule: $0)) }, uniquingKeysWith: { _, later in later })
    }

    private init(entries: [String: RuleEntry]) {
        self.entries = entries
    }

    /// The rule files of a folder, sorted, with the type code their name gives.
    private static func ruleFiles(in directory: URL) throws(RuleFileError) -> [(code: String, path: String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw RuleFileError(file: directory.path, line: 0, column: 0, message: "cannot list the rules folder: \(error.localizedDescription)")
        }
        return names.sorted().filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { name in
            ((name as NSString).deletingPathExtension, directory.appendingPathComponent(name).path)
        }
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

/// One rule, compiled once on first use and then shared; safe to use from many threads.
final class RuleEntry: @unchecked Sendable {
    // @unchecked: `state` is only read and written under `lock`.
    private let lock = NSLock()
    private var state: Result<CompiledRule, RuleFileError>?
    private let path: String?
    private let expectedCode: String?

    init(path: String, expectedCode: String) {
        self.path = path
        self.expectedCode = expectedCode
    }

    init(rule: CompiledRule) {
        state = .success(rule)
        path = nil
        expectedCode = nil
    }

    func compiled() throws(RuleFileError) -> CompiledRule {
        lock.lock()
        defer { lock.unlock() }
        if state == nil, let path {
            state = Result { () throws(RuleFileError) in
                let rule = try RuleSet.load(file: path)
                if let expectedCode, rule.code != expectedCode {
                    throw RuleFileError(file: path, line: 1, column: 1, message: "the file is named \(expectedCode) but defines type '\(rule.code)'; a bundled rule file is named after its code")
                }
                return rule
            }
        }
        return try state!.get()
    }
}
