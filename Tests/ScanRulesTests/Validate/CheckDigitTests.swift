import Testing
@testable import ScanRules

/// Published vectors (documents.md §1, §3.2, §6.1, §8.1) for every check-digit algorithm.
@Suite struct CheckDigitTests {
    @Test(arguments: ["L898902C36", "7408122", "1204159", "ZE184226B<<<<<1", "D231458907", "A2222222<0",
                      "ID98754015", "BAA0005895", "70275722<2", "8906120", "2107165", "<<<<<<<<<<<<<<<"])
    func icaoValid(_ value: String) {
        #expect(CheckDigitKind.mrzCheck.validate(value).valid, "\(value)")
    }

    @Test func icaoInvalid() {
        let result = CheckDigitKind.mrzCheck.validate("L898902C35")
        #expect(!result.valid)
        #expect(result.expected == "6")
        #expect(result.reason == "check digit is 5, L898902C3 calls for 6")
        #expect(CheckDigitKind.mrzCheck.validate("000000012" + "3").expected == "5")   // the fabricated Colombian sample
        #expect(!CheckDigitKind.mrzCheck.validate("L8989-02C36").valid)
        #expect(!CheckDigitKind.mrzCheck.validate("L898902C3X").valid)
        #expect(ICAOCheckDigit.compute("L898902C3") == 6)
    }

    @Test(arguments: ["213.123.432-1", "800.003.122-6", "830.042.619-1", "15.252.525-0", "79626331-8",
                      "6.386.949-2", "1118534248-0", "900227140-3", "830.036-334-1"])
    func nitValid(_ value: String) {
        let result = CheckDigitKind.nit.validate(value)
        #expect(result.valid, "\(value): \(result.reason ?? "")")
        #expect(result.expected == String(value.last!))
    }

    @Test(arguments: [("2131234350", "1"), ("2131234325", "1"), ("900227140-4", "3"), ("800.003.122-7", "6")])
    func nitInvalid(_ value: String, _ expected: String) {
        let result = CheckDigitKind.nit.validate(value)
        #expect(!result.valid)
        #expect(result.expected == expected)
        #expect(result.reason != nil)
    }

    @Test func nitShape() {
        #expect(ColombianNIT.checkDigit([8, 0, 0, 0, 0, 3, 1, 2, 2]) == 6)
        #expect(CheckDigitKind.nit.validate("800.003.122-6").normalized == "800003122-6")
        #expect(!CheckDigitKind.nit.validate("1234567").valid)
        #expect(!CheckDigitKind.nit.validate("80000312A-6").valid)
    }

    @Test(arguments: ["V-11470283-4", "J-00004793-6", "J-29372153-9", "G-20000085-6", "E810812535", "P-00033812-0",
                      "V-03707781-6", "V045512858", "v 11470283 4"])
    func rifValid(_ value: String) {
        let result = CheckDigitKind.rif.validate(value)
        #expect(result.valid, "\(value): \(result.reason ?? "")")
    }

    @Test(arguments: [("V-11470283-3", "4"), ("E820238690", "1"), ("P-00033812-1", "0")])
    func rifInvalid(_ value: String, _ expected: String) {
        let result = CheckDigitKind.rif.validate(value)
        #expect(!result.valid)
        #expect(result.expected == expected)
    }

    @Test func rifShape() {
        #expect(CheckDigitKind.rif.validate("V114702834").normalized == "V-11470283-4")
        #expect(CheckDigitKind.rif.validate("C-11470283-4").reason == "a RIF starts with V, E, J, P or G")
        #expect(!CheckDigitKind.rif.validate("V-1147028-4").valid)
    }

    @Test(arguments: ["10117410-2", "10812543-3", "10812543-H", "10586119B", "25543680E", "05209244-8", "46788632-6",
                      "70035765-7", "70275722-9", "70275722-C"])
    func dniValid(_ value: String) {
        let result = CheckDigitKind.dniPE.validate(value)
        #expect(result.valid, "\(value): \(result.reason ?? "")")
    }

    @Test func dniInvalidAndBare() {
        let wrong = CheckDigitKind.dniPE.validate("10117410-3")
        #expect(!wrong.valid)
        #expect(wrong.expected == "2")
        #expect(wrong.reason == "check character is 3, 10117410 calls for 2 or G")
        let bare = CheckDigitKind.dniPE.validate("70275722")
        #expect(bare.valid && bare.expected == "9")
        #expect(!CheckDigitKind.dniPE.validate("7027572").valid)
        #expect(!CheckDigitKind.dniPE.validate("70275722-99").valid)
    }

    @Test(arguments: ["8-123-456", "1-1-1", "13-1234-123456", "PE-12-345", "E-8-123456", "N-19-2001", "8AV-12-345",
                      "2PI-1-23", "8 - 123 - 456", "pe-1-1"])
    func panamaValid(_ value: String) {
        let result = CheckDigitKind.cedulaPA.validate(value)
        #expect(result.valid, "\(value): \(result.reason ?? "")")
        #expect(result.expected == nil)
    }

    @Test(arguments: [("14-123-456", "the province 14 does not exist (1-13)"), ("0-1-1", nil), ("X-1-1", nil),
                      ("8-12345-1", "the book (tomo) '12345' must be 1 to 4 digits"), ("8-1-1234567", nil), ("8-123", nil),
                      ("AV-1-1", nil), ("PEAV-1-1", nil)])
    func panamaInvalid(_ value: String, _ reason: String?) {
        let result = CheckDigitKind.cedulaPA.validate(value)
        #expect(!result.valid, "\(value)")
        if let reason { #expect(result.reason == reason) }
    }

    @Test(arguments: ["80.218.536", "1.036.402.054", "1.001.287.937", "40384693", "0040384693", "79626331", "123456"])
    func colombianCedulaValid(_ value: String) {
        let result = CheckDigitKind.cedulaCO.validate(value)
        #expect(result.valid, "\(value): \(result.reason ?? "")")
    }

    @Test(arguments: ["12345", "12345678901", "2.036.402.054", "080.218.536", "80.218.53A", ""])
    func colombianCedulaInvalid(_ value: String) {
        #expect(!CheckDigitKind.cedulaCO.validate(value).valid, "\(value)")
    }

    @Test func kindsByName() {
        #expect(CheckDigitKind.allCases.map(\.rawValue) == ["mrz-check", "nit", "rif", "dni-pe", "cedula-pa", "cedula-co"])
        #expect(CheckDigitKind(rawValue: "dni-pe") == .dniPE)
    }
}
