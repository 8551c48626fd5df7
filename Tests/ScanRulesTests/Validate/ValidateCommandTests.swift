import Testing

/// `scanrules validate` as a user runs it: JSON verdict and exit status 0 / 1 / 2.
@Suite struct ValidateCommandTests {
    let cli = CommandLineTests()

    @Test func aValidNumberExitsZero() throws {
        let result = try cli.run(["validate", "nit", "800.003.122-6"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try TestSupport.json(result.stdout) as? [String: Any])
        #expect(object["valid"] as? Bool == true)
        #expect(object["expected"] as? String == "6")
    }

    @Test func anInvalidNumberExitsOneWithTheExpectedDigitAndReason() throws {
        let result = try cli.run(["validate", "rif", "V-11470283-3"])
        #expect(result.status == 1)
        let object = try #require(try TestSupport.json(result.stdout) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        #expect(object["expected"] as? String == "4")
        #expect((object["reason"] as? String)?.contains("calls for 4") == true)
    }

    @Test func everyKindIsReachable() throws {
        for (kind, value) in [("mrz-check", "L898902C36"), ("dni-pe", "70275722-9"), ("cedula-pa", "8-123-456"), ("cedula-co", "80.218.536")] {
            #expect(try cli.run(["validate", kind, value]).status == 0, "\(kind) \(value)")
        }
    }

    @Test func anUnknownKindIsAUsageErrorListingTheKinds() throws {
        let result = try cli.run(["validate", "iban", "DE89370400440532013000"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("mrz-check, nit, rif, dni-pe, cedula-pa, cedula-co"))
        #expect(result.stdout.isEmpty)
        #expect(try cli.run(["validate", "nit"]).status == 2)
        #expect(try cli.run(["validate", "nit", "800.003.122-6", "extra"]).status == 2)
    }

    @Test func helpTeachesWithExamples() throws {
        let result = try cli.run(["validate", "--help"])
        #expect(result.status == 0)
        for needle in ["Examples:", "scanrules validate nit 800.003.122-6", "cedula-pa", "Exit status"] {
            #expect(result.stdout.contains(needle), "help lacks \(needle)")
        }
    }
}
