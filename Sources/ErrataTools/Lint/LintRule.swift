/// A check `errata lint` runs on a catalog, with a stable identifier and a default severity.
///
/// An entry can silence a rule on itself, with a reason: `lint: { allow: [shared-code], reason: "…" }`.
public struct LintRule: Hashable, Sendable, CustomStringConvertible {
    /// The stable identifier used in output and in `lint.allow`.
    public let id: String
    /// How serious a finding is by default.
    public let severity: Diagnostic.Severity
    /// What the rule checks, in one line.
    public let summary: String

    private init(_ id: String, _ severity: Diagnostic.Severity, _ summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }

    public var description: String { id }

    /// Two entries, close codes or operations share a name.
    public static let duplicateName = LintRule("duplicate-name", .error, "names are unique")
    /// Two entries share both code and status, so nothing on the wire tells them apart.
    public static let duplicateCode = LintRule(
        "duplicate-code",
        .error,
        "no two entries share code and status (entries without a code: status and message)"
    )
    /// One code is answered with several statuses.
    public static let sharedCode = LintRule(
        "shared-code",
        .info,
        "a code shared by several statuses: clients must use the status to tell them apart"
    )
    /// An error on a 1xx/2xx status, or a success on a 4xx/5xx one.
    public static let kindStatusMismatch = LintRule(
        "kind-status-mismatch",
        .warning,
        "error entries use 4xx/5xx statuses and success entries 1xx–3xx"
    )
    /// A status the HTTP registry does not know.
    public static let unknownStatus = LintRule("unknown-status", .warning, "statuses are in the IANA registry")
    /// A status that is in common use but not IANA-registered.
    public static let unofficialStatus = LintRule(
        "unofficial-status",
        .info,
        "a status that is not IANA-registered: some clients and proxies treat it as its class's x00"
    )
    /// A placeholder that is not a declared parameter.
    public static let undeclaredParameter = LintRule(
        "undeclared-parameter",
        .error,
        "every placeholder is a declared parameter (when parameters are declared)"
    )
    /// A declared parameter no template uses.
    public static let unusedParameter = LintRule(
        "unused-parameter",
        .warning,
        "every declared parameter is used by the message or a header"
    )
    /// An error without a message where the envelope sends one.
    public static let missingMessage = LintRule(
        "missing-message",
        .warning,
        "error entries have a message when the envelope sends one"
    )
    /// A status whose response must or should carry a header the entry does not declare.
    public static let missingRequiredHeader = LintRule(
        "missing-required-header",
        .warning,
        "401 has WWW-Authenticate, 407 Proxy-Authenticate, 405 Allow, 3xx Location, 426 Upgrade"
    )
    /// An entry that declares `Content-Length` or `Transfer-Encoding`, which the renderer leaves out.
    public static let framingHeader = LintRule(
        "framing-header",
        .warning,
        "entries declare no Content-Length or Transfer-Encoding: the server frames the body"
    )
    /// 429 or 503 without `retry: after`.
    public static let missingRetryAfter = LintRule(
        "missing-retry-after",
        .warning,
        "429 and 503 entries say `retry: after`"
    )
    /// `retry: after` or `immediately` on a status that repeating the request cannot fix.
    public static let retryNotRetryable = LintRule(
        "retry-not-retryable",
        .warning,
        "retry rules only on statuses a client may retry (408, 421, 425, 429, 500, 502, 503, 504)"
    )
    /// A client-origin entry listed among an operation's answers.
    public static let clientOriginInOperation = LintRule(
        "client-origin-in-operation",
        .error,
        "operations list only entries a server sends"
    )
    /// An integer code outside its group's range.
    public static let codeOutsideGroup = LintRule(
        "code-outside-group",
        .warning,
        "integer codes fall in their group's range (when groups are declared)"
    )
    /// An operation or group naming something the catalog does not have.
    public static let unknownReference = LintRule(
        "unknown-reference",
        .error,
        "operations and entries name only entries and groups the catalog declares"
    )
    /// A close code reserved for the protocol, or one that must never be sent.
    public static let reservedCloseCode = LintRule(
        "reserved-close-code",
        .error,
        "catalog close codes are 3000–4999 and never 1005, 1006 or 1015"
    )
    /// A close reason longer than a Close frame holds.
    public static let closeReasonTooLong = LintRule(
        "close-reason-too-long",
        .error,
        "close reasons are at most 123 bytes of UTF-8"
    )
    /// A 5xx message with parameters, which may carry internal details to clients.
    public static let serverErrorParameters = LintRule(
        "server-error-parameters",
        .warning,
        "5xx messages have no parameters (they risk leaking internals)"
    )
    /// A `docs` template that is malformed or uses an unknown placeholder.
    public static let malformedDocs = LintRule(
        "malformed-docs",
        .error,
        "`docs` is a URL template over {code}, {name} and {status}"
    )

    /// Every rule, in the order `errata lint --rules` lists them.
    public static let all: [LintRule] = [
        .duplicateName, .duplicateCode, .sharedCode, .kindStatusMismatch, .unknownStatus, .unofficialStatus,
        .undeclaredParameter, .unusedParameter, .missingMessage, .missingRequiredHeader, .framingHeader,
        .missingRetryAfter, .retryNotRetryable, .clientOriginInOperation, .codeOutsideGroup, .unknownReference,
        .reservedCloseCode, .closeReasonTooLong, .serverErrorParameters, .malformedDocs,
    ]

    /// The rule with this identifier.
    public static func named(_ id: String) -> LintRule? {
        all.first { $0.id == id }
    }
}
