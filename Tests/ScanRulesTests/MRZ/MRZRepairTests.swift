import Testing
@testable import ScanRules

/// Zones with OCR damage: repaired where a check digit (or the position's class) says how, and
/// reported character by character.
@Suite struct MRZRepairTests {
    static let asOf = CalendarDate(iso: "2025-10-23")!
    static let td3Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
    static let td3Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"

    func read(_ text: String) throws -> MRZResult {
        try #require(MRZ.find(in: text, asOf: Self.asOf))
    }

    func status(_ mrz: MRZResult, _ name: MRZCheckName) -> MRZCheck.Status? { mrz.check(name)?.status }

    @Test func letterOInTheBirthDateIsADigit() throws {
        let mrz = try read(Self.td3Line1 + "\n" + "L898902C36UTO74O8122F1204159ZE184226B<<<<<10")
        #expect(status(mrz, .birthDate) == .repaired)
        #expect(mrz.check(.birthDate)?.repairs == [MRZRepair(line: 1, column: 15, from: "O", to: "0", basis: .characterClass)])
        #expect(mrz.birthDate == CalendarDate(year: 1974, month: 8, day: 12))
        #expect(mrz.lines[1].text == Self.td3Line2)
        #expect(mrz.isValid)
    }

    @Test func kForFillersInThePersonalNumber() throws {
        // K is worth 20 ≡ 0 (mod 10): no check digit can tell it from <, so the filler run's shape decides.
        let mrz = try read(Self.td3Line1 + "\n" + "L898902C36UTO7408122F1204159ZE184226BKKKKK10")
        #expect(status(mrz, .personalNumber) == .repaired)
        let repairs = try #require(mrz.check(.personalNumber)?.repairs)
        #expect(repairs.map(\.column) == Array(37...41))
        #expect(repairs.allSatisfy { $0.from == "K" && $0.to == "<" && $0.basis == .filler })
        #expect(mrz.field(.personalNumber)?.value == "ZE184226B")
        #expect(mrz.lines[1].text == Self.td3Line2)
        #expect(mrz.isValid)
    }

    @Test func lForAFillerIsConfirmedByTheCheckDigit() throws {
        // Peru's DNI: the 9-character field holds 8 digits and a filler, read here as L.
        let mrz = try read("I<PER70275722L2<<<<<<<<<<<<<<<\n8906120M2107165PER<<<<<<<<<<<8\nCARDENAS<<JORGE<ANTHONY<<<<<<<")
        #expect(status(mrz, .documentNumber) == .repaired)
        #expect(mrz.check(.documentNumber)?.repairs == [MRZRepair(line: 0, column: 13, from: "L", to: "<", basis: .checkDigit)])
        #expect(mrz.field(.documentNumber)?.value == "70275722")
        #expect(mrz.isValid)
    }

    @Test func digitFiveInTheNameIsTheLetterS() throws {
        let mrz = try read("P<UTOERIK5SON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + Self.td3Line2)
        #expect(mrz.field(.primaryIdentifier)?.value == "ERIKSSON")
        #expect(mrz.repairs == [MRZRepair(line: 0, column: 9, from: "5", to: "S", basis: .characterClass)])
        #expect(mrz.checks.allSatisfy { $0.status == .verified })
    }

    @Test func threeConfusionsAtOnce() throws {
        // O for 0 in the document number (letters are legal there: only the check digit can tell),
        // S for 5 in the expiry date, and a 0 for O in the nationality.
        let mrz = try read(Self.td3Line1 + "\n" + "L8989O2C36UT07408122F12041S9ZE184226B<<<<<10")
        #expect(status(mrz, .documentNumber) == .repaired)
        #expect(mrz.check(.documentNumber)?.repairs == [MRZRepair(line: 1, column: 5, from: "O", to: "0", basis: .checkDigit)])
        #expect(status(mrz, .expiryDate) == .repaired)
        #expect(mrz.field(.nationality)?.value == "UTO")
        #expect(mrz.lines[1].text == Self.td3Line2)
        #expect(mrz.isValid)
    }

    @Test func fillersReadAsSpacesAndASplitLine() throws {
        let text = "PASAPORTE\nP UTOERIKSSON  ANNA MARIA\nL898902C36UTO7408122F1204\n159ZE184226B      10\n"
        let mrz = try read(text)
        #expect(mrz.format == .td3)
        #expect(mrz.lines.map(\.text) == [Self.td3Line1, Self.td3Line2])
        #expect(mrz.checks.allSatisfy { $0.status == .verified })
        #expect(mrz.field(.secondaryIdentifier)?.value == "ANNA MARIA")
        // The second line starts on one text line and ends on the next.
        let range = try #require(mrz.lines[1].sourceRange)
        #expect(text.unicodeScalars.count >= range.upperBound)
        #expect(Array(text.unicodeScalars)[range].contains("\n"))
    }

    @Test func mergedLinesAndFillerLookalikes() throws {
        let text = "I«UTOD23145890 7((((((((((((((( 7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA"
        let mrz = try read(text)
        #expect(mrz.format == .td1)
        #expect(mrz.lines.map(\.text) == ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"])
        #expect(mrz.isValid)
        #expect(mrz.repairs.allSatisfy { $0.basis == .normalization })
    }

    @Test func trailingNameFillersReadAsK() throws {
        let mrz = try read("I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<KKK<<KKKK")
        #expect(mrz.field(.secondaryIdentifier)?.value == "ANNA MARIA")
        #expect(mrz.repairs.count == 7)
        #expect(mrz.repairs.allSatisfy { $0.basis == .filler && $0.line == 2 })
    }

    @Test func td1OptionalDataRepairedThroughTheComposite() throws {
        // The Spanish DNI in optional data 1, with S read for 5: only the composite covers it.
        let mrz = try read("IDESPBAA000589599999999R<<<<<<\n8001014F2501017ESP<<<<<<<<<<<7\nESPANOLA<ESPANOLA<<CARMEN<<<<<")
        #expect(mrz.isValid)
        let damaged = try read("IDESPBAA000589599999999R<<KK<<\n8001014F2501017ESP<<<<<<<<<<<7\nESPANOLA<ESPANOLA<<CARMEN<<<<<")
        #expect(damaged.check(.composite)?.status == .repaired)
        #expect(damaged.check(.composite)?.repairs.map(\.basis) == [.filler, .filler])
        #expect(damaged.field(.optionalData1)?.value == "99999999R")
    }

    @Test func td3WithAWrongDocumentCheckDigitFails() throws {
        let mrz = try read(Self.td3Line1 + "\n" + "L898902C35UTO7408122F1204159ZE184226B<<<<<10")
        #expect(status(mrz, .documentNumber) == .failed)
        #expect(mrz.check(.documentNumber)?.expected == "6")
        #expect(mrz.check(.documentNumber)?.printed == "5")
        #expect(status(mrz, .composite) == .failed)
        #expect(status(mrz, .birthDate) == .verified)
        #expect(!mrz.isValid)
        #expect(mrz.field(.documentNumber)?.value == "L898902C3", "a repair no check confirms is not applied")
    }

    @Test func fabricatedColombianSampleFails() throws {
        let text = "ICCOL000000012305001<<<<<<<<<<\n0403151F3203190C0L1234567890<0\nWALTEROS<<LAURA<<<<<<<<<<<<"
        let mrz = try read(text)
        #expect(mrz.format == .td1)
        #expect(status(mrz, .documentNumber) == .failed)
        #expect(mrz.check(.documentNumber)?.expected == "5")
        #expect(status(mrz, .composite) == .failed)
        #expect(status(mrz, .birthDate) == .verified)
        #expect(status(mrz, .expiryDate) == .verified)
        #expect(mrz.field(.nationality)?.value == "COL")
        #expect(mrz.field(.optionalData2)?.value == "1234567890")
        #expect(mrz.field(.primaryIdentifier)?.value == "WALTEROS")
        #expect(mrz.birthDate == CalendarDate(year: 2004, month: 3, day: 15))
    }

    @Test func longTD1DocumentNumber() throws {
        // Built per ICAO 9303 Part 5 note j: 12-character number, check over all of it.
        let number = "D23145890123"
        let check = try #require(ICAOCheckDigit.compute(number))
        var line1 = "I<UTO" + number.prefix(9) + "<" + number.dropFirst(9) + String(check) + "<"
        line1 += String(repeating: "<", count: 30 - line1.count)
        let line2Body = "7408122F1204159UTO<<<<<<<<<<<"
        let compositeData = String(line1.dropFirst(5)) + line2Body.prefix(7) + line2Body.dropFirst(8).prefix(7) + line2Body.dropFirst(18).prefix(11)
        let composite = try #require(ICAOCheckDigit.compute(compositeData))
        let mrz = try read(line1 + "\n" + line2Body + String(composite) + "\nERIKSSON<<ANNA<MARIA<<<<<<<<<<")
        #expect(mrz.field(.documentNumber)?.value == number)
        #expect(mrz.field(.documentNumber)?.spans == [MRZSpan(line: 0, columns: 5..<14), MRZSpan(line: 0, columns: 15..<18)])
        #expect(mrz.check(.documentNumber)?.status == .verified)
        #expect(mrz.check(.documentNumber)?.position == MRZSpan(line: 0, columns: 18..<19))
        #expect(mrz.isValid)
    }

    @Test func aCharacterOutsideASCIIIsKeptAsRead() throws {
        // The Kelvin sign is canonically a K: kept as read in the name (the zone stores it beside its codes).
        let mrz = try read("P<UTOERI\u{212A}SSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + Self.td3Line2)
        #expect(mrz.lines[0].text.unicodeScalars.contains("\u{212A}"))
        #expect(mrz.field(.primaryIdentifier)?.value.unicodeScalars.contains("\u{212A}") == true)
        #expect(mrz.field(.secondaryIdentifier)?.value == "ANNA MARIA")
        #expect(mrz.checks.allSatisfy { $0.status == .verified })
    }
}
