/// A JSON value with holes, as an envelope's `body` describes an error body.
///
/// Written in the catalog as a YAML or JSON tree. A string that is exactly `{var}` becomes ``value(_:)`` and
/// inserts the variable with its own JSON type (a number stays a number, absent renders `null`); `{var?}` leaves
/// its member out when the value is absent; a string with text around placeholders is ``string(_:)``, an
/// interpolated JSON string, and so is `{var:string}`, one variable written as a string (GitHub's
/// `"status": "401"`). Object members keep the order written.
///
/// A member written with a `?` after its name is left out when nothing in it is written: an object whose members
/// may all be left out (`details?: {name: "{params.name?}"}`), or an array of *tagged* objects, each told apart by
/// its constant members, its tag (Google's `details?: [{"@type": "…ErrorInfo", reason: "{params.reason?}"}, …]`).
/// In such an array each object is written only when one of its placeholders has a value, and a decoder matches
/// each object of a body to the template's object with the same tag, in any order, ignoring objects of other tags.
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
        /// Whether the member is left out when nothing in it is written: an object whose members may all be left
        /// out, instead of being written as `{}` (Kubernetes leaves `details` out so), or an array of tagged objects,
        /// each written only when one of its placeholders has a value (Google's `details`). The catalog writes the
        /// name with a `?`: `details?: {name: "{params.name?}"}`.
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

    /// The value every rendering writes, when the tree has no placeholder; `nil` when it has one.
    public var constantValue: JSONValue? {
        switch self {
        case .object(let members):
            var values: [JSONValue.Member] = []
            for member in members {
                guard let value = member.value.constantValue else { return nil }
                values.append(JSONValue.Member(member.key, value))
            }
            return .object(values)
        case .array(let elements):
            var values: [JSONValue] = []
            for element in elements {
                guard let value = element.constantValue else { return nil }
                values.append(value)
            }
            return .array(values)
        case .string(let template):
            guard template.isConstant else { return nil }
            var text = ""
            for case .literal(let literal) in template.segments { text += literal }
            return .string(text)
        case .value: return nil
        case .number(let text): return .number(text)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        }
    }

    /// An object's tag: its members with a constant value, which tell it apart from the other objects of an
    /// optional array (`"@type": "type.googleapis.com/google.rpc.RetryInfo"`). Empty for other values.
    public var tag: [JSONValue.Member] {
        guard case .object(let members) = self else { return [] }
        return members.compactMap { member in member.value.constantValue.map { JSONValue.Member(member.key, $0) } }
    }

    /// The tag as the reference pages and `errata diff` name an element by it, in a path:
    /// `@type=type.googleapis.com/google.rpc.RetryInfo`.
    package var tagDescription: String {
        tag.map { "\($0.key)=\($0.value.text)" }.joined(separator: ",")
    }

    /// Whether `value` is an object carrying this object's tag, every member of it with the same value.
    public func isTag(of value: JSONValue) -> Bool {
        let tag = tag
        return !tag.isEmpty && tag.allSatisfy { value[$0.key] == $0.value }
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
