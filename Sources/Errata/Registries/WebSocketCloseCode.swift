/// A WebSocket close code: the status code that opens the payload of a Close frame.
///
/// RFC 6455 §7.4 divides the 16-bit space into ranges (see ``Range-swift.struct``) and defines the
/// first codes; IANA's WebSocket Close Code Number Registry records those and the ones added since.
/// Every `UInt16` is a valid `WebSocketCloseCode`, including values nobody has registered, so a code
/// read off the wire can always be represented and passed on.
///
/// Registered codes print as their number and name, such as `1008 Policy Violation`; other codes
/// print as the bare number, such as `4201`.
///
/// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4
/// https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number
public struct WebSocketCloseCode: RawRepresentable, Hashable, Sendable {
    /// The 16-bit close code value.
    public var rawValue: UInt16

    /// Creates a close code from its numeric value.
    ///
    /// Every 16-bit value is a valid close code, including values that are not registered and values
    /// that RFC 6455 does not allow in a Close frame; see ``mayBeSentInCloseFrame``.
    ///
    /// - Parameter rawValue: The close code value.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }
}

extension WebSocketCloseCode: ExpressibleByIntegerLiteral {
    /// Creates a close code from an integer literal, such as `4201`.
    ///
    /// - Parameter value: The close code value.
    public init(integerLiteral value: UInt16) {
        self.init(rawValue: value)
    }
}

extension WebSocketCloseCode {
    /// 1000 Normal Closure
    ///
    /// The purpose for which the connection was established has been fulfilled.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let normalClosure = Self(rawValue: 1000)

    /// 1001 Going Away
    ///
    /// The endpoint is going away, such as a server going down or a browser navigating away from a page.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let goingAway = Self(rawValue: 1001)

    /// 1002 Protocol Error
    ///
    /// The endpoint is terminating the connection because of a protocol error.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let protocolError = Self(rawValue: 1002)

    /// 1003 Unsupported Data
    ///
    /// The endpoint received a type of data it cannot accept, such as binary data on a text-only endpoint.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let unsupportedData = Self(rawValue: 1003)

    /// 1004 Reserved
    ///
    /// Reserved; its meaning might be defined in the future. It has no meaning today, so it is not
    /// sent in a Close frame (see ``mayBeSentInCloseFrame``).
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let reserved1004 = Self(rawValue: 1004)

    /// 1005 No Status Received
    ///
    /// Stands in, inside an application, for a Close frame that carried no status code.
    /// It must not be sent in a Close frame.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let noStatusReceived = Self(rawValue: 1005)

    /// 1006 Abnormal Closure
    ///
    /// Stands in, inside an application, for a connection that closed without a Close frame.
    /// It must not be sent in a Close frame.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let abnormalClosure = Self(rawValue: 1006)

    /// 1007 Invalid Frame Payload Data
    ///
    /// The endpoint received data inconsistent with the type of the message, such as non-UTF-8 text.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let invalidFramePayloadData = Self(rawValue: 1007)

    /// 1008 Policy Violation
    ///
    /// The endpoint received a message that violates its policy; the generic code when no other fits.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let policyViolation = Self(rawValue: 1008)

    /// 1009 Message Too Big
    ///
    /// The endpoint received a message too big for it to process.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let messageTooBig = Self(rawValue: 1009)

    /// 1010 Mandatory Extension
    ///
    /// The client expected the server to negotiate one or more extensions, and the server did not.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let mandatoryExtension = Self(rawValue: 1010)

    /// 1011 Internal Error
    ///
    /// The remote endpoint met an unexpected condition that prevented it from fulfilling the request.
    /// RFC 6455 says "server"; erratum 3227 widens it to either endpoint, and IANA renamed the entry
    /// from "Internal Server Error" to "Internal Error".
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let internalError = Self(rawValue: 1011)

    /// 1012 Service Restart
    ///
    /// The service is restarting; the client may reconnect after a randomised delay.
    ///
    /// https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number
    public static let serviceRestart = Self(rawValue: 1012)

    /// 1013 Try Again Later
    ///
    /// A temporary condition, such as overload, made the server close the connection; try again later.
    ///
    /// https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number
    public static let tryAgainLater = Self(rawValue: 1013)

    /// 1014 Bad Gateway
    ///
    /// The server, acting as a gateway or proxy, received an invalid response from upstream (like HTTP 502).
    ///
    /// https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number
    public static let badGateway = Self(rawValue: 1014)

    /// 1015 TLS Handshake
    ///
    /// Stands in, inside an application, for a connection closed because the TLS handshake failed.
    /// It must not be sent in a Close frame.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.1
    public static let tlsHandshake = Self(rawValue: 1015)

    /// The 16 entries of the IANA WebSocket Close Code Number Registry, 1000 through 1015, in order.
    ///
    /// The list includes ``reserved1004`` and the codes that must not be sent in a Close frame, because
    /// they are registered all the same.
    public static let registered: [WebSocketCloseCode] = [
        .normalClosure,
        .goingAway,
        .protocolError,
        .unsupportedData,
        .reserved1004,
        .noStatusReceived,
        .abnormalClosure,
        .invalidFramePayloadData,
        .policyViolation,
        .messageTooBig,
        .mandatoryExtension,
        .internalError,
        .serviceRestart,
        .tryAgainLater,
        .badGateway,
        .tlsHandshake,
    ]
}

extension WebSocketCloseCode {
    /// The registered meaning of the code, such as `Policy Violation`, or `nil` if the code is not registered.
    ///
    /// Names follow the IANA registry in title case, with its abbreviations spelled out: the registry
    /// writes "No Status Rcvd", "Mandatory Ext." and "TLS handshake", and describes 1014 in a sentence
    /// where this property says "Bad Gateway".
    public var name: String? {
        switch self.rawValue {
        case 1000: return "Normal Closure"
        case 1001: return "Going Away"
        case 1002: return "Protocol Error"
        case 1003: return "Unsupported Data"
        case 1004: return "Reserved"
        case 1005: return "No Status Received"
        case 1006: return "Abnormal Closure"
        case 1007: return "Invalid Frame Payload Data"
        case 1008: return "Policy Violation"
        case 1009: return "Message Too Big"
        case 1010: return "Mandatory Extension"
        case 1011: return "Internal Error"
        case 1012: return "Service Restart"
        case 1013: return "Try Again Later"
        case 1014: return "Bad Gateway"
        case 1015: return "TLS Handshake"
        default: return nil
        }
    }

    /// The RFC 6455 §7.4.2 range the code falls in, which says who may define it.
    public var range: Range {
        Range.containing(self.rawValue)
    }

    /// Whether an endpoint may put this code in a Close frame it sends.
    ///
    /// `true` for the registered codes that carry a meaning on the wire (1000–1003 and 1007–1014) and
    /// for the whole ``Range-swift.struct/registered`` and ``Range-swift.struct/privateUse`` ranges
    /// (3000–4999). `false` for:
    /// - 1005, 1006 and 1015, which RFC 6455 §7.4.1 says "MUST NOT be set as a status code in a Close
    ///   control frame by an endpoint": they exist only so that an application can report what happened.
    /// - 1004, which §7.4.1 only calls "Reserved. The specific meaning might be defined in the future."
    ///   The RFC has no MUST NOT for it, but a code without a meaning says nothing, and receivers
    ///   (the Autobahn test suite, among others) fail the connection when they see it.
    /// - The rest of the ``Range-swift.struct/protocol`` range (1016–2999), which §7.4.2 reserves for
    ///   definition by the protocol and its extensions; no code there is defined yet, and receivers
    ///   treat them as protocol errors just as they do 1004.
    /// - 0–999, which §7.4.2 says are not used, and 5000 and above, which §7.4.2 leaves undefined.
    public var mayBeSentInCloseFrame: Bool {
        switch self.rawValue {
        case 1000...1003, 1007...1014, 3000...4999:
            return true
        default:
            return false
        }
    }
}

extension WebSocketCloseCode: CustomStringConvertible {
    /// The code and its registered name, such as `1008 Policy Violation`, or the bare number, such as `4201`.
    public var description: String {
        if let name = self.name {
            return "\(self.rawValue) \(name)"
        } else {
            return String(self.rawValue)
        }
    }
}

extension WebSocketCloseCode {
    /// One of the ranges RFC 6455 §7.4.2 divides the close code space into.
    ///
    /// The range says who may give a code its meaning: the protocol itself, a library or framework
    /// registered with IANA, or an application by private agreement.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.2
    public struct Range: Hashable, Sendable {
        private enum Kind: Hashable, Sendable {
            case unused
            case `protocol`
            case registered
            case privateUse
            case invalid
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// 0–999: not used.
        public static let unused = Self(.unused)

        /// 1000–2999: defined by the protocol, its future revisions and extensions with a permanent,
        /// readily available public specification.
        public static let `protocol` = Self(.protocol)

        /// 3000–3999: registered with IANA, first come first served, for libraries, frameworks and
        /// applications.
        public static let registered = Self(.registered)

        /// 4000–4999: for private use by applications; the two endpoints agree on what each code means.
        public static let privateUse = Self(.privateUse)

        /// 5000 and above: outside every range RFC 6455 defines.
        public static let invalid = Self(.invalid)

        /// The range that holds a close code.
        ///
        /// - Parameter code: A close code value.
        /// - Returns: The range the value falls in; ``invalid`` for 5000 and above.
        public static func containing(_ code: UInt16) -> Range {
            switch code {
            case 0...999: return .unused
            case 1000...2999: return .protocol
            case 3000...3999: return .registered
            case 4000...4999: return .privateUse
            default: return .invalid
            }
        }

        /// The codes the range holds, or `nil` for ``invalid``, which RFC 6455 does not define as a range.
        public var codes: ClosedRange<UInt16>? {
            switch self.kind {
            case .unused: return 0...999
            case .protocol: return 1000...2999
            case .registered: return 3000...3999
            case .privateUse: return 4000...4999
            case .invalid: return nil
            }
        }
    }
}

extension WebSocketCloseCode.Range: CustomStringConvertible {
    /// The range's name and bounds, such as `private use (4000-4999)` or `invalid (5000+)`.
    public var description: String {
        switch self.kind {
        case .unused: return "unused (0-999)"
        case .protocol: return "protocol (1000-2999)"
        case .registered: return "registered (3000-3999)"
        case .privateUse: return "private use (4000-4999)"
        case .invalid: return "invalid (5000+)"
        }
    }
}
