/// A JSON value with holes, as an envelope's `body` describes an error body.
///
/// Written in the catalog as a YAML or JSON tree. A string that is exactly `{var}` becomes ``value(_:)`` and
/// inserts the variable with its own JSON type (a number stays a number, absent renders `null`); `{var?}` leaves
/// its member out when the value is absent; a string with text around placeholders is ``string(_:)``, an
/// interpolated JSON string. Object members keep the order written.
public indirect enum JSONTemplate: Hashable, Sendable {
    /// An object; members in the order written.
    case object([Member])
    /// An array.
    case array([JSONTemplate])
    /// A JSON string, constant or interpolated.
    case string(MessageTemplate)
    /// A whole value taken from a variable, with the variable's own JSON type.
    case value(MessageTemplate.Placeholder)
    /// A number, kept as written.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// An object member.
    public struct Member: Hashable, Sendable {
        /// The member name.
        public var key: String
        /// The member value.
        public var value: JSONTemplate
        /// Whether the member, an object whose members may all be left out, is left out itself when none of them
        /// is written, instead of being written as `{}` (Kubernetes leaves `details` out so). The catalog writes
        /// the name with a `?`: `details?: {name: "{params.name?}"}`.
        public var isOptional: Bool

        /// Creates a member.
        public init(key: String, value: JSONTemplate, isOptional: Bool = false) {
            self.key = key
            self.value = value
            self.isOptional = isOptional
        }

        /// Whether a rendered body may lack the member: an optional placeholder (`{var?}`) or an optional object.
        public var mayBeLeftOut: Bool {
            if isOptional { return true }
            if case .value(let placeholder) = value { return placeholder.isOptional }
            return false
        }
    }

    /// Every placeholder in the tree, depth first in the order written.
    public var placeholders: [MessageTemplate.Placeholder] {
        var result: [MessageTemplate.Placeholder] = []
        collectPlaceholders(into: &result)
        return result
    }

    private func collectPlaceholders(into result: inout [MessageTemplate.Placeholder]) {
        switch self {
        case .object(let members):
            for member in members { member.value.collectPlaceholders(into: &result) }
        case .array(let elements):
            for element in elements { element.collectPlaceholders(into: &result) }
        case .string(let template):
            for case .placeholder(let placeholder) in template.segments { result.append(placeholder) }
        case .value(let placeholder):
            result.append(placeholder)
        case .number, .bool, .null:
            break
        }
    }
}
