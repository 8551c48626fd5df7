/// One character of the input on its way into a zone: the MRZ character it stands for, its code-point
/// offset in the input (`nil` for a filler the reader inserted) and what the input held there.
///
/// Plain values only (no `Character` stored): fitting copies and compares cells by the thousand, and a
/// stored `Character` made every copy a retain and every comparison a string comparison.
struct MRZCell: Sendable, Equatable {
    /// `MRZWorkingZone.code(character)`.
    let code: UInt8
    let offset: Int?
    /// What the input held there: one scalar, as `MRZTextLine.lines(of:)` reads the text scalar by scalar.
    let sourceScalar: Unicode.Scalar?

    /// A cell for `character`, which is ASCII or else the source character itself (the only characters
    /// outside ASCII that a line keeps are those it keeps as read, such as the Kelvin sign `K`).
    init(character: Character, offset: Int?, source: Unicode.Scalar?) {
        code = MRZWorkingZone.code(character)
        assert(code != 0xFF || source.map(Character.init) == character, "a non-ASCII cell holds its source character")
        self.offset = offset
        sourceScalar = source
    }

    /// The MRZ character it stands for.
    var character: Character { code < 128 ? MRZTextLine.asciiCharacters[Int(code)] : Character(sourceScalar!) }

    /// What the input held there (`nil` for an inserted filler).
    var source: Character? { sourceScalar.map(Character.init) }

    /// Whether the input held another character (a look-alike read as this one).
    var isNormalised: Bool {
        guard let sourceScalar else { return false }
        return sourceScalar.value < 128 ? UInt8(sourceScalar.value) != code : Character(sourceScalar) != character
    }

    /// An ASCII character as it is and as it was read, without `Character` work.
    static func ascii(_ code: UInt8, source: UInt8, offset: Int) -> MRZCell {
        MRZCell(code: code, offset: offset, sourceScalar: Unicode.Scalar(source))
    }

    private init(code: UInt8, offset: Int?, sourceScalar: Unicode.Scalar?) {
        self.code = code
        self.offset = offset
        self.sourceScalar = sourceScalar
    }

    static func filler() -> MRZCell { MRZCell(code: 60, offset: nil, sourceScalar: nil) }

    /// The same cell read as a filler (a space OCR put for `<`).
    func asFiller() -> MRZCell { MRZCell(code: 60, offset: offset, sourceScalar: sourceScalar) }
}

/// A line of the input text, trimmed, with its characters mapped into the MRZ alphabet.
struct MRZTextLine: Sendable {
    /// The mapped characters; whitespace inside the line stays as `" "` cells (OCR often reads `<` as space).
    let cells: [MRZCell]
    /// Whether the line looks like part of a zone: upper-case MRZ characters with little else.
    let isCandidate: Bool

    var isBlank: Bool { cells.isEmpty }

    /// Splits `text` into lines, mapping each character: lower case to upper, filler look-alikes to `<`;
    /// characters outside the MRZ alphabet are dropped (and counted against the line).
    static func lines(of text: String) -> [MRZTextLine] {
        var result: [MRZTextLine] = []
        var cells: [MRZCell] = []
        var noise = 0
        var offset = 0
        var previousWasCR = false
        func finish() {
            while cells.last?.code == 32 { cells.removeLast() }
            let kept = cells.count { $0.code != 32 }
            let isCandidate = kept >= 5 && noise <= max(1, kept / 10)
            result.append(MRZTextLine(cells: cells, isCandidate: isCandidate))
            // A new buffer as large as the last line's: the next line grows into it without reallocating.
            cells.removeAll(keepingCapacity: true)
            noise = 0
        }
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{0B}" || scalar == "\u{0C}" {
                finish()
                continue
            }
            // ASCII, nearly all OCR text, by table: `Character` tests (ranges, sets, Unicode properties) cost
            // hundreds of instructions a character. The table gives what the general path below gives.
            if scalar.value < 128 {
                let byte = UInt8(scalar.value)
                switch asciiKinds[Int(byte)] {
                case .space:
                    if !cells.isEmpty { cells.append(.ascii(32, source: byte, offset: offset)) }
                case .keep(let code):
                    cells.append(.ascii(code, source: byte, offset: offset))
                case .lowercase(let code):
                    cells.append(.ascii(code, source: byte, offset: offset))
                    noise += 1
                case .noise:
                    noise += 1
                }
                continue
            }
            let source = Character(scalar)
            if scalar.properties.isWhitespace {
                if !cells.isEmpty { cells.append(MRZCell(character: " ", offset: offset, source: scalar)) }
                continue
            }
            var character = source
            if ("a"..."z").contains(character) {
                character = Character(character.uppercased())
                noise += 1
            } else if MRZCharacters.fillerLookalikes.contains(character) {
                character = "<"
            }
            guard MRZCharacters.isMRZ(character) else { noise += 1; continue }
            cells.append(MRZCell(character: character, offset: offset, source: scalar))
        }
        finish()
        return result
    }

    /// What `lines(of:)` does with an ASCII character.
    private enum ASCIIKind {
        /// Whitespace inside a line: kept as a `" "` cell.
        case space
        /// Kept as the MRZ character of this code (a filler look-alike becomes `<`).
        case keep(UInt8)
        /// A lower-case letter: kept upper-cased, and counted against the line.
        case lowercase(UInt8)
        /// Outside the MRZ alphabet: dropped and counted against the line.
        case noise
    }

    /// The general path's answer for each ASCII character (line breaks never reach it).
    private static let asciiKinds: [ASCIIKind] = (0..<128).map { (code: Int) -> ASCIIKind in
        let scalar = Unicode.Scalar(UInt8(code))
        if scalar.properties.isWhitespace { return .space }
        let character = Character(scalar)
        if ("a"..."z").contains(character) { return .lowercase(UInt8(code) - 32) }
        if MRZCharacters.fillerLookalikes.contains(character) { return .keep(60) }
        return MRZCharacters.isMRZ(character) ? .keep(UInt8(code)) : .noise
    }

    /// Every ASCII character as a `Character`.
    static let asciiCharacters: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

    /// The fewest MRZ characters a run must hold to be worth reading as a zone: the smallest zone (TD2,
    /// 72 characters) with a quarter lost to OCR. Shorter runs (a card's upper-case labels and values)
    /// are skipped before the costly fitting, which otherwise dominates extraction time on ID cards.
    static let minimumRunCharacters = 54

    /// Runs of consecutive candidate lines long enough to hold a zone; blank lines between them do not
    /// break a run.
    static func candidateRuns(_ lines: [MRZTextLine]) -> [[MRZTextLine]] {
        allCandidateRuns(lines).filter { run in
            run.reduce(0) { $0 + $1.cells.count { $0.code != 32 } } >= minimumRunCharacters
        }
    }

    private static func allCandidateRuns(_ lines: [MRZTextLine]) -> [[MRZTextLine]] {
        var runs: [[MRZTextLine]] = []
        var current: [MRZTextLine] = []
        for line in lines {
            if line.isBlank { continue }
            if line.isCandidate {
                current.append(line)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
