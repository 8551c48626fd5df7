/// What a position of the zone may hold, which decides how OCR confusions there are repaired.
enum MRZCharacterClass: Sendable {
    /// Letters and `<` (codes, names): a digit there is a misread letter.
    case alpha
    /// Digits and `<` (dates, check digits): a letter there is a misread digit.
    case numeric
    /// Letters, digits and `<` (document number, optional data): only a check digit can tell.
    case alphanumeric
    /// `M`, `F`, `X` or `<`.
    case sex
}

/// One field's place in a format.
struct MRZFieldSpec: Sendable {
    let field: MRZField
    let span: MRZSpan
    let characterClass: MRZCharacterClass
}

/// One check digit: the data it covers and where it is printed.
struct MRZCheckSpec: Sendable {
    let name: MRZCheckName
    let data: [MRZSpan]
    let digit: MRZSpan
    /// Whether `<` may stand in the check position when all the data is `<` (TD3 personal number).
    let fillerAllowed: Bool
}

/// The ICAO 9303 layout of one format (Part 4 for TD3, Part 5 for TD1, Part 6 for TD2).
struct MRZLayout: Sendable {
    let format: MRZFormat
    let fields: [MRZFieldSpec]
    let checks: [MRZCheckSpec]
    /// The composite check, always last in `checks`.
    var composite: MRZCheckSpec { checks.last! }

    static func of(_ format: MRZFormat) -> MRZLayout {
        switch format {
        case .td1: return td1
        case .td2: return td2
        case .td3: return td3
        }
    }

    // Built once: the search looks the layout up for every zone it scores.
    private static let td2 = twoLine(.td2, optionalField: .optionalData)
    private static let td3 = twoLine(.td3, optionalField: .personalNumber)

    private static func s(_ line: Int, _ columns: Range<Int>) -> MRZSpan { MRZSpan(line: line, columns: columns) }
    private static func f(_ field: MRZField, _ line: Int, _ columns: Range<Int>, _ kind: MRZCharacterClass) -> MRZFieldSpec {
        MRZFieldSpec(field: field, span: s(line, columns), characterClass: kind)
    }

    private static let td1 = MRZLayout(format: .td1, fields: [
        f(.documentCode, 0, 0..<2, .alpha), f(.issuingState, 0, 2..<5, .alpha),
        f(.documentNumber, 0, 5..<14, .alphanumeric), f(.optionalData1, 0, 15..<30, .alphanumeric),
        f(.birthDate, 1, 0..<6, .numeric), f(.sex, 1, 7..<8, .sex), f(.expiryDate, 1, 8..<14, .numeric),
        f(.nationality, 1, 15..<18, .alpha), f(.optionalData2, 1, 18..<29, .alphanumeric),
        f(.names, 2, 0..<30, .alpha),
    ], checks: [
        MRZCheckSpec(name: .documentNumber, data: [s(0, 5..<14)], digit: s(0, 14..<15), fillerAllowed: false),
        MRZCheckSpec(name: .birthDate, data: [s(1, 0..<6)], digit: s(1, 6..<7), fillerAllowed: false),
        MRZCheckSpec(name: .expiryDate, data: [s(1, 8..<14)], digit: s(1, 14..<15), fillerAllowed: false),
        MRZCheckSpec(name: .composite, data: [s(0, 5..<30), s(1, 0..<7), s(1, 8..<15), s(1, 18..<29)],
                     digit: s(1, 29..<30), fillerAllowed: false),
    ])

    /// TD2 and TD3 share their shape; only the line length and the optional field differ.
    private static func twoLine(_ format: MRZFormat, optionalField: MRZField) -> MRZLayout {
        let length = format.lineLength
        var checks = [
            MRZCheckSpec(name: .documentNumber, data: [s(1, 0..<9)], digit: s(1, 9..<10), fillerAllowed: false),
            MRZCheckSpec(name: .birthDate, data: [s(1, 13..<19)], digit: s(1, 19..<20), fillerAllowed: false),
            MRZCheckSpec(name: .expiryDate, data: [s(1, 21..<27)], digit: s(1, 27..<28), fillerAllowed: false),
        ]
        let optionalEnd = format == .td3 ? length - 2 : length - 1
        if format == .td3 {
            checks.append(MRZCheckSpec(name: .personalNumber, data: [s(1, 28..<optionalEnd)],
                                       digit: s(1, optionalEnd..<optionalEnd + 1), fillerAllowed: true))
        }
        checks.append(MRZCheckSpec(name: .composite, data: [s(1, 0..<10), s(1, 13..<20), s(1, 21..<length - 1)],
                                   digit: s(1, length - 1..<length), fillerAllowed: false))
        return MRZLayout(format: format, fields: [
            f(.documentCode, 0, 0..<2, .alpha), f(.issuingState, 0, 2..<5, .alpha), f(.names, 0, 5..<length, .alpha),
            f(.documentNumber, 1, 0..<9, .alphanumeric), f(.nationality, 1, 10..<13, .alpha),
            f(.birthDate, 1, 13..<19, .numeric), f(.sex, 1, 20..<21, .sex), f(.expiryDate, 1, 21..<27, .numeric),
            f(optionalField, 1, 28..<optionalEnd, .alphanumeric),
        ], checks: checks)
    }

    /// The class of every position: field classes, and `numeric` for check-digit positions.
    func characterClasses() -> [[MRZCharacterClass]] {
        switch format {
        case .td1: return Self.td1Classes
        case .td2: return Self.td2Classes
        case .td3: return Self.td3Classes
        }
    }

    private static let td1Classes = of(.td1).computeCharacterClasses()
    private static let td2Classes = of(.td2).computeCharacterClasses()
    private static let td3Classes = of(.td3).computeCharacterClasses()

    private func computeCharacterClasses() -> [[MRZCharacterClass]] {
        var classes = Array(repeating: Array(repeating: MRZCharacterClass.alphanumeric, count: format.lineLength),
                            count: format.lineCount)
        for spec in fields {
            for column in spec.span.columns { classes[spec.span.line][column] = spec.characterClass }
        }
        for check in checks {
            classes[check.digit.line][check.digit.columns.lowerBound] = .numeric
        }
        return classes
    }
}
