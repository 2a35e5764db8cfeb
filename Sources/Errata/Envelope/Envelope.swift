/// How an API's errors look on the wire.
///
/// Either RFC 9457 problem details (``Format/problem``) or the API's own JSON shape (``Format/json``), described
/// as a ``JSONTemplate`` over the variables ``EnvelopeVariable`` lists.
public struct Envelope: Hashable, Sendable {
    /// The envelope's format.
    public var format: Format
    /// The body template, for ``Format/json``.
    public var body: JSONTemplate?
    /// Extension members added to a problem, for ``Format/problem``; in the order written.
    public var extensions: [JSONTemplate.Member]
    /// How per-field errors are laid out, when the API reports them.
    public var fieldErrors: FieldErrorLayout?
    /// The media type, when the catalog overrides the format's default.
    public var declaredContentType: String?
    /// Further envelopes a server may offer by content negotiation (for example RFC 9457 next to an older shape).
    public var alternatives: [Envelope]

    /// Creates an envelope.
    public init(
        format: Format,
        body: JSONTemplate? = nil,
        extensions: [JSONTemplate.Member] = [],
        fieldErrors: FieldErrorLayout? = nil,
        contentType: String? = nil,
        alternatives: [Envelope] = []
    ) {
        self.format = format
        self.body = body
        self.extensions = extensions
        self.fieldErrors = fieldErrors
        self.declaredContentType = contentType
        self.alternatives = alternatives
    }

    /// RFC 9457 problem details with no extension members.
    public static let problem = Envelope(format: .problem)

    /// The media type error responses carry: the declared one, else `application/problem+json` for problems
    /// and `application/json` for JSON envelopes.
    public var contentType: String {
        if let declaredContentType { return declaredContentType }
        return format == .problem ? "application/problem+json" : "application/json"
    }

    /// Whether an occurrence's message reaches the wire: always for problems (`detail`), and for JSON envelopes
    /// when the body uses `{message}`.
    public var rendersMessage: Bool {
        switch format {
        case .problem: true
        default: body?.placeholders.contains { EnvelopeVariable($0.name) == .message } ?? false
        }
    }
}

extension Envelope {
    /// The wire format of an envelope.
    public struct Format: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, CaseIterable {
            case json, problem
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Creates a format from its catalog spelling; `nil` for anything else.
        public init?(rawValue: String) {
            guard let base = Base(rawValue: rawValue) else { return nil }
            self.base = base
        }

        /// The API's own JSON body, described by ``Envelope/body``.
        public static let json = Format(.json)
        /// RFC 9457 problem details (`application/problem+json`).
        public static let problem = Format(.problem)

        /// Every format.
        public static let allCases: [Format] = Base.allCases.map(Format.init)

        /// The catalog spelling.
        public var rawValue: String { base.rawValue }
        public var description: String { base.rawValue }
    }

    /// How per-field errors are laid out in an error body.
    public struct FieldErrorLayout: Hashable, Sendable {
        /// Keyed by field, a list, or a tree.
        public var layout: Layout
        /// The template of one field error, over the variables ``FieldErrorVariable`` lists.
        public var item: JSONTemplate
        /// For a ``Layout/tree``: the member that holds the errors of the field at its place in the tree.
        public var leaf: String
        /// The item's attributes the catalog describes, with their documented values.
        public var attributes: [FieldErrorAttribute]

        /// Creates a layout.
        public init(
            layout: Layout,
            item: JSONTemplate,
            leaf: String = Self.defaultLeaf,
            attributes: [FieldErrorAttribute] = []
        ) {
            self.layout = layout
            self.item = item
            self.attributes = attributes
            self.leaf = leaf
        }

        /// The member a tree's errors are in unless the catalog names another: `_errors`, as Discord and Zod's
        /// `format()` write them.
        public static let defaultLeaf = "_errors"

        /// Whether field errors are a map keyed by field, a list, or a tree of nested objects.
        public struct Layout: Hashable, Sendable, CustomStringConvertible {
            private enum Base: String, CaseIterable {
                case map, list, tree
            }

            private let base: Base

            private init(_ base: Base) {
                self.base = base
            }

            /// Creates a layout from its catalog spelling; `nil` for anything else.
            public init?(rawValue: String) {
                guard let base = Base(rawValue: rawValue) else { return nil }
                self.base = base
            }

            /// `{"name": [item, …]}`, as PluralKit reports model errors.
            public static let map = Layout(.map)
            /// `[item, …]`, each item naming its field (RFC 9457's `{"detail", "pointer"}` example).
            public static let list = Layout(.list)
            /// Nested objects, one level per part of a dotted field name, each field's errors in its
            /// ``FieldErrorLayout/leaf`` member: `{"activities": {"0": {"platform": {"_errors": [item, …]}}}}`, as
            /// Discord reports form errors.
            public static let tree = Layout(.tree)

            /// Every layout.
            public static let allCases: [Layout] = Base.allCases.map(Layout.init)

            /// The catalog spelling.
            public var rawValue: String { base.rawValue }
            public var description: String { base.rawValue }
        }
    }
}
