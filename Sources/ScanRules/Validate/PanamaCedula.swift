/// The format of a Panamanian cédula number (Tribunal Electoral): `PREFIX-TOMO-ASIENTO`, e.g. `8-123-456`.
///
/// The prefix is a province or comarca 1–13 (8 Panamá, 13 Panamá Oeste…), optionally followed by `AV`
/// (registered before the civil registry) or `PI` (indigenous registration), or one of `PE` (born abroad),
/// `E` (foreign resident), `N` (naturalised). The book (tomo) has 1–4 digits, the entry (asiento) 1–6.
/// There is no check digit. Grammar from documents.md §4.1 (after Johans1047/CedulaChecker).
enum PanamaCedula {
    static let provinces = [
        1: "Bocas del Toro", 2: "Coclé", 3: "Colón", 4: "Chiriquí", 5: "Darién", 6: "Herrera", 7: "Los Santos",
        8: "Panamá", 9: "Veraguas", 10: "Guna Yala", 11: "Emberá-Wounaan", 12: "Ngäbe-Buglé", 13: "Panamá Oeste",
    ]

    /// Validates `8-123-456`, `PE-12-345`, `E-8-123456`, `N-19-2001`, `8AV-12-345`, `2PI-1-23`. Hyphens may be
    /// written as spaces or surrounded by spaces.
    static func validate(_ value: String) -> CheckResult {
        let parts = value.uppercased()
            .split(whereSeparator: { $0 == "-" || $0 == "–" || $0.isWhitespace })
            .map(String.init)
        guard parts.count == 3 else {
            return .invalid("a Panamanian cédula has three parts PREFIX-BOOK-ENTRY, e.g. 8-123-456")
        }
        let (prefix, book, entry) = (parts[0], parts[1], parts[2])
        if let reason = prefixProblem(prefix) { return .invalid(reason) }
        guard (1...4).contains(book.count), CheckInput.digits(book) != nil else {
            return .invalid("the book (tomo) '\(book)' must be 1 to 4 digits")
        }
        guard (1...6).contains(entry.count), CheckInput.digits(entry) != nil else {
            return .invalid("the entry (asiento) '\(entry)' must be 1 to 6 digits")
        }
        return CheckResult(valid: true, normalized: "\(prefix)-\(book)-\(entry)")
    }

    /// Why the prefix is not one Panama issues, or `nil` when it is.
    static func prefixProblem(_ prefix: String) -> String? {
        if ["PE", "E", "N"].contains(prefix) { return nil }
        var number = prefix
        if prefix.hasSuffix("AV") || prefix.hasSuffix("PI") { number = String(prefix.dropLast(2)) }
        guard let province = Int(number), CheckInput.digits(number) != nil, number.first != "0" else {
            return "the prefix '\(prefix)' is not a province number 1-13 (optionally with AV or PI) nor PE, E or N"
        }
        guard provinces[province] != nil else {
            return "the province \(province) does not exist (1-13)"
        }
        return nil
    }
}
