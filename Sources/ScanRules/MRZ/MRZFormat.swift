/// The ICAO 9303 machine-readable zone sizes.
public enum MRZFormat: String, Sendable, CaseIterable {
    /// ID card size: 3 lines of 30 characters.
    case td1 = "TD1"
    /// 2 lines of 36 characters.
    case td2 = "TD2"
    /// Passport: 2 lines of 44 characters.
    case td3 = "TD3"

    /// Characters per line.
    public var lineLength: Int {
        switch self {
        case .td1: return 30
        case .td2: return 36
        case .td3: return 44
        }
    }

    /// Number of lines.
    public var lineCount: Int { self == .td1 ? 3 : 2 }

    /// Letters a document code may start with in this format (P passport, I/A/C identity cards, V visa).
    var documentCodeInitials: Set<Character> {
        switch self {
        case .td1: return ["I", "A", "C"]
        case .td2: return ["I", "A", "C", "P", "V"]
        case .td3: return ["P", "V"]
        }
    }
}

/// A place in a repaired zone: a line (0-based) and a half-open range of columns (0-based).
public struct MRZSpan: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The zone line, 0-based.
    public let line: Int
    /// The columns, 0-based, end exclusive.
    public let columns: Range<Int>

    public init(line: Int, columns: Range<Int>) {
        self.line = line
        self.columns = columns
    }

    public var description: String { "line \(line + 1) columns \(columns.lowerBound + 1)-\(columns.upperBound)" }
}
