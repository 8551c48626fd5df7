/// Where a field's value was read: code-point ranges of the document text and boxes on pages.
public struct FieldLocation: Sendable, Equatable {
    /// Code-point ranges in ``OCRDocument/text``; several when the value's words are not adjacent there.
    public let segments: [Range<Int>]
    /// The union of the value's word boxes on each page it touches, normalised to 0...1 by page size.
    public let pageBoxes: [PageBox]
}

/// A box on one page, in fractions of the page's width and height.
public struct PageBox: Sendable, Equatable {
    /// 0-based page index.
    public let page: Int
    /// The left edge, as a fraction of the page width.
    public let left: Float
    /// The top edge, as a fraction of the page height.
    public let top: Float
    /// The right edge, as a fraction of the page width.
    public let right: Float
    /// The bottom edge, as a fraction of the page height.
    public let bottom: Float
}

/// One field's value as extracted.
public struct ExtractedField: Sendable, Equatable {
    /// The field name from the rule file (`dateOfBirth`).
    public let name: String
    /// The normalised value (dates as `dd/MM/yyyy` or `MM/yyyy`).
    public internal(set) var value: String
    /// The text as printed, when the value was read from the document.
    public internal(set) var mentionText: String?
    /// Where it was read; `nil` for derived fields.
    public internal(set) var location: FieldLocation?
    /// 0...1; see the README's "Confidence" section for the formula.
    public internal(set) var confidence: Double
    /// The date, for date fields.
    public internal(set) var date: CalendarDate?
    /// Whether the value is a whole number (such as `age`) rather than text.
    public let isInteger: Bool
    /// How the value came about.
    public internal(set) var origin: Origin
    /// The checks run on the value; `nil` for derived values.
    public internal(set) var validation: FieldValidation?
    /// How the value compares with the machine-readable zone, when the rule reads this field there too.
    public internal(set) var crossCheck: CrossCheck?

    /// How a field's value came about.
    public enum Origin: Sendable, Equatable {
        /// Read from the document text.
        case read
        /// Read from the machine-readable zone.
        case machineReadableZone
        /// Joined from values read from the text (`fullName`).
        case joined
        /// Computed: an age, an inferred gender, a constant.
        case computed
    }

    init(name: String, value: String, mentionText: String? = nil, location: FieldLocation? = nil, confidence: Double,
         date: CalendarDate? = nil, isInteger: Bool = false, origin: Origin, validation: FieldValidation? = nil) {
        self.name = name
        self.value = value
        self.mentionText = mentionText
        self.location = location
        self.confidence = confidence
        self.date = date
        self.isInteger = isInteger
        self.origin = origin
        self.validation = validation
    }
}

/// The result of running one rule over one document.
public struct Extraction: Sendable {
    /// The rule's document type code.
    public let documentType: String
    /// How well the document matched the type's keywords, when the type was detected (`--type auto`).
    public let typeScore: Double?
    /// The rule's category: `ID`, `TAX`, `PASSPORT`, `UTILITY_BILL` or `DRIVER_LICENSE`.
    public let category: String
    /// The issuing country's English name, when the rule names one.
    public let country: String?
    /// Fields found, sorted by name.
    public let fields: [ExtractedField]
    /// The date ages are computed at.
    public let asOf: CalendarDate
    /// Whether the type keeps fields on a back side that was not given: a single page, and none of the
    /// back-side fields found on it.
    public let requiresBackSide: Bool
    /// Required fields that were not found.
    public let missingRequired: [String]
    /// The machine-readable zone, when the rule reads one and it was found.
    public let machineReadableZone: MRZResult?
    /// The verdict on the document as a whole.
    public let status: DocumentStatus

    /// The field with this name, if it was found.
    public func field(_ name: String) -> ExtractedField? {
        fields.first { $0.name == name }
    }
}
