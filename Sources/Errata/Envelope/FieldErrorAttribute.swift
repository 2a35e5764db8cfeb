/// A field error attribute the catalog describes (`attributes.code` of GitHub's validation errors): what it
/// means, and the values the API documents for it.
///
/// The values document a set that stays open (``DocumentedValue``).
public struct FieldErrorAttribute: Hashable, Sendable {
    /// The attribute's name, as `{attributes.NAME}` in the item template names it.
    public var name: String
    /// What the attribute holds.
    public var description: String?
    /// The documented values, in the order written.
    public var values: [DocumentedValue]

    /// Creates an attribute description.
    public init(name: String, description: String? = nil, values: [DocumentedValue] = []) {
        self.name = name
        self.description = description
        self.values = values
    }
}
