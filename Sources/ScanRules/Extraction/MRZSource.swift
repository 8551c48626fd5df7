/// Which part of a machine-readable zone a rule field reads (`mrz: birthDate` in a rule file).
enum MRZSource: Sendable, Equatable {
    /// One MRZ field (`documentNumber`, `birthDate`, `sex`, `primaryIdentifier`…).
    case field(MRZField)
    /// The whole zone, its lines joined by a line break.
    case zone
    /// The English name of the issuing state or of the nationality.
    case issuingStateName, nationalityName

    /// The names a rule file may use.
    static let names: [String] = MRZField.allCases.map(\.rawValue) + ["zone", "issuingStateName", "nationalityName"]

    init?(name: String) {
        switch name {
        case "zone": self = .zone
        case "issuingStateName": self = .issuingStateName
        case "nationalityName": self = .nationalityName
        default:
            guard let field = MRZField(rawValue: name) else { return nil }
            self = .field(field)
        }
    }

    /// The MRZ field whose position anchors the value in the text.
    private var anchorField: MRZField? {
        switch self {
        case let .field(field): return field
        case .zone: return nil
        case .issuingStateName: return .issuingState
        case .nationalityName: return .nationality
        }
    }

    /// The check digit that vouches for the value; `nil` when none covers it (names, sex, nationality).
    private func covering(_ result: MRZResult) -> MRZCheck? {
        switch self {
        case .field(.documentNumber): return result.check(.documentNumber)
        case .field(.birthDate): return result.check(.birthDate)
        case .field(.expiryDate): return result.check(.expiryDate)
        case .field(.personalNumber): return result.check(.personalNumber)
        case .field(.optionalData1), .field(.optionalData2), .field(.optionalData): return result.check(.composite)
        default: return nil
        }
    }

    /// How far the value can be trusted: verified by its check digit, repaired to pass it, not covered
    /// by any, or failing it. The whole zone is as good as its weakest check.
    func trust(in result: MRZResult) -> MRZTrust {
        if self == .zone { return result.isValid ? (result.repairs.isEmpty ? .verified : .repaired) : .failed }
        switch covering(result)?.status {
        case .verified?: return .verified
        case .repaired?: return .repaired
        case .failed?: return .failed
        case .absent?, nil: return .uncovered
        }
    }

    /// The value as a field value: dates as dates, sex as Male/Female, codes as read.
    func read(from result: MRZResult) -> (value: String, date: CalendarDate?, segments: [Range<Int>])? {
        let segments: [Range<Int>]
        if let field = anchorField {
            segments = result.sourceRanges(of: field)
        } else {
            segments = result.lines.compactMap(\.sourceRange)
        }
        switch self {
        case .zone:
            return (result.lines.map(\.text).joined(separator: "\n"), nil, segments)
        case .issuingStateName:
            return result.issuingStateName.map { ($0, nil, segments) }
        case .nationalityName:
            return result.nationalityName.map { ($0, nil, segments) }
        case .field(.birthDate):
            return result.birthDate.map { ($0.display, $0, segments) }
        case .field(.expiryDate):
            return result.expiryDate.map { ($0.display, $0, segments) }
        case .field(.sex):
            switch result.field(.sex)?.value {
            case "M"?: return ("Male", nil, segments)
            case "F"?: return ("Female", nil, segments)
            default: return nil
            }
        case let .field(field):
            guard var value = result.field(field)?.value, !value.isEmpty else { return nil }
            // Peru writes Ñ as NXX in MRZ names (ICAO 9303 leaves national transliterations to the state).
            let peruvian = result.field(.issuingState)?.value == "PER" || result.field(.nationality)?.value == "PER"
            if field == .primaryIdentifier || field == .secondaryIdentifier, peruvian {
                value = value.replacingOccurrences(of: "NXX", with: "Ñ")
            }
            return (value, nil, segments)
        }
    }
}

/// How far an MRZ value can be trusted.
enum MRZTrust: Sendable {
    case verified, repaired, uncovered, failed

    /// Confidence kept by a value read from the zone.
    var factor: Double {
        switch self {
        case .verified: return 1
        case .repaired: return 0.95
        case .uncovered: return 0.9
        case .failed: return 0.3
        }
    }

    /// Whether the value may overrule a visual reading that disagrees.
    var overrulesVisual: Bool { self == .verified || self == .repaired }
}
