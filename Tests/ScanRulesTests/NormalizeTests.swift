import Testing
@testable import ScanRules

@Suite struct NormalizeTests {
    let asOf = CalendarDate(year: 2025, month: 10, day: 23)

    func date(_ text: String, _ formats: [String], _ years: Normalizer.TwoDigitYears = .past) throws -> Normalizer.Result? {
        Normalizer.date(try formats.map(DateFormat.init), twoDigitYears: years).normalize(text, asOf: asOf)
    }

    @Test func numericDates() throws {
        #expect(try date("15/02/1986", ["dd/MM/yyyy"])?.date == CalendarDate(year: 1986, month: 2, day: 15))
        #expect(try date("15-02-1986", ["dd/MM/yyyy"])?.value == "15/02/1986")
        #expect(try date("5/2/1986", ["dd/MM/yyyy"])?.value == "05/02/1986")
        #expect(try date("31/02/1986", ["dd/MM/yyyy"]) == nil)
        #expect(try date("29/02/2024", ["dd/MM/yyyy"])?.value == "29/02/2024")
        #expect(try date("29/02/2023", ["dd/MM/yyyy"]) == nil)
    }

    @Test func twoDigitYearsFollowThePolicy() throws {
        // Past: a year after the reference year's two digits is from the previous century.
        #expect(try date("15/02/86", ["dd/MM/yy"])?.value == "15/02/1986")
        #expect(try date("15/02/25", ["dd/MM/yy"])?.value == "15/02/2025")
        #expect(try date("15/02/26", ["dd/MM/yy"])?.value == "15/02/1926")
        // Future (expiry dates): always this century.
        #expect(try date("02/33", ["MM/yy"], .future)?.value == "02/2033")
        #expect(try date("02/99", ["MM/yy"], .future)?.value == "02/2099")
        #expect(try date("29/09/25", ["dd/MM/yy"], .future)?.value == "29/09/2025")
    }

    @Test func monthOnlyDates() throws {
        let result = try #require(try date("02/2033", ["MM/yyyy"]))
        #expect(result.value == "02/2033")
        #expect(result.date?.iso == "2033-02")
        #expect(result.date?.day == nil)
        #expect(try date("13/2033", ["MM/yyyy"]) == nil)
    }

    @Test func monthNamesInSpanishAndEnglish() throws {
        #expect(try date("17-ENE-1997", ["dd-MMM-yyyy"])?.value == "17/01/1997")
        #expect(try date("22 SEPT 2032", ["dd MMM yyyy"])?.value == "22/09/2032")
        #expect(try date("03-AUG-2001", ["dd-MMM-yyyy"])?.value == "03/08/2001")
        #expect(try date("03 dic 2001", ["dd MMM yyyy"])?.value == "03/12/2001")
        #expect(try date("9 SETIEMBRE 2010", ["dd MMM yyyy"])?.value == "09/09/2010")
    }

    @Test func ocrConfusionsAreRepairedAndCounted() throws {
        let repaired = try #require(try date("15/O2/l986", ["dd/MM/yyyy"]))
        #expect(repaired.value == "15/02/1986")
        #expect(repaired.repairs == 2)
        let month = try #require(try date("2O 0CT 1997", ["dd MMM yyyy"]))
        #expect(month.value == "20/10/1997")
        #expect(month.repairs == 2)
    }

    @Test func slashesReadAsStrokesAreRepairedAtFullWidthOnly() throws {
        // `21/04/2025` with both slashes read as `1`: the length tells where they were.
        let both = try date("2110412025", ["dd/MM/yyyy"])
        #expect(both?.value == "21/04/2025")
        #expect(both?.repairs == 2)
        #expect(try date("21/04l2025", ["dd/MM/yyyy"])?.repairs == 1)
        #expect(try date("0412035", ["MM/yyyy"], .future)?.value == "04/2035")
        // A real separator is no repair; a shape with a short number or year, or with no slash, is
        // ambiguous without its separators and is not read so.
        #expect(try date("21/04/2025", ["dd/MM/yyyy"])?.repairs == 0)
        #expect(try date("211042025", ["d/MM/yyyy"]) == nil)
        #expect(try date("21104125", ["dd/MM/yy"]) == nil)
        #expect(try date("2110412025", ["dd-MM-yyyy"]) == nil)
        #expect(try date("2110412025", ["dd MM yyyy"]) == nil)
    }

    @Test func badFormatsAreRefused() {
        #expect(throws: DateFormatError.self) { _ = try DateFormat("dd/QQ/yyyy") }
        #expect(throws: DateFormatError.self) { _ = try DateFormat("dd/MM") }
    }

    @Test func ageCountsWholeYears() {
        let birth = CalendarDate(year: 1986, month: 10, day: 24)
        #expect(birth.years(until: asOf) == 38)
        #expect(CalendarDate(year: 1986, month: 10, day: 23).years(until: asOf) == 39)
    }

    @Test func numbersNamesAndDigits() {
        #expect(Normalizer.dottedThousands.normalize("24,567,391", asOf: asOf)?.value == "24.567.391")
        #expect(Normalizer.dottedThousands.normalize("18016774", asOf: asOf)?.value == "18.016.774")
        #expect(Normalizer.dottedThousands.normalize("18.016.774", asOf: asOf)?.repairs == 0)
        #expect(Normalizer.dottedThousands.normalize("699.6O6", asOf: asOf)?.value == "699.606")
        #expect(Normalizer.digits.normalize("1O2-3", asOf: asOf)?.value == "1023")
        #expect(Normalizer.name.normalize(" T0VAR  rattia. ", asOf: asOf)?.value == "TOVAR RATTIA")
        #expect(Normalizer.name.normalize(" ... ", asOf: asOf) == nil)
    }

    /// ASCII names take a one-pass path over their bytes, other names the general steps: both must
    /// collapse, upper-case, repair and trim alike, and count the same repairs.
    @Test(arguments: [
        (" T0VAR  rattia. ", "TOVAR RATTIA", 1), ("\tjos3\r\nlu1s-", "JOS3 LUIS", 1), ("D'ALE55ANDRO", "D'ALESSANDRO", 2),
        ("|", "I", 1), ("_x_", "X", 0), ("(ANA)", "ANA", 0), ("mar0 ñ", "MARO Ñ", 1), (" ,ÁNGEL. ", "ÁNGEL", 0),
    ])
    func namesReadAlikeByteByByteOrStepByStep(raw: String, value: String, repairs: Int) {
        let result = Normalizer.name.normalize(raw, asOf: asOf)
        #expect(result?.value == value)
        #expect(result?.repairs == repairs)
        #expect(Normalizer.name.normalize(" .,;: ", asOf: asOf) == nil)
    }

    @Test func codesReadTheStrokesAfterTheirLettersAsDigits() {
        let codes = Normalizer.codes(letters: 1)
        let stroke = codes.normalize("Al 23/10/2032", asOf: asOf)
        #expect(stroke?.value == "A1 23/10/2032")
        #expect(stroke?.repairs == 1)
        #expect(codes.normalize("c2 08/05/2022", asOf: asOf)?.value == "C2 08/05/2022")
        #expect(codes.normalize("B|", asOf: asOf)?.value == "B1")
        // Words with a letter OCR does not take for a digit, or that start with a digit, are no codes:
        // only upper-cased. The rule's `letters` says where a code's tail starts.
        #expect(codes.normalize("Particular lentes 23/10/2032", asOf: asOf)?.value == "PARTICULAR LENTES 23/10/2032")
        #expect(codes.normalize("1A", asOf: asOf)?.value == "1A")
        #expect(Normalizer.codes(letters: 2).normalize("ABl", asOf: asOf)?.value == "AB1")
    }

    /// ASCII codes take a byte path, other text the Character path: both must read the same words as
    /// codes, upper-case the rest alike and count the same repairs.
    @Test(arguments: [
        ("Al 23/10/2032", 1, "A1 23/10/2032", 1), ("bO5 xyz", 1, "B05 XYZ", 1), ("AB", 2, "AB", 0), ("c", 1, "C", 0),
        ("Ñ5 c2", 1, "Ñ5 C2", 0), ("é| x", 1, "É1 X", 1), ("1A b2", 1, "1A B2", 0),
    ])
    func codesReadAlikeByteByByteOrByCharacter(raw: String, letters: Int, value: String, repairs: Int) {
        let result = Normalizer.codes(letters: letters).normalize(raw, asOf: asOf)
        #expect(result?.value == value)
        #expect(result?.repairs == repairs)
        #expect(Normalizer.codes(letters: letters).normalize(" ", asOf: asOf) == nil)
    }

    @Test func aNumberGroupedInThreesReadsItsOddSeparatorAsTheOthers() {
        let misread = Normalizer.number.normalize("1.032.275,103", asOf: asOf)
        #expect(misread?.value == "1.032.275.103")
        #expect(misread?.repairs == 1)
        #expect(Normalizer.number.normalize("1,O32,275.103", asOf: asOf)?.value == "1,032,275,103")
        // Kept as printed: one kind of separator, a decimal comma, a tie, groups not of three, no groups.
        #expect(Normalizer.number.normalize("27.125.467", asOf: asOf)?.value == "27.125.467")
        #expect(Normalizer.number.normalize("1.234,56", asOf: asOf)?.value == "1.234,56")
        #expect(Normalizer.number.normalize("1.234,567", asOf: asOf)?.value == "1.234,567")
        #expect(Normalizer.number.normalize("12.345,6789", asOf: asOf)?.value == "12.345,6789")
        #expect(Normalizer.number.normalize("80218536", asOf: asOf)?.value == "80218536")
    }
}
