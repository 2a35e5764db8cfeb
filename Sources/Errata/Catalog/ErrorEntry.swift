public import HTTPTypes

/// One status or error an API can answer with, as its catalog declares it.
///
/// An entry is the contract for every occurrence of that error: its code and HTTP status on the wire, the
/// message template the occurrence's detail is rendered from, whether and when a client may retry, and the
/// headers the response carries.
public struct ErrorEntry: Hashable, Sendable {
    /// The entry's unique symbol in its catalog, in UpperCamelCase (`MemberRefNotFound`).
    public var name: String
    /// The code written in the error body, or `nil` when the HTTP status is the code.
    public var code: ErrorCode?
    /// The HTTP status of the response, or `nil` for entries that never travel over plain HTTP (WebSocket statuses).
    public var status: HTTPResponse.Status?
    /// Further statuses the API answers this error with (GitHub's primary rate limit comes on 403 or 429): a
    /// decoder recognises the entry on any of them; a renderer writes ``status``.
    public var otherStatuses: [HTTPResponse.Status]
    /// A short, stable summary (RFC 9457 `title`).
    public var title: String?
    /// The template an occurrence's message (RFC 9457 `detail`) is rendered from.
    public var message: MessageTemplate?
    /// The declared parameters, in the order written; empty when the catalog leaves them to be inferred.
    public var parameters: [ParameterDeclaration]
    /// When the entry can be returned; for documentation only.
    public var description: String?
    /// Whether this is an error, a success, or another non-error status.
    public var kind: Kind
    /// Who produces it: the server, or only the client (a server never sends such an entry).
    public var origin: Origin
    /// Whether a client may retry the request that produced it.
    public var retry: RetryRule
    /// Whether an occurrence may carry per-field errors.
    public var hasFieldErrors: Bool
    /// Headers every response for this entry carries, in the order written; values are templates over the
    /// entry's parameters.
    public var headers: [Header]
    /// Whether the entry is deprecated: still answered, but clients should stop depending on it.
    public var isDeprecated: Bool
    /// The name of the group the entry belongs to, when it names one explicitly.
    public var group: String?
    /// The entry's own documentation URL, in place of the catalog's ``ErrorCatalog/docs`` template for it. It is
    /// also the entry's problem type (RFC 9457 `type`, the `{type}` variable): a decoder takes a body whose `type`
    /// is another URI for another error.
    public var docs: String?
    /// Lint rules silenced on this entry, on purpose.
    public var lintAllowances: LintAllowances?

    /// Creates an entry.
    public init(
        name: String,
        code: ErrorCode? = nil,
        status: HTTPResponse.Status? = nil,
        otherStatuses: [HTTPResponse.Status] = [],
        title: String? = nil,
        message: MessageTemplate? = nil,
        parameters: [ParameterDeclaration] = [],
        description: String? = nil,
        kind: Kind = .error,
        origin: Origin = .server,
        retry: RetryRule = .never,
        hasFieldErrors: Bool = false,
        headers: [Header] = [],
        isDeprecated: Bool = false,
        group: String? = nil,
        docs: String? = nil,
        lintAllowances: LintAllowances? = nil
    ) {
        self.name = name
        self.code = code
        self.status = status
        self.otherStatuses = otherStatuses
        self.title = title
        self.message = message
        self.parameters = parameters
        self.description = description
        self.kind = kind
        self.origin = origin
        self.retry = retry
        self.hasFieldErrors = hasFieldErrors
        self.headers = headers
        self.isDeprecated = isDeprecated
        self.group = group
        self.docs = docs
        self.lintAllowances = lintAllowances
    }

    /// Every status the API answers this error with: ``status``, then ``otherStatuses``; empty without a status.
    public var statuses: [HTTPResponse.Status] {
        status.map { [$0] + otherStatuses } ?? []
    }

    /// Whether the API answers this error with the status `code`: its ``status`` or one of its ``otherStatuses``.
    public func isSent(withStatus code: Int) -> Bool {
        status?.code == code || otherStatuses.contains { $0.code == code }
    }

    /// The names of every parameter the entry uses: the declared ones, or else those its message and header
    /// templates mention, in order of first use.
    public var parameterNames: [String] {
        if !parameters.isEmpty { return parameters.map(\.name) }
        return usedParameterNames
    }

    /// The declared parameters' constants (``ParameterDeclaration/constant``), by name; empty when none has one.
    package var constants: [String: String] {
        var constants: [String: String] = [:]
        for parameter in parameters {
            if let constant = parameter.constant { constants[parameter.name] = constant }
        }
        return constants
    }

    /// The parameter names its message and header templates mention, in order of first use.
    public var usedParameterNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        let templates = [message].compactMap { $0 } + headers.map(\.value)
        for template in templates {
            for name in template.parameterNames where seen.insert(name).inserted {
                names.append(name)
            }
        }
        return names
    }
}

extension ErrorEntry {
    /// A header a response for an entry carries; its value is a template over the entry's parameters.
    public struct Header: Hashable, Sendable {
        /// The field name, as written in the catalog.
        public var name: String
        /// The value template.
        public var value: MessageTemplate

        /// Creates a header.
        public init(name: String, value: MessageTemplate) {
            self.name = name
            self.value = value
        }
    }

    /// Lint rules an entry silences on itself, and why.
    public struct LintAllowances: Hashable, Sendable {
        /// The rule identifiers (`shared-code`).
        public var rules: [String]
        /// Why the rules do not apply here; required, so that the exception is reviewed like code.
        public var reason: String

        /// Creates a set of allowances.
        public init(rules: [String], reason: String) {
            self.rules = rules
            self.reason = reason
        }
    }
}
