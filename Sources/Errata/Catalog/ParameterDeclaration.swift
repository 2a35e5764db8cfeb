/// A parameter of an entry's message template, as the catalog declares it.
public struct ParameterDeclaration: Hashable, Sendable {
    /// The name used in templates (`memberRef` in `{memberRef}`).
    public var name: String
    /// The type of the value, for documentation, generated code and schema.
    public var type: ParameterType
    /// What the value is.
    public var description: String?

    /// Creates a declaration.
    public init(name: String, type: ParameterType = .string, description: String? = nil) {
        self.name = name
        self.type = type
        self.description = description
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
}
