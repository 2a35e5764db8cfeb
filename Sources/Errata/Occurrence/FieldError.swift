/// A problem with one field of a request, reported inside an error (PluralKit's model errors, RFC 9457's
/// `errors` example).
public struct FieldError: Hashable, Sendable {
    /// The field's name as the client sent it (`name`, `proxy_tags.0.prefix`).
    public var field: String
    /// What is wrong with it.
    public var message: String
    /// A JSON Pointer to the field (`#/name`); derived from `field` when not given.
    public var pointer: String?
    /// More facts about the problem (`max_length: 100`), in order.
    public var attributes: [JSONValue.Member]

    /// Creates a field error.
    public init(field: String, message: String, pointer: String? = nil, attributes: [JSONValue.Member] = []) {
        self.field = field
        self.message = message
        self.pointer = pointer
        self.attributes = attributes
    }

    /// The pointer given, else `#/` followed by the field with `~` and `/` escaped (RFC 6901).
    public var resolvedPointer: String {
        if let pointer { return pointer }
        let escaped = field.replacing("~", with: "~0").replacing("/", with: "~1")
        return "#/" + escaped
    }

    /// The attribute named `name`.
    public func attribute(_ name: String) -> JSONValue? {
        attributes.first { $0.key == name }?.value
    }
}
