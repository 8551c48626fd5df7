import Yams

/// Reads rule-file YAML nodes with errors that point at the offending node (file:line:column).
struct YAMLReader {
    let file: String

    func parse(_ text: String) throws(RuleFileError) -> Node {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw RuleFileError(file: file, line: 1, column: 1, message: "the rule file is empty; expected a mapping with 'code', 'category' and 'fields'")
            }
            return root
        } catch let error as RuleFileError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw RuleFileError(file: file, line: 1, column: 1, message: "YAML error: \(error)")
        }
    }

    private func syntaxError(_ error: YamlError) -> RuleFileError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let where_ = context.map { " \($0.text)" } ?? ""
            return RuleFileError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)\(where_)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return RuleFileError(file: file, line: context.mark.line, column: context.mark.column,
                                 message: "duplicate keys \(duplicates.joined(separator: ", ")) in one mapping")
        default:
            return RuleFileError(file: file, line: 1, column: 1, message: "YAML error: \(error)")
        }
    }

    func error(_ node: Node?, _ message: String) -> RuleFileError {
        RuleFileError(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
    }

    /// The node as a mapping whose keys are all in `allowed`, with its entries by key.
    func mapping(_ node: Node, _ what: String, allowed: [String]) throws(RuleFileError) -> [String: Node] {
        guard case let .mapping(mapping) = node else {
            throw error(node, "\(what) must be a mapping with keys \(allowed.joined(separator: ", "))")
        }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error(key, "\(what) has a key that is not text") }
            guard allowed.contains(name) else {
                let hint = allowed.min { suggestionDistance(name, $0) < suggestionDistance(name, $1) }
                    .map { suggestionDistance(name, $0) <= 3 ? " (did you mean '\($0)'?)" : "" } ?? ""
                throw error(key, "unknown key '\(name)' in \(what)\(hint); expected one of: \(allowed.joined(separator: ", "))")
            }
            entries[name] = value
        }
        return entries
    }

    /// The pairs of a mapping whose keys are free-form names (such as field names), in file order.
    func namedEntries(_ node: Node, _ what: String) throws(RuleFileError) -> [(name: String, key: Node, value: Node)] {
        guard case let .mapping(mapping) = node else { throw error(node, "\(what) must be a mapping of names to definitions") }
        var entries: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string, !name.isEmpty else { throw error(key, "\(what) has a key that is not a name") }
            entries.append((name, key, value))
        }
        return entries
    }

    func string(_ node: Node, _ what: String) throws(RuleFileError) -> String {
        guard let scalar = node.scalar else { throw error(node, "\(what) must be a single value, not a list or mapping") }
        return scalar.string
    }

    /// One of an enumeration's words; `expected` says what each means, for the error.
    func choice<Choice: RawRepresentable>(_ node: Node, _ what: String, expected: String) throws(RuleFileError) -> Choice
        where Choice.RawValue == String {
        let word = try string(node, what)
        guard let choice = Choice(rawValue: word) else { throw error(node, "\(what) must be \(expected), not '\(word)'") }
        return choice
    }

    func number(_ node: Node, _ what: String) throws(RuleFileError) -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string) else {
            throw error(node, "\(what) must be a number")
        }
        return value
    }

    func bool(_ node: Node, _ what: String) throws(RuleFileError) -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true"?, "yes"?: return true
        case "false"?, "no"?: return false
        default: throw error(node, "\(what) must be true or false")
        }
    }

    /// A list of strings; a single value counts as a list of one.
    func strings(_ node: Node, _ what: String) throws(RuleFileError) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard case let .sequence(sequence) = node else { throw error(node, "\(what) must be a value or a list of values") }
        var values: [String] = []
        for item in sequence { values.append(try string(item, "each entry of \(what)")) }
        guard !values.isEmpty else { throw error(node, "\(what) must not be empty") }
        return values
    }

    /// Where a PCRE2 compile error falls in the file: the scalar's position plus the offset in the pattern
    /// (plus the opening quote for quoted styles; exact for single-line patterns without escapes).
    func patternError(_ node: Node, offset: Int, _ message: String) -> RuleFileError {
        let mark = node.mark
        var column = (mark?.column ?? 1) + offset
        if let style = node.scalar?.style, style == .singleQuoted || style == .doubleQuoted { column += 1 }
        return RuleFileError(file: file, line: mark?.line ?? 1, column: column, message: message)
    }

    private func suggestionDistance(_ a: String, _ b: String) -> Int {
        EditDistance.distance(a.lowercased(), b.lowercased(), limit: 10) ?? 11
    }
}
