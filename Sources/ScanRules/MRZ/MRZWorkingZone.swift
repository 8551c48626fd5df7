/// A zone being repaired: its characters, where they came from, and every change made so far.
///
/// The characters are kept as their ASCII codes, line by line: the search builds, prepares and repairs a
/// zone for every line and fitting it weighs, and arrays of `Character` made each of those cost several
/// times the work itself. The rare character a code does not tell is kept aside (``subscript(line:column:)``).
struct MRZWorkingZone: Sendable {
    /// The ASCII code of every character (`0xFF` for a character that is not a single ASCII one): the repair
    /// search checks codes rather than `Character` values.
    private(set) var codes: [[UInt8]]
    /// The characters whose code does not tell them (``needsCharacter(_:)``), by `MRZCheckSum.key`; nearly
    /// always empty.
    private var others: [Int: Character] = [:]
    /// Where each character came from, for a zone built from cells; empty for a zone of bare characters
    /// (scoring never reads it, and the search builds many such zones).
    let offsets: [[Int?]]
    private(set) var repairs: [MRZRepair] = []

    /// A zone from fitted cells; look-alikes already mapped are recorded as normalisations.
    init(cells: [[MRZCell]]) {
        codes = cells.map { $0.map(\.code) }
        offsets = cells.map { $0.map(\.offset) }
        for (line, row) in cells.enumerated() {
            for (column, cell) in row.enumerated() {
                if Self.needsCharacter(cell.code) { others[MRZCheckSum.key(line, column)] = cell.character }
                if cell.isNormalised, let source = cell.source {
                    repairs.append(MRZRepair(line: line, column: column, from: String(source), to: Self.string(cell.character),
                                             basis: .normalization))
                }
            }
        }
    }

    /// A zone of bare characters: no source offsets, no normalisation. `codes` are the characters' `code`s,
    /// which the caller already holds (working them out again costs more than the repair of most zones).
    init(lines: [[Character]], codes: [[UInt8]]) {
        self.codes = codes
        offsets = []
        for (line, row) in codes.enumerated() {
            for (column, code) in row.enumerated() where Self.needsCharacter(code) {
                others[MRZCheckSum.key(line, column)] = lines[line][column]
            }
        }
    }

    /// A zone of bare plain ASCII characters (every code below 128 and not 10), given as their codes.
    init(asciiCodes codes: [[UInt8]]) {
        assert(!codes.joined().contains(where: Self.needsCharacter), "plain ASCII codes")
        self.codes = codes
        offsets = []
    }

    /// One plain ASCII line of a zone with the repairs made on it, to build other zones from (``MRZRepairMemo``).
    struct Line {
        let codes: [UInt8]
        let repairs: [MRZRepair]

        static let empty = Line(codes: [], repairs: [])

        private init(codes: [UInt8], repairs: [MRZRepair]) {
            self.codes = codes
            self.repairs = repairs
        }

        init(_ zone: MRZWorkingZone, line: Int) {
            codes = zone.codes[line]
            assert(!codes.contains(where: MRZWorkingZone.needsCharacter), "plain ASCII line")
            repairs = zone.repairs.filter { $0.line == line }
        }
    }

    /// A zone of bare lines with their repairs (no source offsets).
    init(prepared: [Line]) {
        codes = prepared.map(\.codes)
        offsets = []
        repairs = prepared.flatMap(\.repairs)
    }

    subscript(line: Int, column: Int) -> Character {
        let code = codes[line][column]
        return Self.needsCharacter(code) ? others[MRZCheckSum.key(line, column)]! : MRZTextLine.asciiCharacters[Int(code)]
    }

    /// The ASCII code of `character`, or `0xFF` when it has none.
    static func code(_ character: Character) -> UInt8 { character.asciiValue ?? 0xFF }

    /// Whether a code does not tell its character: `0xFF`, and 10, which `\r\n` shares with `\n`.
    static func needsCharacter(_ code: UInt8) -> Bool { code >= 128 || code == 10 }

    /// Changes one character without recording it (trial readings).
    mutating func put(line: Int, column: Int, to character: Character) {
        let code = Self.code(character)
        codes[line][column] = code
        if Self.needsCharacter(code) {
            others[MRZCheckSum.key(line, column)] = character
        } else if !others.isEmpty {
            others[MRZCheckSum.key(line, column)] = nil
        }
    }

    /// The characters under some spans, in order.
    func characters(_ spans: [MRZSpan]) -> [Character] {
        spans.flatMap { span in span.columns.map { self[span.line, $0] } }
    }

    /// `String(characters(spans))`, decoded from the codes when they are all ASCII: building a string
    /// from `Character`s cost several thousand instructions a field.
    func text(_ spans: [MRZSpan]) -> String {
        guard spans.allSatisfy({ span in codes[span.line][span.columns].allSatisfy { $0 < 128 } }) else {
            return String(characters(spans))
        }
        return String(decoding: spans.flatMap { codes[$0.line][$0.columns] }, as: UTF8.self)
    }

    /// Changes one character and records why. A later change of the same position replaces the earlier
    /// record, keeping the original `from`.
    mutating func set(line: Int, column: Int, to character: Character, basis: MRZRepair.Basis) {
        let from = self[line, column]
        guard from != character else { return }
        put(line: line, column: column, to: character)
        record(line: line, column: column, from: Self.string(from), to: Self.string(character), basis: basis)
    }

    /// ``set(line:column:to:basis:)`` to a plain ASCII character given by its code (not 10), without
    /// `Character` work when the position holds one too: preparing a line changes every misread character.
    mutating func set(line: Int, column: Int, toCode code: UInt8, basis: MRZRepair.Basis) {
        let fromCode = codes[line][column]
        // A character outside ASCII may equal an ASCII one (the Kelvin sign and K): compared as characters.
        guard !Self.needsCharacter(fromCode) else {
            set(line: line, column: column, to: MRZTextLine.asciiCharacters[Int(code)], basis: basis)
            return
        }
        guard fromCode != code else { return }
        codes[line][column] = code
        record(line: line, column: column, from: Self.asciiStrings[Int(fromCode)], to: Self.asciiStrings[Int(code)], basis: basis)
    }

    /// Records a change; a later change of the same position replaces the earlier record, keeping the
    /// original `from`, and a change back to it removes the record.
    private mutating func record(line: Int, column: Int, from: String, to: String, basis: MRZRepair.Basis) {
        if let index = repairs.firstIndex(where: { $0.line == line && $0.column == column }) {
            let original = repairs[index].from
            repairs.remove(at: index)
            if original != to {
                repairs.append(MRZRepair(line: line, column: column, from: original, to: to, basis: basis))
            }
        } else {
            repairs.append(MRZRepair(line: line, column: column, from: from, to: to, basis: basis))
        }
    }

    /// `String(character)`, taken from a table for ASCII: preparing a line records a repair for every
    /// misread character, and converting each cost more than the repair.
    private static func string(_ character: Character) -> String {
        // `\r\n` is one Character whose asciiValue is 10 too.
        guard let code = character.asciiValue, code != 10 else { return String(character) }
        return asciiStrings[Int(code)]
    }

    private static let asciiStrings: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// The repairs inside some spans.
    func repairs(in spans: [MRZSpan]) -> [MRZRepair] {
        repairs.filter { repair in spans.contains { $0.line == repair.line && $0.columns.contains(repair.column) } }
            .sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}

/// One character change proposed by the repair search.
struct MRZChange: Sendable, Hashable {
    let line: Int
    let column: Int
    let to: Character
}
