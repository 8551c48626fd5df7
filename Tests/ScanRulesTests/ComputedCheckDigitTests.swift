import Testing
@testable import ScanRules

/// `compute: checkDigit`: a check digit not read is computed from the number it checks, marked as
/// computed, less sure than the number, and never in place of a digit that was read.
@Suite struct ComputedCheckDigitTests {
    let fields = """
      nit: {anchor: {labels: [NIT], where: [right]}, pattern: '(?<value>\\d{9})'}
      dv: {anchor: {labels: [DV], where: [right]}, pattern: '(?<value>\\d)', validate: {checkDigit: nit, body: nit}, compute: checkDigit}
    """

    @Test func kindsGiveTheDigitTheirBodyCallsFor() {
        #expect(CheckDigitKind.nit.checkDigit(forBody: "800003122") == "6")
        #expect(CheckDigitKind.nit.checkDigit(forBody: "900.123.456") == CheckDigitKind.nit.validate("900123456-0").expected)
        #expect(CheckDigitKind.nit.checkDigit(forBody: "12AB") == nil)
        // A format check has no digit to compute.
        #expect(CheckDigitKind.cedulaCO.checkDigit(forBody: "80218536") == nil)
    }

    @Test func aDigitNotReadIsComputedFromTheNumber() throws {
        let document = RuleFeatureTests().page([(100, [(10, "NIT"), (80, "800003122"), (300, "DV")])])
        let extraction = try RuleFeatureTests().extract(document, fields)
        let nit = try #require(extraction.field("nit"))
        let dv = try #require(extraction.field("dv"))
        #expect(dv.value == "6")
        #expect(dv.origin == .computed)
        #expect(dv.validation == nil)
        #expect(dv.location == nil)
        #expect(abs(dv.confidence - nit.confidence * ComputedCheckDigit.factor) < 1e-9)
    }

    @Test func aDigitReadIsKeptEvenWhenItFailsTheCheck() throws {
        let document = RuleFeatureTests().page([(100, [(10, "NIT"), (80, "800003122"), (300, "DV"), (350, "4")])])
        let dv = try #require(try RuleFeatureTests().extract(document, fields).field("dv"))
        #expect(dv.value == "4")
        #expect(dv.origin == .read)
        #expect(dv.validation?.status == .invalid)
    }

    @Test func withoutTheNumberNothingIsComputed() throws {
        let document = RuleFeatureTests().page([(100, [(300, "DV")])])
        #expect(try RuleFeatureTests().extract(document, fields).field("dv") == nil)
    }

    @Test func computeNeedsACheckDigitWithABody() {
        #expect(throws: RuleFileError.self) {
            try RuleSet.compile("code: T\ncategory: ID\nfields:\n  dv: {pattern: '\\d', validate: {checkDigit: nit}, compute: checkDigit}\n", file: "T.yaml")
        }
        #expect(throws: RuleFileError.self) {
            try RuleSet.compile("code: T\ncategory: ID\nfields:\n  n: {pattern: x}\n  dv: {pattern: x, validate: {checkDigit: nit, body: n}, compute: age}\n", file: "T.yaml")
        }
    }
}
