import Testing
@testable import ScanRules

/// Published zones (documents.md §1.4) read with every check digit verified.
@Suite struct MRZSpecimenTests {
    static let asOf = CalendarDate(iso: "2025-10-23")!
    static let td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    static let td1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"

    func read(_ text: String) throws -> MRZResult {
        try #require(MRZ.find(in: text, asOf: Self.asOf))
    }

    func expectAllVerified(_ result: MRZResult) {
        for check in result.checks {
            #expect(check.status == .verified, "\(check.name): \(check.status) \(check.note ?? "")")
        }
        #expect(result.repairs.isEmpty, "\(result.repairs)")
        #expect(result.isValid)
    }

    @Test func icaoTD3Specimen() throws {
        let mrz = try read(Self.td3)
        #expect(mrz.format == .td3)
        expectAllVerified(mrz)
        #expect(mrz.checks.map(\.name) == [.documentNumber, .birthDate, .expiryDate, .personalNumber, .composite])
        #expect(mrz.checks.map(\.printed) == ["6", "2", "9", "1", "0"])
        #expect(mrz.field(.documentCode)?.value == "P")
        #expect(mrz.field(.issuingState)?.value == "UTO")
        #expect(mrz.field(.primaryIdentifier)?.value == "ERIKSSON")
        #expect(mrz.field(.secondaryIdentifier)?.value == "ANNA MARIA")
        #expect(mrz.field(.documentNumber)?.value == "L898902C3")
        #expect(mrz.field(.nationality)?.value == "UTO")
        #expect(mrz.field(.sex)?.value == "F")
        #expect(mrz.field(.personalNumber)?.value == "ZE184226B")
        #expect(mrz.birthDate == CalendarDate(year: 1974, month: 8, day: 12))
        #expect(mrz.expiryDate == CalendarDate(year: 2012, month: 4, day: 15))
        #expect(mrz.lines.map(\.text) == Self.td3.split(separator: "\n").map(String.init))
    }

    @Test func td3PositionsMapBackToTheInput() throws {
        let text = "PASSPORT\n" + Self.td3
        let mrz = try read(text)
        let scalars = Array(text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        #expect(mrz.lines[0].sourceRange == 9..<53)
        #expect(mrz.lines[1].sourceRange == 54..<98)
        #expect(mrz.field(.documentNumber)?.spans == [MRZSpan(line: 1, columns: 0..<9)])
        #expect(mrz.field(.secondaryIdentifier)?.spans == [MRZSpan(line: 0, columns: 15..<25)])
        let ranges = mrz.sourceRanges(of: .documentNumber)
        #expect(ranges.map(slice) == ["L898902C3"])
        #expect(mrz.sourceRanges(of: .secondaryIdentifier).map(slice) == ["ANNA<MARIA"])
    }

    @Test func icaoTD1Specimen() throws {
        let mrz = try read(Self.td1)
        #expect(mrz.format == .td1)
        expectAllVerified(mrz)
        #expect(mrz.checks.map(\.name) == [.documentNumber, .birthDate, .expiryDate, .composite])
        #expect(mrz.checks.map(\.printed) == ["7", "2", "9", "6"])
        #expect(mrz.field(.documentNumber)?.value == "D23145890")
        #expect(mrz.field(.documentCode)?.value == "I")
        #expect(mrz.field(.primaryIdentifier)?.value == "ERIKSSON")
        #expect(mrz.field(.secondaryIdentifier)?.value == "ANNA MARIA")
        #expect(mrz.field(.optionalData1)?.value == "")
        #expect(mrz.issuingStateName == "Utopia (ICAO specimen documents)")
    }

    @Test func moreValidZones() throws {
        let zones: [(String, MRZFormat, String)] = [
            ("P<UTOMXHMWD<<EBDALRXHYM<<<<<<<<<<<<<<<<<<<<<\nA2222222<0UTO7108215F04120411000146819<<<<44", .td3, "A2222222"),
            ("IDLIEID98754015<<<<<<<<<<<<<<<\n8205122M1906224LIE<<<<<<<<<<<6\nOSPELT<BECK<<MARISA<<<<<<<<<<<", .td1, "ID9875401"),
            ("IDESPBAA000589599999999R<<<<<<\n8001014F2501017ESP<<<<<<<<<<<7\nESPANOLA<ESPANOLA<<CARMEN<<<<<", .td1, "BAA000589"),
            ("I<PER70275722<2<<<<<<<<<<<<<<<\n8906120M2107165PER<<<<<<<<<<<8\nCARDENAS<<JORGE<ANTHONY<<<<<<<", .td1, "70275722"),
        ]
        for (text, format, number) in zones {
            let mrz = try read(text)
            #expect(mrz.format == format)
            expectAllVerified(mrz)
            #expect(mrz.field(.documentNumber)?.value == number)
        }
        let spain = try read(zones[2].0)
        #expect(spain.field(.optionalData1)?.value == "99999999R")
        #expect(spain.field(.primaryIdentifier)?.value == "ESPANOLA ESPANOLA")
        let peru = try read(zones[3].0)
        #expect(peru.nationalityName == "Peru")
        #expect(peru.birthDate == CalendarDate(year: 1989, month: 6, day: 12))
        #expect(peru.expiryDate == CalendarDate(year: 2021, month: 7, day: 16))
    }

    @Test func birthCenturyFollowsTheReferenceDate() {
        let asOf = CalendarDate(year: 2025, month: 1, day: 1)
        #expect(MRZFieldReader.date("250101", isBirth: true, asOf: asOf)?.year == 2025)
        #expect(MRZFieldReader.date("260101", isBirth: true, asOf: asOf)?.year == 1926)
        #expect(MRZFieldReader.date("990101", isBirth: false, asOf: asOf)?.year == 2099)
        #expect(MRZFieldReader.date("741332", isBirth: true, asOf: asOf) == nil)
    }

    @Test func textWithoutAZoneHasNone() {
        #expect(MRZ.find(in: "REPUBLICA DEL PERU\nDOCUMENTO NACIONAL DE IDENTIDAD\nDNI 70275722 - 9", asOf: Self.asOf) == nil)
        #expect(MRZ.find(in: "", asOf: Self.asOf) == nil)
    }
}
