/// The code an API puts in its error body to identify an error: an integer (`20003`) or a string (`"NOT_FOUND"`).
///
/// A code is not unique on its own: PluralKit answers code `0` with four different HTTP statuses. Entries of an
/// ``ErrorCatalog`` are identified by their ``ErrorEntry/name``; the code is what goes on the wire.
public enum ErrorCode: Hashable, Sendable {
    /// An integer code, written on the wire as a JSON number.
    case integer(Int)
    /// A string code, written on the wire as a JSON string.
    case string(String)

    /// The integer value, if this is an integer code.
    public var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }
}

extension ErrorCode: CustomStringConvertible {
    /// The code as text: `20003` or `NOT_FOUND`.
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .string(let value): value
        }
    }
}

extension ErrorCode: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) {
        self = .integer(value)
    }

    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
