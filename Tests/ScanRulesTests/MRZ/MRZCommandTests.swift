import Testing

/// `scanrules mrz` as a user runs it.
@Suite struct MRZCommandTests {
    let cli = CommandLineTests()

    @Test func printsFieldsAndVerdicts() throws {
        let file = try TestSupport.temporaryFile(
            "PASAPORTE\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO74O8122F1204159ZE184226B<<<<<10\n", name: "passport.txt")
        let result = try cli.run(["mrz", "--as-of", "2025-10-23", file])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try TestSupport.json(result.stdout) as? [String: Any])
        #expect(object["format"] as? String == "TD3")
        #expect(object["valid"] as? Bool == true)
        #expect(object["birthDate"] as? String == "1974-08-12")
        let fields = try #require(object["fields"] as? [String: Any])
        #expect(fields["documentNumber"] as? String == "L898902C3")
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["status"] as? String } == ["verified", "repaired", "verified", "verified", "repaired"], "the composite covers the birth date")
        let repairs = try #require(checks[1]["repairs"] as? [[String: Any]])
        #expect(repairs.first?["from"] as? String == "O" && repairs.first?["to"] as? String == "0")
    }

    @Test func noZoneIsAnErrorWithAClearMessage() throws {
        let file = try TestSupport.temporaryFile("REPUBLICA DE COLOMBIA\nCEDULA DE CIUDADANIA\n", name: "front.txt")
        let result = try cli.run(["mrz", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no machine-readable zone found"))
        #expect(result.stdout.isEmpty)
        #expect(try cli.run(["mrz", "nope.txt"]).stderr.contains("nope.txt: no such file"))
    }

    @Test func helpTeachesWithExamples() throws {
        let result = try cli.run(["mrz", "--help"])
        #expect(result.status == 0)
        for needle in ["Examples:", "scanrules mrz passport.txt", "--as-of", "TD1"] {
            #expect(result.stdout.contains(needle), "help lacks \(needle)")
        }
    }
}
