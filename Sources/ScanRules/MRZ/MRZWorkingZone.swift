/// A zone being repaired: its characters, where they came from, and every change made so far.
struct MRZWorkingZone: Sendable {
    private(set) var lines: [[Character]]
    /// The ASCII code of every character (`0xFF` for a character that is not a single ASCII one), kept
    /// with `lines`: the repair search checks codes rather than `Character` values.
    private(set) var codes: [[UInt8]]
    /// Where each character came from, for a zone built from cells; empty for a zone of bare characters
    /// (scoring never reads it, and the search builds many such zones).
    let offsets: [[Int?]]
    private(set) var repairs: [MRZRepair] = []

    /// A zone from fitted cells; look-alikes already mapped are recorded as normalisations.
    init(cells: [[MRZCell]]) {
        lines = cells.map { $0.map(\.character) }
        codes = cells.map { $0.map(\.code) }
        offsets = cells.map { $0.map(\.offset) }
        for (line, row) in cells.enumerated() {
            for (column, cell) in row.enumerated() {
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
        self.lines = lines
        self.codes = codes
        offsets = []
    }

    /// One line of a zone with the repairs made on it, to build other zones from (``MRZRepairMemo``).
    struct Line {
        let characters: [Character]
        let codes: [UInt8]
        let repairs: [MRZRepair]

        static let empty = Line(characters: [], codes: [], repairs: [])

        private init(characters: [Character], codes: [UInt8], repairs: [MRZRepair]) {
            self.characters = characters
            self.codes = codes
            self.repairs = repairs
        }

        init(_ zone: MRZWorkingZone, line: Int) {
            characters = zone.lines[line]
            codes = zone.codes[line]
            repairs = zone.repairs.filter { $0.line == line }
        }
    }

    /// A zone of bare lines with their repairs (no source offsets).
    init(prepared: [Line]) {
        lines = prepared.map(\.characters)
        codes = prepared.map(\.codes)
        offsets = []
        repairs = prepared.flatMap(\.repairs)
    }

    subscript(line: Int, column: Int) -> Character { lines[line][column] }

    /// The ASCII code of `character`, or `0xFF` when it has none.
    static func code(_ character: Character) -> UInt8 { character.asciiValue ?? 0xFF }

    /// Changes one character without recording it (trial readings).
    mutating func put(line: Int, column: Int, to character: Character) {
        lines[line][column] = character
        codes[line][column] = Self.code(character)
    }

    /// The characters under some spans, in order.
    func characters(_ spans: [MRZSpan]) -> [Character] {
        spans.flatMap { span in span.columns.map { lines[span.line][$0] } }
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
        let from = lines[line][column]
        guard from != character else { return }
        put(line: line, column: column, to: character)
        let to = Self.string(character)
        if let index = repairs.firstIndex(where: { $0.line == line && $0.column == column }) {
            let original = repairs[index].from
            repairs.remove(at: index)
            if original != to {
                repairs.append(MRZRepair(line: line, column: column, from: original, to: to, basis: basis))
            }
        } else {
            repairs.append(MRZRepair(line: line, column: column, from: Self.string(from), to: to, basis: basis))
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
