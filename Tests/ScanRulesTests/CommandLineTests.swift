import Foundation
import Testing

/// The `scanrules` executable as a user runs it: output on stdout, one-line errors and exit status.
@Suite struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `swift test` builds every product into the folder the test runner sits in.
    static let executable: URL = {
        let folder = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidate = folder.appendingPathComponent("scanrules")
        while !FileManager.default.isExecutableFile(atPath: candidate.path), candidate.pathComponents.count > 2 {
            candidate = candidate.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scanrules")
        }
        return candidate
    }()

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.repository
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func extractPrintsV3JSON() throws {
        let result = try run(["extract", "--type", "CCVE", "--as-of", "2025-10-23", "Fixtures/CCVE/ccve-seed.ocr.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try TestSupport.json(result.stdout) as? [String: Any])
        #expect(object["fullName"] as? String == "JOSE DEL CARMEN TOVAR RATTIA")
        #expect(object["age"] as? Int == 39)
    }

    @Test func extractHelpTeachesWithAnExample() throws {
        let result = try run(["extract", "--help"])
        #expect(result.status == 0)
        for needle in ["--type", "--as-of", "--rules", "Examples:", "scanrules extract --type CCVE"] {
            #expect(result.stdout.contains(needle), "help lacks \(needle)")
        }
    }

    @Test func aBrokenRuleFileIsRefusedWithItsPosition() throws {
        let rule = try TestSupport.temporaryFile("code: X\ncategory: ID\nfields:\n  a:\n    patern: 'x'\n", name: "X.yaml")
        let folder = URL(fileURLWithPath: rule).deletingLastPathComponent().path
        let result = try run(["extract", "--type", "X", "--rules", folder, "Fixtures/CCVE/ccve-seed.ocr.json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("X.yaml:5:5: unknown key 'patern' in field 'a' (did you mean 'pattern'?)"))
        #expect(result.stdout.isEmpty)
    }

    @Test func anInputThatIsNeitherJSONNorTSVIsRefused() throws {
        let input = try TestSupport.temporaryFile("hello world\n", name: "note.txt")
        let result = try run(["extract", "--type", "CCVE", input])
        #expect(result.status != 0)
        #expect(result.stderr.contains("note.txt: not a recognised OCR format"))
    }

    @Test func usageMistakesAreExplained() throws {
        let badDate = try run(["extract", "--type", "CCVE", "--as-of", "23/10/2025", "Fixtures/CCVE/ccve-seed.ocr.json"])
        #expect(badDate.status != 0 && badDate.stderr.contains("write it as YYYY-MM-DD"))
        let badType = try run(["extract", "--type", "ZZ", "Fixtures/CCVE/ccve-seed.ocr.json"])
        #expect(badType.status != 0 && badType.stderr.contains("no rule file defines document type 'ZZ'"))
        let missing = try run(["extract", "--type", "CCVE", "nope.tsv"])
        #expect(missing.status != 0 && missing.stderr.contains("nope.tsv: no such file"))
    }

    @Test func evalPrintsPerFieldAccuracy() throws {
        let result = try run(["eval", "--min-accuracy", "0.9", "Fixtures/CCVE"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("CCVE   documentNumber"))
        #expect(result.stdout.contains("overall field accuracy"))
    }

    @Test func batchWritesOneLinePerDocumentAndKeepsGoingPastErrors() throws {
        let result = try run(["batch", "--type", "CCVE", "--as-of", "2025-10-23", "--jobs", "2",
                              "Fixtures/CCVE/ccve-01.tsv", "nope.tsv", "Fixtures/CCVE/ccve-seed.ocr.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let objects = try lines.map { try #require(try TestSupport.json($0) as? [String: Any]) }
        #expect(objects.map { $0["id"] as? String } == ["Fixtures/CCVE/ccve-01.tsv", "nope.tsv", "Fixtures/CCVE/ccve-seed.ocr.json"])
        #expect((objects[1]["error"] as? String)?.contains("no such file") == true)
        #expect(((objects[2]["result"] as? [String: Any])?["fullName"] as? String) == "JOSE DEL CARMEN TOVAR RATTIA")
    }
}
