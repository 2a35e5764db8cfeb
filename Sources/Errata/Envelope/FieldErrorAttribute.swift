/// A field error attribute the catalog describes (`attributes.code` of GitHub's validation errors): what it
/// means, and the values the API documents for it.
///
/// The values document a set that stays open, as codes do: a newer server may send another, so the renderer and
/// decoder take any value, and generated schemas list the documented ones as examples, never as an `enum`.
public struct FieldErrorAttribute: Hashable, Sendable {
    /// The attribute's name, as `{attributes.NAME}` in the item template names it.
    public var name: String
    /// What the attribute holds.
    public var description: String?
    /// The documented values, in the order written.
    public var values: [Value]

    /// One documented value.
    public struct Value: Hashable, Sendable {
        /// The value as sent: `missing_field`.
        public var value: String
        /// What it means.
        public var description: String?

        /// Creates a value.
        public init(_ value: String, description: String? = nil) {
            self.value = value
            self.description = description
        }
    }

    /// Creates an attribute description.
    public init(name: String, description: String? = nil, values: [Value] = []) {
        self.name = name
        self.description = description
        self.values = values
    }
}
