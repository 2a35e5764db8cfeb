public import HTTPTypes

/// Facts about one HTTP status code: its reason phrase, where it is defined, what it means, and what a response
/// with it must, should or may carry.
///
/// Definitions come from ``HTTPStatusRegistry``; look one up with ``HTTPStatusRegistry/definition(for:)`` or
/// ``HTTPTypes/HTTPResponse/Status/definition``.
///
/// ```swift
/// let definition = HTTPResponse.Status.tooManyRequests.definition
/// print(definition?.reference ?? "")  // RFC 6585, Section 4
/// ```
///
/// https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml
public struct HTTPStatusDefinition: Sendable, Hashable, CustomStringConvertible {
    /// The 3-digit status code, in `100...599`.
    public var code: Int

    /// The reason phrase, as the defining RFC or the IANA registry spells it (`Too Many Requests`).
    ///
    /// For 418 this is RFC 2324's `I'm a teapot`, the phrase in use, although IANA lists the code as `(Unused)`.
    public var reasonPhrase: String

    /// Whether the code is in the IANA HTTP Status Code Registry, and if not, who uses it.
    public var registration: Registration

    /// The defining reference, with its section where it has one (`RFC 9110, Section 15.5.20`, `RFC 6585,
    /// Section 4`), or the authority's name for an unofficial code (`nginx`).
    public var reference: String

    /// What the code means, in one or two sentences.
    public var meaning: String

    /// Whether a response with this code can carry content.
    ///
    /// `false` for 1xx, 204 (No Content) and 304 (Not Modified), which never include content whatever their
    /// framing header fields say (RFC 9110, Section 6.4.1); `true` for every other code. The request can
    /// still rule content out: a response to HEAD, or a 2xx response to CONNECT, has none.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110.html#section-6.4.1
    public var mayHaveContent: Bool

    /// Whether a cache may store and reuse a response with this code under heuristic freshness, that is,
    /// without explicit freshness information such as `Cache-Control: max-age`.
    ///
    /// RFC 9110, Section 15.1 makes 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414 and 501 heuristically
    /// cacheable; RFC 7725, Section 3 adds 451. Every other code is cacheable only with explicit freshness.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110.html#section-15.1
    public var isHeuristicallyCacheable: Bool

    /// The header fields a response with this code must, should or may carry, as its defining document words it.
    public var headers: [HeaderRequirement]

    /// Whether a client may repeat the same request, possibly after a delay or on a new connection, and expect
    /// a different outcome.
    ///
    /// `true` for 408, 421 (on a new connection), 425 (after the TLS handshake), 429, 500, 502, 503 and 504, and
    /// for the unofficial codes that report a rate limit or a transient failure between a proxy and its upstream.
    /// A client should still repeat only requests that are safe to repeat, such as idempotent ones, and honour
    /// `Retry-After` where the response carries it.
    public var isRetryable: Bool

    /// Creates a definition.
    ///
    /// - Parameters:
    ///   - code: The 3-digit status code, in `100...599`.
    ///   - reasonPhrase: The reason phrase.
    ///   - registration: Whether the code is registered with IANA, and if not, who uses it.
    ///   - reference: The defining reference.
    ///   - meaning: What the code means, in one or two sentences.
    ///   - mayHaveContent: Whether a response with this code can carry content.
    ///   - isHeuristicallyCacheable: Whether a cache may reuse such a response under heuristic freshness.
    ///   - headers: The header fields such a response must, should or may carry.
    ///   - isRetryable: Whether a client may repeat the same request and expect a different outcome.
    public init(
        code: Int,
        reasonPhrase: String,
        registration: Registration,
        reference: String,
        meaning: String,
        mayHaveContent: Bool,
        isHeuristicallyCacheable: Bool,
        headers: [HeaderRequirement],
        isRetryable: Bool
    ) {
        precondition((100...599).contains(code), "Invalid status code \(code)")
        self.code = code
        self.reasonPhrase = reasonPhrase
        self.registration = registration
        self.reference = reference
        self.meaning = meaning
        self.mayHaveContent = mayHaveContent
        self.isHeuristicallyCacheable = isHeuristicallyCacheable
        self.headers = headers
        self.isRetryable = isRetryable
    }

    /// The class of the code, from its first digit.
    public var statusClass: HTTPStatusClass {
        guard let statusClass = HTTPStatusClass(code: self.code) else {
            preconditionFailure("Invalid status code \(self.code)")
        }
        return statusClass
    }

    /// The code and reason phrase as a swift-http-types status.
    public var status: HTTPResponse.Status {
        HTTPResponse.Status(code: self.code, reasonPhrase: self.reasonPhrase)
    }

    /// The code followed by its reason phrase: `429 Too Many Requests`.
    public var description: String {
        "\(self.code) \(self.reasonPhrase)"
    }
}

extension HTTPStatusDefinition {
    /// Whether a status code is in the IANA HTTP Status Code Registry and in what state, or who uses it if not.
    public struct Registration: Sendable, Hashable, CustomStringConvertible {
        private enum State: Hashable, Sendable {
            case assigned
            case reserved
            case obsoleted
            case unofficial
        }

        private let state: State

        /// Who assigned or uses the code: `IANA` for registered codes, otherwise the software or company whose
        /// code it is (`nginx`, `Cloudflare`).
        public let authority: String

        private init(state: State, authority: String) {
            self.state = state
            self.authority = authority
        }

        /// In the IANA HTTP Status Code Registry, with a meaning assigned.
        public static let iana = Registration(state: .assigned, authority: "IANA")

        /// In the IANA HTTP Status Code Registry as `(Unused)`: reserved, so that nothing else can be assigned
        /// to it (306 and 418).
        public static let reserved = Registration(state: .reserved, authority: "IANA")

        /// In the IANA HTTP Status Code Registry, but marked `OBSOLETED` (510).
        public static let obsoleted = Registration(state: .obsoleted, authority: "IANA")

        /// Not in the IANA registry, but in common use by the named software or company.
        ///
        /// - Parameter authority: Who defines or uses the code (`nginx`, `Cloudflare`).
        /// - Returns: An unofficial registration.
        public static func unofficial(_ authority: String) -> Registration {
            Registration(state: .unofficial, authority: authority)
        }

        /// Whether the code is in the IANA HTTP Status Code Registry, whatever its state there.
        public var isRegistered: Bool {
            self.state != .unofficial
        }

        /// Whether IANA lists the code as `(Unused)`, reserving it.
        public var isReserved: Bool {
            self.state == .reserved
        }

        /// Whether IANA marks the code `OBSOLETED`.
        public var isObsoleted: Bool {
            self.state == .obsoleted
        }

        /// `IANA`, `IANA (reserved)`, `IANA (obsoleted)` or `unofficial (nginx)`.
        public var description: String {
            switch self.state {
            case .assigned:
                return self.authority
            case .reserved:
                return "\(self.authority) (reserved)"
            case .obsoleted:
                return "\(self.authority) (obsoleted)"
            case .unofficial:
                return "unofficial (\(self.authority))"
            }
        }
    }
}

extension HTTPStatusDefinition {
    /// A header field that a response with a given status code must, should or may carry.
    public struct HeaderRequirement: Sendable, Hashable {
        /// The header field's name.
        public var name: HTTPField.Name

        /// How strongly the defining document asks for the field.
        public var level: Level

        /// When and why the field is sent, in one line, ending with the section that says so.
        public var note: String

        /// Creates a header requirement.
        ///
        /// - Parameters:
        ///   - name: The header field's name.
        ///   - level: How strongly the defining document asks for the field.
        ///   - note: When and why the field is sent, ending with the section that says so.
        public init(name: HTTPField.Name, level: Level, note: String) {
            self.name = name
            self.level = level
            self.note = note
        }

        /// An RFC 2119 requirement level, spelled as the RFCs spell it.
        ///
        /// https://www.rfc-editor.org/rfc/rfc2119.html
        public enum Level: String, Sendable, Hashable {
            /// The response must carry the field (`MUST`).
            case must = "MUST"
            /// The response should carry the field unless there is a good reason not to (`SHOULD`).
            case should = "SHOULD"
            /// The response may carry the field (`MAY`, or an optional field the text describes without a
            /// keyword).
            case may = "MAY"
        }
    }
}

/// The class of an HTTP status code, given by its first digit (RFC 9110, Section 15).
///
/// Like swift-http-types' `HTTPResponse.Status.Kind`, but an open struct with a description. There are exactly
/// five classes; codes outside `100...599` have none.
///
/// https://www.rfc-editor.org/rfc/rfc9110.html#section-15
public struct HTTPStatusClass: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    /// The first digit of the codes in the class, `1...5`.
    public let rawValue: Int

    /// Creates a status class from the first digit of its codes.
    ///
    /// - Parameter rawValue: The first digit, `1...5`.
    /// - Returns: `nil` when the digit is not in `1...5`.
    public init?(rawValue: Int) {
        guard (1...5).contains(rawValue) else {
            return nil
        }
        self.rawValue = rawValue
    }

    /// Creates the status class of a status code.
    ///
    /// - Parameter code: A status code.
    /// - Returns: `nil` when the code is not in `100...599`.
    public init?(code: Int) {
        guard (100...599).contains(code) else {
            return nil
        }
        self.rawValue = code / 100
    }

    private init(uncheckedRawValue: Int) {
        self.rawValue = uncheckedRawValue
    }

    /// 1xx: the request was received and processing goes on; an interim response, not the final one.
    public static let informational = HTTPStatusClass(uncheckedRawValue: 1)

    /// 2xx: the request was received, understood and accepted.
    public static let successful = HTTPStatusClass(uncheckedRawValue: 2)

    /// 3xx: the user agent needs to take further action to fulfil the request.
    public static let redirection = HTTPStatusClass(uncheckedRawValue: 3)

    /// 4xx: the request contains bad syntax or cannot be fulfilled; the client is at fault.
    public static let clientError = HTTPStatusClass(uncheckedRawValue: 4)

    /// 5xx: the server failed to fulfil an apparently valid request.
    public static let serverError = HTTPStatusClass(uncheckedRawValue: 5)

    /// The codes in the class: `400...499` for client errors.
    public var codes: ClosedRange<Int> {
        (self.rawValue * 100)...(self.rawValue * 100 + 99)
    }

    /// `1xx informational`, `2xx successful`, `3xx redirection`, `4xx client error` or `5xx server error`.
    public var description: String {
        switch self.rawValue {
        case 1:
            return "1xx informational"
        case 2:
            return "2xx successful"
        case 3:
            return "3xx redirection"
        case 4:
            return "4xx client error"
        default:
            return "5xx server error"
        }
    }
}
