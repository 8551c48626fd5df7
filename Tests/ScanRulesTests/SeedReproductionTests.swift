import Foundation
import Testing
@testable import ScanRules

/// The seed example: the published Scan Studio v3 response for one Venezuelan cédula. Its golden file is
/// that response itself; `GoldenFixtureTests` compares it entity by entity. These tests pin what the
/// issue asks of it beyond that.
@Suite struct SeedReproductionTests {
    static func entities(_ object: [String: Any]) -> [String: [String: Any]] {
        let fields = ((object["details"] as? [String: Any])?["fields"] as? [[String: Any]]) ?? []
        return Dictionary(fields.map { ($0["type"] as! String, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func theSixSeedEntitiesAndItsFlatKeysAreReproduced() throws {
        let input = TestSupport.fixtures.appendingPathComponent("CCVE/ccve-seed.ocr.json")
        let output = try TestSupport.extractV3([input], type: "CCVE", asOf: CalendarDate(year: 2025, month: 10, day: 23))
        let seed = try #require(try TestSupport.json(contentsOf: TestSupport.fixtures.appendingPathComponent("CCVE/ccve-seed.expected.json")) as? [String: Any])
        let wanted = Self.entities(seed), produced = Self.entities(output)
        #expect(wanted.count == 6)
        for (type, entity) in wanted {
            let mine = try #require(produced[type], "missing entity \(type)")
            for key in ["mentionText", "textAnchor", "pageAnchor", "normalizedValue", "id"] {
                #expect((mine[key] as? NSObject) == (entity[key] as? NSObject), "\(type).\(key)")
            }
        }
        #expect(output["age"] as? Int == 39)
        #expect(output["gender"] as? String == "Male")
        #expect(output["expireDate"] as? String == "02/2033")
        #expect(output["fullName"] as? String == "JOSE DEL CARMEN TOVAR RATTIA")
    }

    @Test func theFixtureCopyIsTheSharedSeed() throws {
        // Where the project's shared folder is present, the bundled copy must not have drifted from it.
        let shared = TestSupport.repository.deletingLastPathComponent().appendingPathComponent("shared/seed")
        for (copy, original) in [("ccve-seed.ocr.json", "ccve-seed.ocr.json"), ("ccve-seed.expected.json", "ccve-seed.v3.json")] {
            let originalURL = shared.appendingPathComponent(original)
            guard FileManager.default.fileExists(atPath: originalURL.path) else { continue }
            let mine = try TestSupport.json(contentsOf: TestSupport.fixtures.appendingPathComponent("CCVE/\(copy)")) as? NSObject
            #expect(mine == (try TestSupport.json(contentsOf: originalURL) as? NSObject))
        }
    }
}
