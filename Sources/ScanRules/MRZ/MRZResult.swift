/// The fields a machine-readable zone holds. Which ones a zone has depends on its format.
public enum MRZField: String, Sendable, CaseIterable {
    case documentCode, issuingState, documentNumber, nationality, birthDate, sex, expiryDate
    /// The whole name area, `PRIMARY<<SECONDARY`, as printed.
    case names
    /// The primary identifier (surnames), fillers read as spaces.
    case primaryIdentifier
    /// The secondary identifier (given names), fillers read as spaces.
    case secondaryIdentifier
    /// TD3 personal number (columns 29–42 of line 2).
    case personalNumber
    /// TD2 optional data (columns 29–35 of line 2).
    case optionalData
    /// TD1 optional data of line 1 (columns 16–30), after any long document number's tail.
    case optionalData1
    /// TD1 optional data of line 2 (columns 19–29).
    case optionalData2
}

/// The check digits of a zone.
public enum MRZCheckName: String, Sendable, CaseIterable {
    case documentNumber, birthDate, expiryDate, personalNumber, composite
}

/// One field of a parsed zone.
public struct MRZFieldValue: Sendable, Equatable {
    /// Which field this is.
    public let field: MRZField
    /// The value: fillers trimmed, inner fillers of names read as spaces (`ANNA MARIA`).
    public let value: String
    /// The characters as they stand in the repaired zone, fillers included.
    public let raw: String
    /// Where the field sits in the repaired zone; a TD1 long document number has two spans.
    public let spans: [MRZSpan]
}

/// One character the reader changed.
public struct MRZRepair: Sendable, Equatable, CustomStringConvertible {
    /// Why the change was made.
    public enum Basis: String, Sendable {
        /// A check digit passes with the change and with no other equally small change.
        case checkDigit
        /// The position admits only digits (or only letters), so the confusable character was replaced.
        case characterClass
        /// `K`/`L` in the filler run that ends a name area read as `<`.
        case filler
        /// A filler look-alike (`«`, `(`, a space) or a lower-case letter turned into the MRZ character.
        case normalization
    }

    /// The zone line changed, 0-based.
    public let line: Int
    /// The column changed, 0-based.
    public let column: Int
    /// The character as read.
    public let from: String
    /// The character it was changed to.
    public let to: String
    /// Why the change was made.
    public let basis: Basis

    public var description: String { "line \(line + 1) column \(column + 1): \(from)→\(to) (\(basis.rawValue))" }
}

/// The verdict on one check digit.
public struct MRZCheck: Sendable, Equatable {
    /// The verdict.
    public enum Status: String, Sendable {
        /// The printed digit matches the data as read.
        case verified
        /// The digit matches after the listed repairs.
        case repaired
        /// No acceptable reading makes the digit match.
        case failed
        /// The check position holds `<` over an empty optional field, as ICAO allows.
        case absent
    }

    /// Which check digit this is.
    public let name: MRZCheckName
    /// The verdict.
    public let status: Status
    /// The check character as printed (after repairs of the check position itself).
    public let printed: String
    /// The digit the data (as finally read) calls for, when the data is readable.
    public let expected: String?
    /// Where the check digit sits.
    public let position: MRZSpan
    /// The data the digit covers.
    public let covers: [MRZSpan]
    /// The changes inside the covered data and the check position that this verdict rests on.
    public let repairs: [MRZRepair]
    /// Why a check failed, or how an ambiguity was settled.
    public let note: String?
}

/// One line of the zone as repaired, with where its characters came from in the input text.
public struct MRZLine: Sendable, Equatable {
    /// The line, exactly `format.lineLength` characters of `A–Z 0–9 <`.
    public let text: String
    /// Code-point offset into the input of each column's character; `nil` for a filler the reader added
    /// because OCR dropped it (trailing `<` trimmed away, a shortened filler run).
    public let sourceOffsets: [Int?]
    /// The code-point range of the input this line was read from (first to last character used); a line
    /// OCR split over two text lines spans the line break between them.
    public let sourceRange: Range<Int>?
}

/// A parsed machine-readable zone.
public struct MRZResult: Sendable {
    /// TD1, TD2 or TD3.
    public let format: MRZFormat
    /// The zone's lines as repaired, with where each character came from.
    public let lines: [MRZLine]
    /// Every field the format holds.
    public let fields: [MRZFieldValue]
    /// The verdict on each check digit.
    public let checks: [MRZCheck]
    /// Every change the reader made, in zone order.
    public let repairs: [MRZRepair]
    /// The birth date: 19YY when YY is after the reference date's year, else 20YY; `nil` if not a date.
    public let birthDate: CalendarDate?
    /// The expiry date, always 20YY; `nil` if not a date.
    public let expiryDate: CalendarDate?

    /// The value of a field, when the format has it.
    public func field(_ field: MRZField) -> MRZFieldValue? { fields.first { $0.field == field } }

    /// The verdict on a check digit, when the format has it.
    public func check(_ name: MRZCheckName) -> MRZCheck? { checks.first { $0.name == name } }

    /// Whether every check digit is verified, repaired or legitimately absent.
    public var isValid: Bool { checks.allSatisfy { $0.status != .failed } }

    /// The English name of the issuing state or organisation.
    public var issuingStateName: String? { field(.issuingState).flatMap { CountryCodes.name(forCode: $0.value) } }

    /// The English name of the nationality's state, or the status it codes (`XXA` stateless person…).
    public var nationalityName: String? { field(.nationality).flatMap { CountryCodes.name(forCode: $0.value) } }

    /// The code-point ranges of the input a field was read from (one per contiguous run of source
    /// characters), leading and trailing fillers left out, for text anchors; empty when the zone was given
    /// as lines.
    public func sourceRanges(of field: MRZField) -> [Range<Int>] {
        guard let value = self.field(field) else { return [] }
        var ranges: [Range<Int>] = []
        for span in value.spans {
            // Leading and trailing fillers are not part of the value. A plain ASCII line's columns are its
            // UTF-8 bytes (an array of `Character`s cost more than the rest of a field's read).
            let line = lines[span.line]
            let bytes = Array(line.text.utf8)
            let characters: [Character]? = bytes.count == line.sourceOffsets.count ? nil : Array(line.text)
            func isFiller(_ column: Int) -> Bool { characters.map { $0[column] == "<" } ?? (bytes[column] == UInt8(ascii: "<")) }
            var columns = span.columns
            while let first = columns.first, isFiller(first) { columns = columns.dropFirst() }
            while let last = columns.last, isFiller(last) { columns = columns.dropLast() }
            for column in columns {
                guard let offset = lines[span.line].sourceOffsets[column] else { continue }
                if let last = ranges.last, last.upperBound == offset {
                    ranges[ranges.count - 1] = last.lowerBound..<offset + 1
                } else {
                    ranges.append(offset..<offset + 1)
                }
            }
        }
        return ranges
    }
}
