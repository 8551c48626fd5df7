extension MRZResult {
    /// The result as JSON, as `scanrules mrz` prints it: format, validity, the repaired lines, field
    /// values, dates (ISO), country names, per-check verdicts with their repairs, and where each field
    /// sits (0-based line, half-open column range in the zone; code-point ranges in the input).
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(format.rawValue)),
            ("valid", .bool(isValid)),
            ("lines", .array(lines.map { .string($0.text) })),
            ("fields", .object(fields.map { ($0.field.rawValue, .string($0.value)) })),
        ]
        if let birthDate { members.append(("birthDate", .string(birthDate.iso))) }
        if let expiryDate { members.append(("expiryDate", .string(expiryDate.iso))) }
        if let issuingStateName { members.append(("issuingStateName", .string(issuingStateName))) }
        if let nationalityName { members.append(("nationalityName", .string(nationalityName))) }
        members.append(("checks", .array(checks.map(\.json))))
        members.append(("repairs", .array(repairs.map(\.json))))
        members.append(("positions", .object(fields.map { field in
            var position: [(key: String, value: JSONValue)] = [("spans", .array(field.spans.map(\.json)))]
            let ranges = sourceRanges(of: field.field)
            if !ranges.isEmpty {
                position.append(("source", .array(ranges.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })))
            }
            return (field.field.rawValue, .object(position))
        })))
        return .object(members)
    }
}

extension MRZCheck {
    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(name.rawValue)), ("status", .string(status.rawValue)), ("printed", .string(printed)),
        ]
        if let expected { members.append(("expected", .string(expected))) }
        members.append(("position", position.json))
        if !repairs.isEmpty { members.append(("repairs", .array(repairs.map(\.json)))) }
        if let note { members.append(("note", .string(note))) }
        return .object(members)
    }
}

extension MRZRepair {
    var json: JSONValue {
        .object([("line", .int(line)), ("column", .int(column)), ("from", .string(from)), ("to", .string(to)),
                 ("basis", .string(basis.rawValue))])
    }
}

extension MRZSpan {
    var json: JSONValue {
        .object([("line", .int(line)), ("start", .int(columns.lowerBound)), ("end", .int(columns.upperBound))])
    }
}
