import Foundation
import Testing
@testable import ScanRules

/// Every fixture under `Fixtures/` against its golden `NAME.expected.json`, and every golden file
/// against the fixture's independent ground truth (`NAME.truth.json`).
///
/// A golden file is either a full v3 response (the seed: entities compared key by key) or the compact
/// form `{"fields": flat output, "mentions": {type: mentionText}, "missed": {field: why}}`. A missed field
/// is one the engine knowingly does not get right (OCR destroyed or misread it); it may be absent or
/// emitted with a different value, but never with confidence at or above 0.9.
@Suite struct GoldenFixtureTests {
    static let fixtures: [Evaluator.Fixture] = (try? Evaluator.fixtures(in: TestSupport.fixtures)) ?? []

    struct Golden {
        var flat: [String: Any]
        /// Per entity type, the keys and values its entity must have.
        var entities: [String: [String: Any]]
        var missed: [String: String]
        /// Whether the golden file lists every entity. The published seed response does not: it numbers
        /// expeditionDate, expireDate and issuingOffice (ids 3, 4, 7) but carries no entity for them.
        var listsAllEntities: Bool
    }

    static func golden(for fixture: Evaluator.Fixture) throws -> Golden {
        let url = fixture.truth.deletingLastPathComponent()
            .appendingPathComponent(fixture.truth.lastPathComponent.replacingOccurrences(of: ".truth.json", with: ".expected.json"))
        let object = try #require(try TestSupport.json(contentsOf: url) as? [String: Any], "\(url.path) must be a JSON object")
        if object["details"] != nil {
            var entities = SeedReproductionTests.entities(object)
            for key in entities.keys { entities[key]?["confidence"] = nil }
            return Golden(flat: object.filter { $0.key != "details" }, entities: entities, missed: [:], listsAllEntities: false)
        }
        var flat = try #require(object["fields"] as? [String: Any])
        flat["documentType"] = object["documentType"]
        let mentions = try #require(object["mentions"] as? [String: String])
        return Golden(flat: flat, entities: mentions.mapValues { ["mentionText": $0] },
                      missed: object["missed"] as? [String: String] ?? [:], listsAllEntities: true)
    }

    @Test func thereAreEnoughRealOCRFixtures() {
        let ccve = Self.fixtures.filter { $0.name.hasPrefix("CCVE/") }
        #expect(ccve.count >= 9)
        #expect(ccve.filter { $0.inputs.contains { $0.pathExtension == "tsv" } }.count >= 8)
    }

    @Test(arguments: fixtures.map(\.name))
    func fixtureMatchesItsGoldenFile(_ name: String) throws {
        let fixture = try #require(Self.fixtures.first { $0.name == name })
        let truth = try GroundTruth(contentsOf: fixture.truth)
        let golden = try Self.golden(for: fixture)
        let document = try OCRDocument(contentsOf: fixture.inputs.map(\.path))
        let extraction = try TestSupport.engine.extract(document, type: truth.documentType, asOf: truth.asOf)
        let output = try #require(try TestSupport.json(V3Encoder.encode(extraction).serialized()) as? [String: Any])

        if let requiresBackSide = truth.requiresBackSide {
            #expect(extraction.requiresBackSide == requiresBackSide, "\(name): requiresBackSide")
        }
        let flat = output.filter { $0.key != "details" && golden.missed[$0.key] == nil }
        #expect(flat as NSDictionary == golden.flat as NSDictionary, "flat keys of \(name)")
        for field in golden.missed.keys {
            if let emitted = extraction.field(field) {
                #expect(emitted.confidence < Evaluator.confidentThreshold, "\(name) \(field): a missed value must not look confident")
            }
        }

        let produced = SeedReproductionTests.entities(output)
        for (type, wanted) in golden.entities {
            let entity = try #require(produced[type], "\(name): no entity \(type)")
            for (key, value) in wanted {
                #expect((entity[key] as? NSObject) == (value as? NSObject), "\(name) \(type).\(key)")
            }
        }
        if golden.listsAllEntities {
            // A missed field may be absent or present (with low confidence): it does not count here.
            let producedTypes = Set(produced.keys).subtracting(golden.missed.keys)
            #expect(producedTypes == Set(golden.entities.keys).subtracting(golden.missed.keys), "\(name): entity types")
        }
        for (type, entity) in produced {
            try checkEntityIsConsistent(entity, type: type, document: document, fixture: name)
        }
    }

    /// The golden file must agree with the ground truth on every field the truth holds and the rule extracts;
    /// a value OCR destroyed or misread may be left out only as `missed`, with the reason.
    @Test(arguments: fixtures.map(\.name))
    func goldenFileAgreesWithGroundTruth(_ name: String) throws {
        let fixture = try #require(Self.fixtures.first { $0.name == name })
        let truth = try GroundTruth(contentsOf: fixture.truth)
        let golden = try Self.golden(for: fixture)
        let rule = try #require(try TestSupport.engine.rules.rule(for: truth.documentType))
        let judged = Set(rule.fieldNames + ["country", "category"])
        for (field, value) in truth.fields where judged.contains(field) {
            if let reason = golden.missed[field] {
                #expect(!reason.isEmpty && golden.flat[field] == nil, "\(name) \(field): a missed field needs a reason and no value")
            } else {
                #expect(golden.flat[field].map { "\($0)" } == value, "\(name) \(field): golden \(String(describing: golden.flat[field])) vs truth \(value)")
            }
        }
        for field in golden.flat.keys where field != "documentType" {
            #expect(truth.fields[field] != nil, "\(name): golden field \(field) has no ground truth")
        }
    }

    private func checkEntityIsConsistent(_ entity: [String: Any], type: String, document: OCRDocument, fixture: String) throws {
        let confidence = try #require(entity["confidence"] as? Double)
        #expect(confidence > 0 && confidence <= 1, "\(fixture) \(type) confidence \(confidence)")
        let segments = try #require((entity["textAnchor"] as? [String: Any])?["textSegments"] as? [[String: String]])
        let text = segments.map { segment in
            document.matchable.slice(Int(segment["startIndex"]!)!..<Int(segment["endIndex"]!)!)
        }.joined(separator: " ")
        #expect(text == entity["mentionText"] as? String, "\(fixture) \(type): offsets must point at the mention")
        let refs = try #require((entity["pageAnchor"] as? [String: Any])?["pageRefs"] as? [[String: Any]])
        for ref in refs {
            let vertices = try #require((ref["boundingPoly"] as? [String: Any])?["normalizedVertices"] as? [[String: Double]])
            #expect(vertices.count == 4)
            #expect(vertices.allSatisfy { (0...1).contains($0["x"]!) && (0...1).contains($0["y"]!) })
            #expect(vertices[0]["x"]! <= vertices[1]["x"]! && vertices[1]["y"]! <= vertices[2]["y"]!, "clockwise from top-left")
        }
    }
}
