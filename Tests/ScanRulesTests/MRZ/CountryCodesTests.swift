import Testing
@testable import ScanRules

@Suite struct CountryCodesTests {
    @Test func isoAndICAOCodes() {
        #expect(CountryCodes.iso3166.count == 249)
        #expect(CountryCodes.name(forCode: "COL") == "Colombia")
        #expect(CountryCodes.name(forCode: "PAN") == "Panama")
        #expect(CountryCodes.name(forCode: "per") == "Peru")
        #expect(CountryCodes.name(forCode: "VEN") == "Venezuela (Bolivarian Republic of)")
        #expect(CountryCodes.name(forCode: "D<<") == "Germany")
        #expect(CountryCodes.name(forCode: "DEU") == "Germany")
        #expect(CountryCodes.name(forCode: "XXA") == "Stateless person")
        #expect(CountryCodes.name(forCode: "ZZZ") == nil)
        #expect(CountryCodes.name(forCode: "") == nil)
    }

    @Test(arguments: ["D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XBA", "XIM", "XCC", "XCE", "XCO",
                      "XEC", "XPO", "XES", "XMP", "XOM", "XDC", "XXA", "XXB", "XXC", "XXX", "EUE", "RKS"])
    func icaoSpecialCodes(_ code: String) {
        #expect(CountryCodes.name(forCode: code) != nil)
        #expect(CountryCodes.iso3166[code] == nil, "\(code) is ICAO's own, not ISO 3166-1")
    }
}
