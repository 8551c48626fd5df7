/// One match of a ``Regex``: the whole match and each capture group as code-point ranges.
public struct RegexMatch: Sendable, Equatable {
    /// The whole match.
    public let range: Range<Int>
    /// The groups of every match of one scan, one match after another (see `Regex.scan`).
    private let storage: [Range<Int>?]
    /// Where this match's groups start in `storage`, and how many there are.
    private let first: Int, count: Int
    let names: [NamedGroup]

    init(groups storage: [Range<Int>?], first: Int, count: Int, names: [NamedGroup]) {
        self.storage = storage
        self.first = first
        self.count = count
        self.names = names
        range = storage[first]!
    }

    /// Capture groups by number (index 0 is the whole match); `nil` where the group did not take part.
    public var groups: [Range<Int>?] { Array(storage[first..<first + count]) }

    /// Group `number`'s range, `nil` when the pattern has no such group or it did not take part.
    func group(_ number: Int) -> Range<Int>? {
        number < count ? storage[first + number] : nil
    }

    /// The range of a named group, `nil` when the pattern has no such group or it did not take part.
    public func range(named name: String) -> Range<Int>? {
        names.number(of: name).flatMap(group)
    }

    public static func == (lhs: RegexMatch, rhs: RegexMatch) -> Bool {
        lhs.range == rhs.range && lhs.groups == rhs.groups && lhs.names == rhs.names
    }
}

/// A named capture group of a pattern and its number.
struct NamedGroup: Sendable, Equatable {
    let name: String
    let number: Int
}

extension Collection<NamedGroup> {
    /// The number of the group called `name`.
    func number(of name: String) -> Int? {
        first { $0.name == name }?.number
    }
}
