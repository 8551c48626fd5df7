/// Spanish and English month names and abbreviations as printed on documents.
enum MonthNames {
    private static let names: [String: Int] = {
        let table: [(Int, [String])] = [
            (1, ["ENE", "JAN", "ENERO", "JANUARY"]), (2, ["FEB", "FEBRERO", "FEBRUARY"]),
            (3, ["MAR", "MARZO", "MARCH"]), (4, ["ABR", "APR", "ABRIL", "APRIL"]),
            (5, ["MAY", "MAYO"]), (6, ["JUN", "JUNIO", "JUNE"]), (7, ["JUL", "JULIO", "JULY"]),
            (8, ["AGO", "AUG", "AGOSTO", "AUGUST"]),
            (9, ["SEP", "SEPT", "SET", "SEPTIEMBRE", "SETIEMBRE", "SEPTEMBER"]),
            (10, ["OCT", "OCTUBRE", "OCTOBER"]), (11, ["NOV", "NOVIEMBRE", "NOVEMBER"]),
            (12, ["DIC", "DEC", "DICIEMBRE", "DECEMBER"]),
        ]
        var names: [String: Int] = [:]
        for (month, spellings) in table { for spelling in spellings { names[spelling] = month } }
        return names
    }()

    /// The month number of a printed name, reading OCR's digit-for-letter slips (`0CT`) as letters;
    /// the number of repaired characters comes with it.
    static func month(_ printed: String) -> (month: Int, repairs: Int)? {
        let upper = String(printed.uppercased().unicodeScalars.map { Character(TextFolding.baseLetter($0)) })
            .filter { $0 != "." }
        if let month = names[upper] { return (month, 0) }
        let repaired = ConfusionRepair.letters(upper)
        return names[repaired.text].map { ($0, repaired.repairs) }
    }
}
