/// One match of a ``Regex``: the whole match and each capture group as code-point ranges.
public struct RegexMatch: Sendable, Equatable {
    /// The whole match.
    public let range: Range<Int>
    /// Capture groups by number (index 0 is the whole match); `nil` where the group did not take part.
    public let groups: [Range<Int>?]
    let groupNumbers: [String: Int]

    /// The range of a named group, `nil` when the pattern has no such group or it did not take part.
    public func range(named name: String) -> Range<Int>? {
        guard let number = groupNumbers[name], number < groups.count else { return nil }
        return groups[number]
    }
}
