/// A variable a field error's item template may use (``Envelope/FieldErrorLayout/item``).
///
/// Parsed from the placeholder's name as ``EnvelopeVariable`` is; the loader refuses any other name.
public enum FieldErrorVariable: Hashable, Sendable, CustomStringConvertible {
    /// The field's name.
    case field
    /// A JSON Pointer to the field (RFC 6901), derived from its name when the occurrence gives none.
    case pointer
    /// What is wrong with the field.
    case message
    /// One of the field error's attributes: `{attributes.NAME}`.
    case attribute(String)

    /// Every variable but ``attribute(_:)``.
    public static let named: [FieldErrorVariable] = [.field, .pointer, .message]

    /// Parses a placeholder's name: `field`, `pointer`, `message` or `attributes.NAME`; `nil` for anything else.
    public init?(_ name: String) {
        switch name {
        case "field": self = .field
        case "pointer": self = .pointer
        case "message": self = .message
        default:
            guard let attribute = EnvelopeVariable.suffix(of: name, after: "attributes.") else { return nil }
            self = .attribute(attribute)
        }
    }

    /// The placeholder name, as the catalog writes it.
    public var description: String {
        switch self {
        case .field: "field"
        case .pointer: "pointer"
        case .message: "message"
        case .attribute(let name): "attributes.\(name)"
        }
    }
}
