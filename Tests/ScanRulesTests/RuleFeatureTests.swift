import Foundation
import Testing
@testable import ScanRules

/// Rule-file features beyond the basics: places, multi-line values, value maps, picks, normalisers.
@Suite struct RuleFeatureTests {
    static let asOf = CalendarDate(year: 2025, month: 10, day: 23)

    /// A page of words laid out on rows: each row is (top, [(left, text)]), words 20 px high.
    func page(_ rows: [(Double, [(Double, String)])]) -> OCRDocument {
        var text = "", words: [OCRWord] = []
        for (line, (top, row)) in rows.enumerated() {
            if !text.isEmpty { text += "\n" }
            for (index, (left, word)) in row.enumerated() {
                if index > 0 { text += " " }
                let start = text.unicodeScalars.count
                text += word
                words.append(OCRWord(text: word, start: start, end: start + word.unicodeScalars.count,
                                     box: BoundingBox(left: left, top: top, right: left + Double(word.count) * 12, bottom: top + 20),
                                     confidence: 1, line: line, page: 0))
            }
        }
        return OCRDocument(text: text, pages: [OCRPage(width: 1000, height: 1000, words: words)])
    }

    func extract(_ document: OCRDocument, _ fields: String) throws -> Extraction {
        let rule = try RuleSet.compile("code: T\ncategory: ID\nfields:\n" + fields, file: "T.yaml")
        return try RuleEngine(rules: RuleSet(rules: [rule])).extract(document, type: "T", asOf: Self.asOf)
    }

    @Test func valuesLeftOfALabelAndOnRotatedRows() throws {
        // The surname sits left of "DNI"; the row climbs 3 px per word, as on a slightly rotated scan.
        let document = page([(100, [(10, "MUÑOZ"), (90, "DNI"), (140, "41008703")])])
        let words = document.words.enumerated().map { index, word -> OCRWord in
            var word = word
            word.box.top -= Double(index * 3)
            word.box.bottom -= Double(index * 3)
            return word
        }
        let tilted = OCRDocument(text: document.text, pages: [OCRPage(width: 1000, height: 1000, words: words)])
        let extraction = try extract(tilted, """
          lastName: {anchor: {labels: [DNI], where: [left]}, pattern: '(?<value>\\p{Lu}+)'}
          number: {anchor: {labels: [DNI], where: [right]}, pattern: '(?<value>\\d{8})'}
        """)
        #expect(extraction.field("lastName")?.value == "MUÑOZ")
        #expect(extraction.field("number")?.value == "41008703")
    }

    @Test func aTiltedRowKeepsTheWordsBetweenItsStartAndATallWordFurtherOn() throws {
        // The row below the label sinks 4 px per word; its last two words are set in a taller font whose
        // boxes reach back up to the first word's level, while the words between have drifted off it.
        var document = page([
            (100, [(10, "DOMICILIO")]),
            (130, [(10, "AV."), (60, "5"), (90, "DE"), (130, "JULIO"), (200, "PISO"), (260, "5"), (290, "URB."),
                   (350, "CAMPO"), (430, "ALEGRE")]),
        ])
        var words = document.words
        for index in 1..<words.count {
            words[index].box.top += Double((index - 1) * 4)
            words[index].box.bottom += Double((index - 1) * 4)
        }
        for index in words.count - 2..<words.count {
            words[index].box.top = 132
            words[index].box.bottom = 172
        }
        document = OCRDocument(text: document.text, pages: [OCRPage(width: 1000, height: 1000, words: words)])
        let extraction = try extract(document, """
          address: {anchor: {labels: [DOMICILIO], where: [below]}, pattern: '(?<value>.+)'}
        """)
        #expect(extraction.field("address")?.value == "AV. 5 DE JULIO PISO 5 URB. CAMPO ALEGRE")
    }

    @Test func aValueSpansSeveralRowsButStopsAtAGapOrALabel() throws {
        let document = page([
            (100, [(10, "DIRECCIÓN")]),
            (125, [(10, "CALLE"), (80, "50")]),
            (150, [(10, "SAN"), (60, "FRANCISCO")]),
            (175, [(10, "PANAMÁ")]),
            (260, [(10, "TELÉFONO"), (130, "555")]),
        ])
        let extraction = try extract(document, """
          address: {anchor: {labels: [DIRECCION], where: [below], lines: 5, separator: ', '}, pattern: '(?<value>.+)'}
        """)
        let address = try #require(extraction.field("address"))
        #expect(address.value == "CALLE 50, SAN FRANCISCO, PANAMÁ")
        #expect(address.location?.segments.count == 3)
    }

    @Test func anOversizedWordBoxDoesNotEndAMultiRowValue() throws {
        // OCR gave `LOS` a box three rows tall (a stroke taken in): the rows under it are still text
        // of the ordinary height, not specks, and continue the address.
        // Text 10 px high on rows 22 px apart.
        var document = page([
            (100, [(10, "DIRECCIÓN")]),
            (130, [(10, "RESIDENCIAL"), (150, "LOS"), (200, "PINOS")]),
            (152, [(10, "CORREGIMIENTO"), (180, "DE"), (210, "ANCON")]),
            (174, [(10, "PANAMÁ")]),
        ])
        var words = document.words
        for index in words.indices { words[index].box.bottom = words[index].box.top + 10 }
        let los = try #require(words.firstIndex { $0.text == "LOS" })
        words[los].box.top = 122
        words[los].box.bottom = 151
        document = OCRDocument(text: document.text, pages: [OCRPage(width: 1000, height: 1000, words: words)])
        let extraction = try extract(document, """
          address: {anchor: {labels: [DIRECCION], where: [below], lines: 3, separator: ', '}, pattern: '(?<value>.+)'}
        """)
        #expect(extraction.field("address")?.value == "RESIDENCIAL LOS PINOS, CORREGIMIENTO DE ANCON, PANAMÁ")
    }

    @Test func aValueFoundUnderHalfALabelContinuesFromItsOwnLeftEdge() throws {
        // Only the English half of `Autoridad / Authority` is legible; the value starts left of it and
        // its second row's first word (`DE`) lies left of the label too.
        let document = page([
            (100, [(10, "Autondad/"), (130, "Authority")]),
            (125, [(10, "AUTORIDAD"), (130, "DE"), (170, "PASAPORTES")]),
            (150, [(10, "DE"), (45, "PANAMA")]),
        ])
        let extraction = try extract(document, """
          authority: {anchor: {labels: [AUTHORITY], where: [below], lines: 2}, pattern: '(?<value>.+)'}
        """)
        #expect(extraction.field("authority")?.value == "AUTORIDAD DE PASAPORTES DE PANAMA")
    }

    @Test func rowsLimitsTheSearchToTheNearestRows() throws {
        // Glare garbled the surnames (`La`) and hid the NOMBRES label: the next row is the given names.
        let document = page([(100, [(10, "APELLIDOS")]), (125, [(10, "La")]), (150, [(10, "MIGUEL"), (100, "FRANCISCO")])])
        let field = "  lastName: {anchor: {labels: [APELLIDOS], where: [below]ROWS}, pattern: '(?<value>\\p{Lu}{2,}(?: \\p{Lu}{2,})*)'}"
        #expect(try extract(document, field.replacingOccurrences(of: "ROWS", with: "")).field("lastName")?.value == "MIGUEL FRANCISCO")
        #expect(try extract(document, field.replacingOccurrences(of: "ROWS", with: ", rows: 1")).field("lastName") == nil)
        #expect(try extract(document, field.replacingOccurrences(of: "ROWS", with: ", rows: 2")).field("lastName")?.value == "MIGUEL FRANCISCO")
        #expect(throws: RuleFileError.self) { try extract(document, field.replacingOccurrences(of: "ROWS", with: ", rows: 0")) }
    }

    @Test func aJoinLeavesOutAPartOnlyWhenItsSlotIsSeenBlank() throws {
        let fields = """
          first: {anchor: {labels: [PRIMER APELLIDO], where: [below]}, pattern: '(?<value>\\p{Lu}{2,})'}
          second: {anchor: {labels: [SEGUNDO APELLIDO], where: [below], maxDistance: 1.5}, pattern: '(?<value>\\p{Lu}{3,})'}
          given: {anchor: {labels: [PRE NOMBRES], where: [below]}, pattern: '(?<value>\\p{Lu}{2,})'}
          lastName: {derive: join, from: [first, second], optionalWhenBlank: [second]}
        """
        func card(_ slot: [(Double, String)], nextLabel: Bool = true) -> OCRDocument {
            var rows: [(Double, [(Double, String)])] = [(100, [(10, "Primer"), (90, "Apellido")]), (125, [(10, "QUISPE")]),
                                                        (150, [(10, "Segundo"), (100, "Apellido")])]
            if !slot.isEmpty { rows.append((175, slot)) }
            if nextLabel { rows += [(205, [(10, "Pre"), (50, "Nombres")]), (230, [(10, "ROSA")])] }
            return page(rows)
        }
        // The next label right under `Segundo Apellido`: the card prints no second surname.
        let blank = try extract(card([]), fields)
        #expect(blank.field("lastName")?.value == "QUISPE")
        #expect(try #require(blank.field("lastName")).confidence < blank.field("first")!.confidence)
        // Junk in the slot may be the second surname garbled; nothing below the label at all may be a
        // row OCR lost: neither leaves it out. A stray mark beside the slot does not count.
        #expect(try extract(card([(10, "AS")]), fields).field("lastName") == nil)
        #expect(try extract(card([], nextLabel: false), fields).field("lastName") == nil)
        #expect(try extract(card([(400, "a")]), fields).field("lastName")?.value == "QUISPE")
        // Without `optionalWhenBlank` the part stays required.
        let strict = fields.replacingOccurrences(of: ", optionalWhenBlank: [second]", with: "")
        #expect(try extract(card([]), strict).field("lastName") == nil)
    }

    @Test func mapsPicksAndOptionalJoinParts() throws {
        let document = page([
            (100, [(10, "NACIONALIDAD"), (200, "PANAMEÑA")]),
            (130, [(10, "G.S."), (80, "0+")]),
            (160, [(10, "B1"), (60, "15/03/2034"), (200, "A2"), (250, "15/03/2030")]),
            (190, [(10, "APELLIDO"), (130, "PEREZ")]),
        ])
        let extraction = try extract(document, """
          nationality: {anchor: {labels: [NACIONALIDAD]}, pattern: '(?<value>\\p{L}+)', normalize: name, map: {PANAMEÑA: Panama, PANAMEÑO: Panama}}
          bloodType: {anchor: {labels: [G.S.]}, pattern: '(?<value>[ABO0]+[+-])', map: {'0+': O+}}
          categories: {pattern: '(?<value>[ABC][1-3] \\d\\d/\\d\\d/\\d{4})', pick: all}
          expireDate: {pattern: '[ABC][1-3] (?<value>\\S+)', normalize: {date: [dd/MM/yyyy]}, pick: latest}
          firstSurname: {anchor: {labels: [APELLIDO]}, pattern: '(?<value>\\p{Lu}+)'}
          secondSurname: {pattern: 'SEGUNDO (?<value>\\p{Lu}+)'}
          lastName: {derive: join, from: [firstSurname, secondSurname], optional: [secondSurname]}
          code: {pattern: '(?<value>PAN)A'}
          country: {derive: country, from: code}
        """)
        #expect(extraction.field("nationality")?.value == "Panama")
        #expect(extraction.field("bloodType")?.value == "O+")
        #expect(extraction.field("categories")?.value == "B1 15/03/2034, A2 15/03/2030")
        #expect(extraction.field("expireDate")?.value == "15/03/2034")
        #expect(extraction.field("lastName")?.value == "PEREZ")
        #expect(extraction.country == "Panama")
    }

    @Test func identifierAmountDateRangeAndBilingualMonths() throws {
        let asOf = Self.asOf
        #expect(Normalizer.identifier(letters: nil).normalize("J-3012345O-7", asOf: asOf)?.value == "J301234507")
        #expect(Normalizer.identifier(letters: nil).normalize("v 19157339 7", asOf: asOf)?.value == "V191573397")
        #expect(Normalizer.identifier(letters: 1).normalize("VO80110428", asOf: asOf)?.value == "V080110428")
        #expect(Normalizer.amount.normalize("B/. 1,617.90", asOf: asOf)?.value == "1617.90")
        #expect(Normalizer.amount.normalize("$45,67", asOf: asOf)?.value == "45.67")
        #expect(Normalizer.amount.normalize("1.250", asOf: asOf)?.value == "1250.00")
        let formats = try ["dd/MM/yyyy", "dd-MMM-yyyy"].map(DateFormat.init)
        let range = Normalizer.dateRange(formats, twoDigitYears: .past)
        #expect(range.normalize("Del 01/08/2025 al 31/08/2025", asOf: asOf)?.value == "01/08/2025 - 31/08/2025")
        #expect(range.normalize("01-SEP-2025 - 30-SEP-2025", asOf: asOf)?.value == "01/09/2025 - 30/09/2025")
        let bilingual = Normalizer.date([try DateFormat("dd MMM/MMM yyyy")], twoDigitYears: .past)
        #expect(bilingual.normalize("12 MAR/MAR 1985", asOf: asOf)?.value == "12/03/1985")
        #expect(bilingual.normalize("03 AGO/AUG 1990", asOf: asOf)?.value == "03/08/1990")
        // OCR often reads the slash between the two names as a letter.
        #expect(bilingual.normalize("19 MARIMAR 2025", asOf: asOf)?.value == "19/03/2025")
        #expect(bilingual.normalize("24 AGOJAUG 2021", asOf: asOf)?.value == "24/08/2021")
        // Between numbers a letter for the slash is read only where the length fixes the slashes' places
        // (full-width numbers and a four-digit year: NormalizeTests); a two-digit year leaves it ambiguous.
        #expect(Normalizer.date([try DateFormat("dd/MM/yy")], twoDigitYears: .past).normalize("15I02I86", asOf: asOf) == nil)
    }

    @Test func validatePatternsMustSpanTheWholeValue() throws {
        // An alternation whose first branch matches only a prefix still accepts the whole value.
        let extraction = try extract(page([(100, [(10, "TYPE"), (80, "Persona"), (180, "jurídica")])]), """
          type: {anchor: {labels: [TYPE]}, pattern: '(?<value>.+)', validate: {pattern: 'Persona|Persona jurídica'}}
          short: {anchor: {labels: [TYPE]}, pattern: '(?<value>.+)', validate: {pattern: 'Persona'}}
        """)
        #expect(extraction.field("type")?.value == "Persona jurídica")
        #expect(extraction.field("short") == nil)
    }

    @Test func repairsApplyOnlyToValuesFailingTheirShapeAndInOrder() throws {
        let document = page([(100, [(10, "A")]), (130, [(10, "AV"), (50, "42.35"), (120, "65")]),
                             (200, [(10, "B")]), (230, [(10, "AV27"), (70, "7731")]),
                             (300, [(10, "C")]), (330, [(10, "KM"), (50, "1.5")])])
        let repairs = #"repair: [{find: '(?<=\d)\.(?=\d)', replace: ' '}, {find: '^([A-Z]{2})(?=\d)', replace: '$1 '}, {find: '^(?<type>[A-Z]{2} \d+) (\d{2})(\d{2})$', replace: '${type} $2 $3'}]"#
        let shape = #"validate: {pattern: '[A-Z]{2}(?: \d{1,3}){3}|KM \d\.\d'}"#
        let extraction = try extract(document, ["A", "B", "C"].map { label in
            "  \(label.lowercased()): {anchor: {labels: [\(label)], where: [below]}, pattern: '(?<value>.+)', \(shape), \(repairs)}\n"
        }.joined())
        // One slip undone: 85% of the confidence kept.
        #expect(extraction.field("a")?.value == "AV 42 35 65")
        #expect(abs((extraction.field("a")?.confidence ?? 0) - 0.85) < 0.001)
        // Two slips, undone one after the other.
        #expect(extraction.field("b")?.value == "AV 27 77 31")
        // A value that passes as read is left alone, though a repair would match it.
        #expect(extraction.field("c")?.value == "KM 1.5")
        #expect(extraction.field("c")?.confidence == 1)
    }

    @Test func aRepairThatDoesNotMakeTheValuePassLeavesNoValue() throws {
        let extraction = try extract(page([(100, [(10, "A")]), (130, [(10, "X-1")])]), """
          a: {anchor: {labels: [A], where: [below]}, pattern: '(?<value>.+)', validate: {pattern: '\\d+'}, repair: [{find: '-', replace: ''}]}
        """)
        #expect(extraction.field("a") == nil)
    }

    @Test func aCheckDigitChoosesAmongSeveralReplacementsAndAmbiguityGivesNone() throws {
        // The letter of `J384063135` read as `3`: of V, E, J, P and G only J gives the check digit 5.
        let rif = #"validate: {pattern: '[VEJPG]\d{9}', checkDigit: rif}, repair: [{find: '^\d(?=\d{9}$)', replace: [V, E, J, P, G]}]"#
        let extraction = try extract(page([(100, [(10, "RIF"), (80, "3384063135")]), (200, [(10, "OTRO"), (80, "3384063136")])]), """
          a: {anchor: {labels: [RIF]}, pattern: '(?<value>\\d{10})', \(rif)}
          b: {anchor: {labels: [OTRO]}, pattern: '(?<value>\\d{10})', \(rif)}
        """)
        #expect(extraction.field("a")?.value == "J384063135")
        #expect(extraction.field("a")?.validation?.status == .valid)
        // No letter gives `38406313` the check digit 6.
        #expect(extraction.field("b") == nil)
        // Two readings that both pass are a blind guess: no value.
        let ambiguous = try extract(page([(100, [(10, "A"), (80, "X1")])]), """
          a: {anchor: {labels: [A]}, pattern: '(?<value>\\S+)', validate: {pattern: '[AB]1'}, repair: [{find: 'X', replace: [A, B]}]}
        """)
        #expect(ambiguous.field("a") == nil)
    }
}
