import Foundation

/// Sex codes printed on documents, in Spanish and English.
private let maleCodes: Set<String> = ["M", "MASCULINO", "MALE", "H", "HOMBRE"]
private let femaleCodes: Set<String> = ["F", "FEMENINO", "FEMALE", "MUJER"]

/// Confidence kept when gender is inferred from a gendered word rather than read from a sex field.
let inferredGenderFactor = 0.95
/// Confidence kept by a join that left out a part because its slot was seen blank: OCR may have lost
/// the part's row while keeping its label and the next one.
let blankPartFactor = 0.8

extension RuleEngine {
    /// Computes a derived field from those found so far; `nil` when its sources are missing. `blank`:
    /// fields not found whose label the document shows over an empty slot.
    func derive(_ name: String, _ derivation: Derivation, from found: [String: ExtractedField], blank: Set<String> = [],
                asOf: CalendarDate) -> ExtractedField? {
        func make(_ value: String, confidence: Double, isInteger: Bool = false, origin: ExtractedField.Origin = .computed) -> ExtractedField {
            ExtractedField(name: name, value: value, confidence: confidence, isInteger: isInteger, origin: origin)
        }
        switch derivation {
        case let .join(sources, optional, whenBlank):
            // A name with a part missing would be a wrong name, so every part must be there but those
            // the document may leave blank (a second surname), or is seen to leave blank.
            // Each source is looked up once: hashing its name is most of the cost.
            var parts: [ExtractedField] = []
            parts.reserveCapacity(sources.count)
            var leftBlank = false
            for source in sources {
                if let part = found[source] {
                    parts.append(part)
                } else if whenBlank.contains(source) && blank.contains(source) {
                    leftBlank = true
                } else if !optional.contains(source) {
                    return nil
                }
            }
            guard !parts.isEmpty else { return nil }
            // Closures, not key paths: a key path is looked up at run time on every call.
            let confidence = parts.lazy.map { $0.confidence }.min()! * (leftBlank ? blankPartFactor : 1)
            return make(parts.map { $0.value }.joined(separator: " "), confidence: confidence, origin: .joined)
        case let .age(source):
            guard let birth = found[source], let date = birth.date, date <= asOf else { return nil }
            return make(String(date.years(until: asOf)), confidence: birth.confidence, isInteger: true)
        case let .gender(sources, male, female):
            for source in sources {
                guard let field = found[source] else { continue }
                let word = field.value.uppercased()
                if maleCodes.contains(word) { return make("Male", confidence: field.confidence) }
                if femaleCodes.contains(word) { return make("Female", confidence: field.confidence) }
                if male.contains(word) { return make("Male", confidence: field.confidence * inferredGenderFactor) }
                if female.contains(word) { return make("Female", confidence: field.confidence * inferredGenderFactor) }
            }
            return nil
        case let .country(source):
            guard let code = found[source], let name = CountryCodes.name(forCode: code.value.uppercased()) else { return nil }
            return make(name, confidence: code.confidence)
        case let .constant(value):
            return make(value, confidence: 1)
        }
    }
}
