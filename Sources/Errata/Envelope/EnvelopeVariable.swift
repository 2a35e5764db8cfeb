/// A variable an envelope's body or extension template may use: what the renderer fills in and the decoder reads
/// back.
///
/// The catalog spells a variable as a placeholder, `{code}` or `{params.memberID}`; ``init(_:)`` parses that
/// spelling, and the loader refuses any it cannot parse, so every template of a loaded catalog names only these.
/// The renderer, the decoder and the generators switch over this type without a `default`, so a new case is a
/// compile error in every place that must handle it.
public enum EnvelopeVariable: Hashable, Sendable, CustomStringConvertible {
    /// The entry's code, an integer or a string as the catalog writes it.
    case code
    /// The entry's name.
    case name
    /// The HTTP status code.
    case status
    /// The HTTP status's reason phrase.
    case reason
    /// The entry's title (for problems: the reason phrase when the type is `about:blank`).
    case title
    /// The occurrence's message, its template filled in.
    case message
    /// The problem type URI: the catalog's docs URL for the entry, else `about:blank`.
    case type
    /// The occurrence's instance URI.
    case instance
    /// The per-field errors, laid out as the envelope's ``Envelope/FieldErrorLayout`` says.
    case errors
    /// Free-form details the occurrence carries.
    case details
    /// The retry delay, in whole seconds rounded up.
    case retryAfterSeconds
    /// The retry delay, in whole milliseconds rounded up.
    case retryAfterMilliseconds
    /// The retry delay, in seconds with up to three decimals, rounded up to the millisecond: `64.57` (Discord's
    /// `retry_after`).
    case retryAfterDecimalSeconds
    /// The id of the request the error answers (WebSocket status packets).
    case requestID
    /// The occurrence's value of one of the entry's parameters: `{params.NAME}`.
    case parameter(String)

    /// Every variable but ``parameter(_:)``, in the order the catalog reference lists them.
    public static let named: [EnvelopeVariable] = [
        .code, .name, .status, .reason, .title, .message, .type, .instance, .errors, .details, .retryAfterSeconds,
        .retryAfterMilliseconds, .retryAfterDecimalSeconds, .requestID,
    ]

    /// Parses a placeholder's name: `code`, `retryAfterSeconds`, `params.NAME`, …; `nil` for anything else.
    public init?(_ name: String) {
        switch name {
        case "code": self = .code
        case "name": self = .name
        case "status": self = .status
        case "reason": self = .reason
        case "title": self = .title
        case "message": self = .message
        case "type": self = .type
        case "instance": self = .instance
        case "errors": self = .errors
        case "details": self = .details
        case "retryAfterSeconds": self = .retryAfterSeconds
        case "retryAfterMilliseconds": self = .retryAfterMilliseconds
        case "retryAfterDecimalSeconds": self = .retryAfterDecimalSeconds
        case "requestID": self = .requestID
        default:
            guard let parameter = Self.suffix(of: name, after: "params.") else { return nil }
            self = .parameter(parameter)
        }
    }

    /// The placeholder name, as the catalog writes it.
    public var description: String {
        switch self {
        case .code: "code"
        case .name: "name"
        case .status: "status"
        case .reason: "reason"
        case .title: "title"
        case .message: "message"
        case .type: "type"
        case .instance: "instance"
        case .errors: "errors"
        case .details: "details"
        case .retryAfterSeconds: "retryAfterSeconds"
        case .retryAfterMilliseconds: "retryAfterMilliseconds"
        case .retryAfterDecimalSeconds: "retryAfterDecimalSeconds"
        case .requestID: "requestID"
        case .parameter(let name): "params.\(name)"
        }
    }

    /// The text after `prefix` when `name` is `prefix` and a non-empty name without dots.
    static func suffix(of name: String, after prefix: String) -> String? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.dropFirst(prefix.count)
        guard !rest.isEmpty, !rest.contains(".") else { return nil }
        return String(rest)
    }
}
