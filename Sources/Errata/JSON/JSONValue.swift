/// A JSON value that keeps what the wire said: member order, and numbers as written.
///
/// Used for an occurrence's free-form `details`, field error attributes, request ids, and the raw members of a
/// decoded error body. Numbers keep their text so that `1.0` and `1e3` round-trip byte for byte.
public indirect enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its JSON text (`42`, `-1.5e3`).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in order.
    case object([Member])

    /// An object member.
    public struct Member: Hashable, Sendable {
        /// The member name.
        public var key: String
        /// The member value.
        public var value: JSONValue

        /// Creates a member.
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// A number from an integer.
    public static func integer(_ value: Int) -> JSONValue {
        .number(String(value))
    }

    /// The value of the first member named `key`, for objects.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, for strings.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer a number spells exactly (`42`, not `4.2`), for numbers.
    public var integerValue: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    /// The number as a `Double`, for numbers.
    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        self == .null
    }

    /// The value as text for message and header templates: strings as they are, other values as compact JSON.
    public var text: String {
        if case .string(let value) = self { return value }
        var writer = JSONWriter()
        writer.write(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

// Not `ExpressibleByNilLiteral`: `nil` must keep meaning "absent" for `JSONValue?`, never `.null`.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    public init(integerLiteral value: Int) {
        self = .number(String(value))
    }

    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON.
    public var description: String {
        var writer = JSONWriter()
        writer.write(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
