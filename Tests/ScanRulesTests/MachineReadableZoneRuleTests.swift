import Foundation
import Testing
@testable import ScanRules

/// Rules that read fields both in the visual zone and in the MRZ: cross-checks, corrections, status.
@Suite struct MachineReadableZoneRuleTests {
    static let asOf = CalendarDate(year: 2025, month: 10, day: 23)

    static let rule = """
    code: SPECIMEN
    category: PASSPORT
    fields:
      documentNumber:
        pattern: 'No\\. (?<value>\\S+)'
        mrz: documentNumber
      lastName:
        pattern: 'Surname (?<value>\\p{Lu}+)'
        mrz: primaryIdentifier
      dateOfBirth:
        pattern: 'Born (?<value>\\S+)'
        normalize: {date: [dd/MM/yyyy]}
        mrz: birthDate
      gender:
        mrz: sex
      expireDate:
        mrz: expiryDate
      nationality:
        mrz: nationalityName
      mrz:
        mrz: zone
    """

    static let zone = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"

    func extract(_ visual: String, zone: String = zone) throws -> Extraction {
        let engine = RuleEngine(rules: RuleSet(rules: [try RuleSet.compile(Self.rule, file: "SPECIMEN.yaml")]))
        return try engine.extract(OCRDocument(text: visual + "\n" + zone, pages: []), type: "SPECIMEN", asOf: Self.asOf)
    }

    @Test func agreeingZonesMatchAndRaiseConfidence() throws {
        let extraction = try extract("No. L898902C3 Surname ERIKSSON Born 12/08/1974")
        let number = try #require(extraction.field("documentNumber"))
        #expect(number.value == "L898902C3" && number.origin == .read)
        #expect(number.crossCheck?.status == .match)
        #expect(extraction.field("dateOfBirth")?.crossCheck?.status == .match)
        #expect(extraction.field("gender")?.value == "Female")
        #expect(extraction.field("nationality")?.value.hasPrefix("Utopia") == true)
        #expect(extraction.field("mrz")?.value == Self.zone)
        #expect(extraction.machineReadableZone?.isValid == true)
        #expect(extraction.status == .expired)  // the specimen expired in 2012
    }

    @Test func aVerifiedMachineReadableValueCorrectsADamagedVisualOne() throws {
        // OCR read the visual number with a 5 for the S... of a different number: L898902C8.
        let extraction = try extract("No. L898902C8 Surname ERIKSSON Born 12/08/1974")
        let number = try #require(extraction.field("documentNumber"))
        #expect(number.value == "L898902C3")
        #expect(number.origin == .machineReadableZone)
        #expect(number.crossCheck == CrossCheck(status: .mismatch, visual: "L898902C8", machineReadable: "L898902C3", corrected: true))
        // The entity points at the MRZ characters it was read from.
        let segment = try #require(number.location?.segments.first)
        #expect(number.mentionText == "L898902C3" && segment.lowerBound > 40)
    }

    @Test func anUncoveredMachineReadableNameDoesNotOverruleTheVisualOne() throws {
        let extraction = try extract("No. L898902C3 Surname ERIKSON Born 12/08/1974")
        let name = try #require(extraction.field("lastName"))
        #expect(name.value == "ERIKSON")
        #expect(name.crossCheck?.status == .mismatch && name.crossCheck?.corrected == false)
    }

    @Test func aFieldOnlyTheZoneHoldsIsTakenFromIt() throws {
        let extraction = try extract("Surname ERIKSSON")
        #expect(extraction.field("documentNumber")?.value == "L898902C3")
        #expect(extraction.field("documentNumber")?.crossCheck?.status == .notPerformed)
        #expect(extraction.field("dateOfBirth")?.value == "12/08/1974")
    }

    @Test func peruvianNamesReadNXXAsÑAndValuesTheFieldCannotHoldAreNotUsed() throws {
        // The Peruvian DNI specimen's MRZ, with a surname spelled as Peru transliterates Ñ.
        let zone = "I<PER70275722<2<<<<<<<<<<<<<<<\n8906120M2107165PER<<<<<<<<<<<8\nMUNXXOZ<<JORGE<ANTHONY<<<<<<<<"
        let rule = """
        code: DNI
        category: ID
        fields:
          lastName: {mrz: primaryIdentifier}
          firstName: {mrz: secondaryIdentifier, validate: {maxLength: 5}}
        """
        let engine = RuleEngine(rules: RuleSet(rules: [try RuleSet.compile(rule, file: "DNI.yaml")]))
        let extraction = try engine.extract(OCRDocument(text: zone, pages: []), type: "DNI", asOf: Self.asOf)
        #expect(extraction.field("lastName")?.value == "MUÑOZ")
        #expect(extraction.field("firstName") == nil)
    }

    @Test func aFailedCheckDigitSendsTheDocumentToAPerson() throws {
        let broken = Self.zone.replacingOccurrences(of: "L898902C36", with: "L898902C35")
        let extraction = try extract("No. L898902C3 Surname ERIKSSON Born 12/08/1974", zone: broken.replacingOccurrences(of: "1204159", with: "3204159"))
        #expect(extraction.machineReadableZone?.isValid == false)
        #expect(extraction.status == .needsManualVerification)
    }
}

/// Checks a rule names under `validate` (check digits, date order, validity periods).
@Suite struct FieldCheckTests {
    static let rule = """
    code: T
    category: TAX
    fields:
      nit:
        pattern: 'NIT (?<value>[\\d.]+)'
        normalize: digits
      dv:
        pattern: 'DV (?<value>\\d)'
        validate: {checkDigit: nit, body: nit}
      issued:
        pattern: 'ISSUED (?<value>\\S+)'
        normalize: {date: [dd/MM/yyyy]}
      expires:
        pattern: 'EXPIRES (?<value>\\S+)'
        normalize: {date: [dd/MM/yyyy]}
        validate: {after: issued, validForYears: 10}
    """

    func extract(_ text: String) throws -> Extraction {
        let engine = RuleEngine(rules: RuleSet(rules: [try RuleSet.compile(Self.rule, file: "T.yaml")]))
        return try engine.extract(OCRDocument(text: text, pages: []), type: "T", asOf: MachineReadableZoneRuleTests.asOf)
    }

    @Test func passingChecksMakeAValidField() throws {
        let extraction = try extract("NIT 800.003.122 DV 6 ISSUED 01/02/2020 EXPIRES 01/02/2030")
        #expect(extraction.field("dv")?.validation?.status == .valid)
        #expect(extraction.field("dv")?.validation?.checks.map(\.name) == ["checkDigit: nit"])
        #expect(extraction.field("expires")?.validation?.status == .valid)
        #expect(extraction.field("nit")?.validation?.status == .unchecked)
        #expect(extraction.status == .activeButUnverified)
    }

    @Test func aFailingCheckKeepsTheValueButMarksIt() throws {
        let extraction = try extract("NIT 800.003.122 DV 7 ISSUED 01/02/2020 EXPIRES 01/02/2031")
        let dv = try #require(extraction.field("dv"))
        #expect(dv.value == "7" && dv.validation?.status == .invalid)
        #expect(dv.validation?.checks.first?.reason?.contains("expected 6") == true)
        #expect(dv.confidence <= RuleEngine.failedCheckFactor)
        let expires = try #require(extraction.field("expires")?.validation)
        #expect(expires.checks.map(\.passed) == [true, false])
        #expect(extraction.status == .needsManualVerification)
    }

    @Test func checksAgainstAMissingFieldAreNotRun() throws {
        let extraction = try extract("DV 7")
        #expect(extraction.field("dv")?.validation?.status == .unchecked)
    }

    @Test func unknownCheckDigitsAreRefusedInTheRuleFile() {
        #expect {
            _ = try RuleSet.compile(Self.rule.replacingOccurrences(of: "checkDigit: nit", with: "checkDigit: luhn"), file: "T.yaml")
        } throws: { error in
            "\(error)".contains("unknown check digit 'luhn'") && "\(error)".contains("nit, rif")
        }
    }
}
