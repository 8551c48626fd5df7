/// Encodes an ``Extraction`` in the Scan Studio v3 shape: Document AI style entities under
/// `details.fields`, then the flat keys, `country` and `category`.
///
/// Entity ids number the fields whose value is document text (read, or joined from read fields such as
/// `fullName`) in alphabetical order, so the same field gets the same id whichever others are present;
/// values computed rather than read (`age`, `gender`, constants) are not numbered. Only read fields carry
/// an entity: a joined value has no single place on the page.
public enum V3Encoder {
    /// The v3 `OCRExtraction` object for one extraction.
    public static func encode(_ extraction: Extraction) -> JSONValue {
        let numbered = extraction.fields.filter { $0.origin != .computed }
        var entities: [JSONValue] = []
        for (id, field) in numbered.enumerated() {
            guard let mention = field.mentionText, let location = field.location else { continue }
            entities.append(entity(field, mention: mention, location: location, id: id))
        }
        var details: [(key: String, value: JSONValue)] = [("fields", .array(entities))]
        if let mrz = extraction.machineReadableZone { details.append(("mrz", mrz.json)) }
        var members: [(key: String, value: JSONValue)] = [
            ("details", .object(details)),
            ("documentType", .string(extraction.documentType)),
        ]
        if let score = extraction.typeScore { members.append(("documentTypeConfidence", .float(Float(score)))) }
        for field in extraction.fields {
            members.append((field.name, field.isInteger ? .int(Int(field.value) ?? 0) : .string(field.value)))
        }
        if let country = extraction.country { members.append(("country", .string(country))) }
        members.append(("category", .string(extraction.category)))
        return .object(members)
    }

    private static func entity(_ field: ExtractedField, mention: String, location: FieldLocation, id: Int) -> JSONValue {
        let segments = location.segments.map { segment -> JSONValue in
            .object([("startIndex", .string(String(segment.lowerBound))), ("endIndex", .string(String(segment.upperBound)))])
        }
        let pageRefs = location.pageBoxes.map { box -> JSONValue in
            let vertices: [JSONValue] = [(box.left, box.top), (box.right, box.top), (box.right, box.bottom), (box.left, box.bottom)]
                .map { .object([("x", .float($0.0)), ("y", .float($0.1))]) }
            var ref: [(key: String, value: JSONValue)] = [("boundingPoly", .object([("normalizedVertices", .array(vertices))]))]
            // Document AI omits the page index for the first page.
            if box.page > 0 { ref.append(("page", .string(String(box.page)))) }
            return .object(ref)
        }
        var members: [(key: String, value: JSONValue)] = [
            ("textAnchor", .object([("textSegments", .array(segments))])),
            ("type", .string(field.name)),
            ("mentionText", .string(mention)),
            ("confidence", .float(Float(field.confidence))),
        ]
        // Plain-text input has no boxes, and then no page anchor.
        if !pageRefs.isEmpty { members.append(("pageAnchor", .object([("pageRefs", .array(pageRefs))]))) }
        members.append(("id", .string(String(id))))
        if let validation = field.validation { members.append(("validation", validationJSON(validation))) }
        if let crossCheck = field.crossCheck { members.append(("crossCheck", crossCheckJSON(crossCheck))) }
        if let date = field.date {
            members.append(("normalizedValue", .object([
                ("text", .string(date.iso)),
                ("dateValue", .object([("year", .int(date.year)), ("month", .int(date.month)), ("day", .int(date.day ?? 0))])),
            ])))
        }
        return .object(members)
    }

    private static func validationJSON(_ validation: FieldValidation) -> JSONValue {
        .object([
            ("status", .string(validation.status.rawValue)),
            ("checks", .array(validation.checks.map { check in
                var members: [(key: String, value: JSONValue)] = [("name", .string(check.name)), ("passed", .bool(check.passed))]
                if let reason = check.reason { members.append(("reason", .string(reason))) }
                return .object(members)
            })),
        ])
    }

    private static func crossCheckJSON(_ crossCheck: CrossCheck) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("status", .string(crossCheck.status.rawValue))]
        if let visual = crossCheck.visual { members.append(("visual", .string(visual))) }
        if let machineReadable = crossCheck.machineReadable { members.append(("machineReadableZone", .string(machineReadable))) }
        if crossCheck.corrected { members.append(("correctedFromMachineReadableZone", .bool(true))) }
        return .object(members)
    }
}
