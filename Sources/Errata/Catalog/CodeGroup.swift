/// A named range of codes (`Not found: 20001...20999`), for documentation and lint.
public struct CodeGroup: Hashable, Sendable {
    /// The group's name, as headings show it.
    public var name: String
    /// The integer codes the group holds.
    public var codes: ClosedRange<Int>
    /// What the group's codes have in common.
    public var description: String?

    /// Creates a group.
    public init(name: String, codes: ClosedRange<Int>, description: String? = nil) {
        self.name = name
        self.codes = codes
        self.description = description
    }
}
