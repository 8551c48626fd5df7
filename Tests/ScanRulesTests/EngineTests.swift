import Foundation
import Testing
@testable import ScanRules

@Suite struct EngineTests {
    static let asOf = CalendarDate(year: 2025, month: 10, day: 23)

    /// A small card laid out like a Colombian cédula's back: values printed above their labels.
    static let valuesAboveLabels = #"""
    {"pages": [{"width": 1000, "height": 500, "words": [
      {"text": "MEDELLIN", "box": [100, 100, 220, 120], "line": 0},
      {"text": "(ANTIOQUIA)", "box": [230, 100, 380, 120], "line": 0},
      {"text": "LUGAR", "box": [100, 130, 160, 142], "line": 1},
      {"text": "DE", "box": [166, 130, 190, 142], "line": 1},
      {"text": "NACIMIENTO", "box": [196, 130, 300, 142], "line": 1},
      {"text": "1.67", "box": [100, 200, 150, 220], "line": 2},
      {"text": "O+", "box": [400, 200, 430, 220], "line": 2, "confidence": 0.8},
      {"text": "ESTATURA", "box": [100, 230, 190, 242], "line": 3},
      {"text": "G.S.", "box": [400, 230, 440, 242], "line": 3},
      {"text": "RH", "box": [446, 230, 470, 242], "line": 3}
    ]}]}
    """#

    static let aboveRule = """
    code: TESTABOVE
    category: ID
    fields:
      placeOfBirth:
        anchor: {labels: [LUGAR DE NACIMIENTO], where: [above]}
        pattern: '(?<value>[\\p{Lu} ()]+)'
        normalize: text
      bloodType:
        anchor: {labels: [G.S. RH], where: [above], tolerance: 0.5}
        pattern: '(?<value>(?:AB|A|B|O|0)[+-])'
      height:
        anchor: {labels: [ESTATURA], where: [above], tolerance: 0.5}
        pattern: '(?<value>\\d[.,]\\d{2})'
    """

    func extract(_ json: String, _ yaml: String, type: String) throws -> Extraction {
        let rule = try RuleSet.compile(yaml, file: "test.yaml")
        let engine = RuleEngine(rules: RuleSet(rules: [rule]))
        return try engine.extract(try OCRDocument(data: Data(json.utf8), source: "t.json"), type: type, asOf: Self.asOf)
    }

    @Test func valuesAreTakenFromTheLineAboveByGeometry() throws {
        let result = try extract(Self.valuesAboveLabels, Self.aboveRule, type: "TESTABOVE")
        #expect(result.field("placeOfBirth")?.value == "MEDELLIN (ANTIOQUIA)")
        #expect(result.field("placeOfBirth")?.location?.segments == [0..<20])
        // The blood type sits above "G.S. RH", not above "ESTATURA", though both share one text line.
        #expect(result.field("bloodType")?.value == "O+")
        #expect(result.field("bloodType")?.confidence == 0.8)
        #expect(result.field("height")?.value == "1.67")
    }

    @Test func confidenceCombinesOCRLabelMatchAndRepairs() throws {
        let json = #"{"pages": [{"width": 100, "height": 100, "words": ["#
            + #"{"text": "NACIMENTO", "box": [0, 0, 30, 5], "line": 0},"#
            + #"{"text": "15/O2/1986", "box": [32, 0, 60, 5], "line": 0, "confidence": 0.9}]}]}"#
        let yaml = """
        code: T
        category: ID
        fields:
          dateOfBirth:
            anchor: {labels: [NACIMIENTO], where: [right]}
            normalize: {date: [dd/MM/yyyy]}
        """
        let field = try #require(try extract(json, yaml, type: "T").field("dateOfBirth"))
        #expect(field.value == "15/02/1986")
        // 0.9 (OCR) × 0.9 (one edit in a ten-letter label) × 0.97 (one repaired character).
        #expect(abs(field.confidence - 0.9 * 0.9 * 0.97) < 1e-9)
    }

    @Test func plainTextWithoutBoxesStillYieldsPatternFields() throws {
        let text = "REPUBLICA BOLIVARIANA DE VENEZUELA\nV 12.345.678\nSOLTERA\nF. VENCIMIENTO 02/2033\nVENEZOLANA"
        let extraction = try TestSupport.engine.extract(OCRDocument(text: text, pages: []), type: "CCVE", asOf: Self.asOf)
        #expect(extraction.field("documentNumber")?.value == "12.345.678")
        #expect(extraction.field("documentNumber")?.location?.segments == [37..<47])
        #expect(extraction.field("nationality")?.value == "VENEZOLANA")
        #expect(extraction.field("gender")?.value == "Female")
        let encoded = try #require(try TestSupport.json(V3Encoder.encode(extraction).serialized()) as? [String: Any])
        let entities = SeedReproductionTests.entities(encoded)
        #expect(entities["documentNumber"]?["mentionText"] as? String == "12.345.678")
        #expect(entities["documentNumber"]?["pageAnchor"] == nil)
    }

    @Test func statusAndBackSideFollowWhatWasFound() throws {
        let yaml = """
        code: T
        category: ID
        backSide: [bloodType]
        fields:
          number: {pattern: 'No (?<value>\\d+)', required: true}
          bloodType: {pattern: 'RH (?<value>[ABO]+[+-])'}
          expireDate: {pattern: 'VENCE (?<value>\\S+)', normalize: {date: [MM/yyyy]}}
        """
        func status(_ text: String) throws -> (DocumentStatus, Bool, [String]) {
            let extraction = try extract(#"{"text": "\#(text)", "pages": []}"#, yaml, type: "T")
            return (extraction.status, extraction.requiresBackSide, extraction.missingRequired)
        }
        #expect(try status("No 123 RH O+ VENCE 10/2025") == (.activeButUnverified, false, []))
        // A month-only expiry lasts to the end of its month; the reference date is 2025-10-23.
        #expect(try status("No 123 RH O+ VENCE 09/2025") == (.expired, false, []))
        #expect(try status("No 123 VENCE 12/2030") == (.needsManualVerification, true, []))
        #expect(try status("RH O+ VENCE 12/2030") == (.needsManualVerification, false, ["number"]))
    }

    @Test func theEnvelopeCarriesTheAPIsDocumentLevelKeys() throws {
        let input = TestSupport.fixtures.appendingPathComponent("CCVE/ccve-seed.ocr.json")
        let extraction = try TestSupport.engine.extract(OCRDocument(contentsOf: [input.path]), type: "CCVE", asOf: Self.asOf)
        let envelope = try #require(try TestSupport.json(EnvelopeEncoder.encode(extraction).serialized()) as? [String: Any])
        var data = try #require(envelope["data"] as? [String: Any])
        #expect(data.removeValue(forKey: "OCRExtraction") != nil)
        // The document-level keys of the published response (../shared/seed/scan-studio-api.txt) that
        // extraction can know; the service's bookkeeping (client, url, ids) is left out.
        let published: [String: Any] = [
            "age": "39", "country": "Venezuela", "documentCategory": "ID", "documentNumber": "18.016.774",
            "documentType": "CCVE", "gender": "Male", "nationality": "VENEZOLANO", "requiresBackSide": false,
            "status": "ACTIVE_BUT_UNVERIFIED", "type": "ocr",
        ]
        #expect(data as NSDictionary == published as NSDictionary)
    }

    @Test func typesAreDetectedFromKeywordsAndAWrongTypeIsRefused() throws {
        func rule(_ code: String, _ keywords: String) throws -> CompiledRule {
            try RuleSet.compile("code: \(code)\ncategory: ID\ndetect: {keywords: [\(keywords)]}\nfields:\n  n: {pattern: '(?<value>\\d+)'}\n", file: "\(code).yaml")
        }
        let engine = RuleEngine(rules: RuleSet(rules: [
            try rule("VE", "REPUBLICA BOLIVARIANA DE VENEZUELA, CEDULA DE IDENTIDAD, VENEZOLANO"),
            try rule("CO", "REPUBLICA DE COLOMBIA, CEDULA DE CIUDADANIA, REGISTRADOR NACIONAL"),
        ]))
        func document(_ text: String) -> OCRDocument {
            var offset = 0
            let words = text.split(separator: " ").enumerated().map { index, word -> OCRWord in
                defer { offset += word.count + 1 }
                let left = Double(index * 100)
                return OCRWord(text: String(word), start: offset, end: offset + word.count,
                               box: BoundingBox(left: left, top: 0, right: left + 90, bottom: 10), confidence: 1, line: 0, page: 0)
            }
            return OCRDocument(text: text, pages: [OCRPage(width: 5000, height: 100, words: words)])
        }
        // OCR garbled two keywords (VENEZUEIA, CEDULA D IDENTIDAD): they still count, a little less.
        let venezuelan = document("REPUBLICA BOLIVARIANA DE VENEZUEIA CEDULA D IDENTIDAD 123")
        let auto = try engine.extract(venezuelan, type: RuleEngine.autoType, asOf: Self.asOf)
        #expect(auto.documentType == "VE")
        let score = try #require(auto.typeScore)
        #expect(score > 0.5 && score < 1)
        #expect {
            _ = try engine.extract(venezuelan, type: "CO", asOf: Self.asOf)
        } throws: { error in
            "\(error)".contains("this looks like a VE document") && "\(error)".contains("use --type VE or --type auto")
        }
        #expect {
            _ = try engine.extract(document("FACTURA 123"), type: RuleEngine.autoType, asOf: Self.asOf)
        } throws: { error in
            "\(error)".hasPrefix("cannot tell the document type")
        }
        // No better type: the fields come, with their confidence halved.
        let unsure = try engine.extract(document("FACTURA 123"), type: "VE", asOf: Self.asOf)
        #expect(unsure.field("n")?.confidence == RuleEngine.weakTypeFactor)
    }

    @Test func anUnknownTypeNamesTheKnownOnes() {
        #expect {
            _ = try TestSupport.engine.extract(OCRDocument(text: "", pages: []), type: "XX", asOf: Self.asOf)
        } throws: { error in
            "\(error)".contains("no rule file defines document type 'XX'; known types: ") && "\(error)".contains("CCVE")
                && "\(error)".contains("auto")
        }
    }

    @Test func aRunawayPatternFailsWithAClearError() throws {
        let yaml = """
        code: T
        category: ID
        fields:
          slow:
            pattern: '^(a+)+$'
        """
        let json = #"{"text": "\#(String(repeating: "a", count: 5000))b", "pages": []}"#
        #expect {
            _ = try extract(json, yaml, type: "T")
        } throws: { error in
            "\(error)".contains("rule T, field 'slow'") && "\(error)".contains("exceeded")
        }
    }

    @Test func theEngineIsSharedSafelyAcrossThreads() async throws {
        let input = TestSupport.fixtures.appendingPathComponent("CCVE/ccve-01.tsv")
        let document = try OCRDocument(contentsOf: [input.path])
        let engine = TestSupport.engine
        let reference = V3Encoder.encode(try engine.extract(document, type: "CCVE", asOf: Self.asOf))
        let results = try await withThrowingTaskGroup(of: JSONValue.self) { group in
            for _ in 0..<16 {
                group.addTask { V3Encoder.encode(try engine.extract(document, type: "CCVE", asOf: Self.asOf)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == reference })
    }
}
