import Foundation
import Testing
@testable import ScanRules

@Suite struct RuleFileTests {
    func compileError(_ yaml: String) -> RuleFileError? {
        do {
            _ = try RuleSet.compile(yaml, file: "Rules/TEST.yaml")
            return nil
        } catch {
            return error
        }
    }

    static let valid = """
    code: TEST
    category: ID
    fields:
      documentNumber:
        pattern: 'No\\.\\s*(?<value>\\d+)'
        normalize: digits
    """

    @Test func aValidFileCompiles() throws {
        let rule = try RuleSet.compile(Self.valid, file: "Rules/TEST.yaml")
        #expect(rule.code == "TEST" && rule.fieldNames == ["documentNumber"])
    }

    @Test func yamlSyntaxErrorsPointAtLineAndColumn() throws {
        let error = try #require(compileError("code: TEST\ncategory: ID\nfields:\n  a: [1, 2\n  b: 3\n"))
        #expect(error.file == "Rules/TEST.yaml")
        #expect(error.line == 5 && error.column == 4)
        #expect(error.description.hasPrefix("Rules/TEST.yaml:5:4: YAML syntax error"))
    }

    @Test func unknownKeysAreRefusedWithASuggestion() throws {
        let yaml = Self.valid.replacingOccurrences(of: "    normalize: digits", with: "    normalise: digits")
        let error = try #require(compileError(yaml))
        #expect(error.line == 6 && error.column == 5)
        #expect(error.message.contains("unknown key 'normalise' in field 'documentNumber' (did you mean 'normalize'?)"))
    }

    @Test func badRegexesPointIntoThePattern() throws {
        let yaml = Self.valid.replacingOccurrences(of: #"(?<value>\d+)"#, with: #"(?<value>\d+"#)
        let error = try #require(compileError(yaml))
        // The scalar starts at column 14; the quote adds one and PCRE2 stops at the pattern's end (offset 19).
        #expect(error.line == 5 && error.column == 14 + 1 + 19)
        #expect(error.message.contains("bad pattern at offset 19: missing closing parenthesis"))
    }

    @Test func semanticMistakesAreRefusedWhereTheyAre() throws {
        let category = try #require(compileError(Self.valid.replacingOccurrences(of: "category: ID", with: "category: CARD")))
        #expect(category.line == 2 && category.message.contains("unknown category 'CARD'"))

        let derived = Self.valid + "\n  fullName:\n    derive: join\n    from: [firstName, lastName]\n"
        let source = try #require(compileError(derived))
        #expect(source.line == 8 && source.message.contains("uses field 'firstName', which is not declared above it"))

        let direction = Self.valid + "\n  name:\n    anchor: {labels: [NOMBRE], where: [diagonal]}\n    pattern: '\\w+'\n"
        let place = try #require(compileError(direction))
        #expect(place.line == 8 && place.message.contains("unknown place 'diagonal'"))

        let format = Self.valid + "\n  born:\n    normalize: {date: [dd/MM/yyyy, dd/QQ]}\n"
        #expect(try #require(compileError(format)).message.contains("date format 'dd/QQ'"))

        let missing = try #require(compileError("code: TEST\ncategory: ID\nfields:\n  x:\n    normalize: name\n"))
        #expect(missing.line == 5 && missing.message.contains("needs 'pattern'"))
    }

    @Test func theBundledRulesLoad() throws {
        let rules = try RuleSet.bundled()
        #expect(rules.codes.contains("CCVE"))
        let ccve = try #require(try rules.rule(for: "CCVE"))
        #expect(try rules.all().count == rules.codes.count)
        #expect(ccve.category == "ID" && ccve.country == "Venezuela")
    }

    @Test func aUserFolderOverridesBundledRules() throws {
        let path = try TestSupport.temporaryFile(Self.valid.replacingOccurrences(of: "code: TEST", with: "code: CCVE"), name: "mine.yaml")
        let rules = try RuleSet.bundled(overlaidWith: URL(fileURLWithPath: path).deletingLastPathComponent())
        #expect(try rules.rule(for: "CCVE")?.fieldNames == ["documentNumber"])
    }
}

/// The rule-file reference must name every key the compiler accepts, so the docs cannot fall behind.
@Suite struct RuleReferenceTests {
    @Test func everyAcceptedKeyIsDocumented() throws {
        let reference = try String(contentsOf: TestSupport.repository.appendingPathComponent("Rules/README.md"), encoding: .utf8)
        let keys = RuleCompiler.topKeys + RuleCompiler.fieldKeys + RuleCompiler.anchorKeys + RuleCompiler.fallbackKeys
            + RuleCompiler.validateKeys + RuleCompiler.repairKeys + ["identifier", "letters", "dateRange", "twoDigitYears", "upper", "amount", "dottedThousands"]
        for key in Set(keys) {
            #expect(reference.contains("`\(key)`") || reference.contains(".\(key)`") || reference.contains("`\(key):") || reference.contains("{\(key):") || reference.contains(" \(key): "),
                    "Rules/README.md does not mention '\(key)'")
        }
    }
}
