/// A parameter of an entry's message template, as the catalog declares it.
public struct ParameterDeclaration: Hashable, Sendable {
    /// The name used in templates (`memberRef` in `{memberRef}`).
    public var name: String
    /// The type of the value, for documentation, generated code and schema.
    public var type: ParameterType
    /// What the value is.
    public var description: String?
    /// The value every occurrence of the entry has (`const` in the catalog), as text in the parameter's type;
    /// `nil` when occurrences give it.
    ///
    /// A constant is how an entry fixes a member that the shared envelope template writes from a parameter, such
    /// as Stripe's `type` (`card_error`) beside its `code`. Occurrences need not pass it (passing another value is
    /// an ``APIError/ConstructionError``), the renderer writes it as part of the entry's fixed bytes, and the decoder
    /// recognises the entry only in a body whose member has this value.
    public var constant: String?
    /// The values the API documents for the parameter (Stripe's decline codes), in the order written: a set that
    /// stays open, for the reference pages and schemas; an occurrence may give any value.
    public var values: [DocumentedValue]

    /// Creates a declaration.
    public init(
        name: String,
        type: ParameterType = .string,
        description: String? = nil,
        constant: String? = nil,
        values: [DocumentedValue] = []
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.constant = constant
        self.values = values
    }
}

/// The type of a template parameter's value.
public struct ParameterType: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String, CaseIterable {
        case string, integer, number, boolean
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    /// Creates a type from its catalog spelling; `nil` for anything else.
    public init?(rawValue: String) {
        guard let base = Base(rawValue: rawValue) else { return nil }
        self.base = base
    }

    /// Text. The default.
    public static let string = ParameterType(.string)
    /// A whole number.
    public static let integer = ParameterType(.integer)
    /// Any JSON number.
    public static let number = ParameterType(.number)
    /// `true` or `false`.
    public static let boolean = ParameterType(.boolean)

    /// Every type.
    public static let allCases: [ParameterType] = Base.allCases.map(ParameterType.init)

    /// The catalog spelling.
    public var rawValue: String { base.rawValue }
    public var description: String { base.rawValue }

    /// A value of this type as JSON: unquoted when `text` is a literal of the type (``isLiteral(_:)``), else a
    /// string.
    package func jsonValue(_ text: String) -> JSONValue {
        guard isLiteral(text) else { return .string(text) }
        return base == .boolean ? .bool(text == "true") : .number(text)
    }

    /// Whether `text` is a JSON literal of this type, which a body writes unquoted: `402` for an integer,
    /// `true` for a boolean. Always `false` for ``string``.
    package func isLiteral(_ text: String) -> Bool {
        switch base {
        // `Int` also reads `+5` and `007`, which are not JSON.
        case .integer: Int(text) != nil && JSONParser.isNumber(text)
        case .number: JSONParser.isNumber(text)
        case .boolean: text == "true" || text == "false"
        case .string: false
        }
    }
}
