public import HTTPTypes

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads error responses back into catalog errors.
///
/// The catalog's envelope, run backwards, pulls the code, message and other members out of the body (member
/// order does not matter); the entry is found by code, by code and status when a code is shared, else by status
/// and message template (BatchData's four 403s differ only in message), and its parameters are pulled back out
/// of the message. Any bytes are accepted: bodies over the size limit, nested too deep, not UTF-8 or not JSON
/// come back unrecognised with a ``DecodedError/Problem``, never a crash.
///
/// ```swift
/// let decoder = ErrorDecoder(catalog: catalog)
/// let error = decoder.decode(status: .notFound, body: Array(#"{"code":20003,"message":"Member 'abc' not found."}"#.utf8))
/// error.name          // "MemberRefNotFound"
/// error.parameters    // ["memberRef": "abc"]
/// ```
public struct ErrorDecoder: Sendable {
    /// The bounds a body must stay within.
    public struct Limits: Hashable, Sendable {
        /// The largest body parsed, in bytes.
        public var maximumBodySize: Int
        /// The deepest nesting parsed.
        public var maximumDepth: Int
        /// The longest message matched against templates, in bytes (matching is quadratic in the worst case).
        public var maximumMessageLength: Int

        /// Creates limits.
        public init(maximumBodySize: Int = 1 << 20, maximumDepth: Int = 64, maximumMessageLength: Int = 16 << 10) {
            self.maximumBodySize = maximumBodySize
            self.maximumDepth = maximumDepth
            self.maximumMessageLength = maximumMessageLength
        }

        /// 1 MiB, 64 levels, 16 KiB messages.
        public static let `default` = Limits()
    }

    /// The catalog.
    public let catalog: ErrorCatalog
    /// The bounds a body must stay within.
    public let limits: Limits

    /// Creates a decoder.
    public init(catalog: ErrorCatalog, limits: Limits = .default) {
        self.catalog = catalog
        self.limits = limits
        // Each envelope's body template and field error layout, built once rather than per decode.
        self.index = DecoderIndex(catalog)
        self.envelopes = ([catalog.envelope] + catalog.envelope.alternatives).map { envelope in
            (envelope, envelope.bodyTemplate, envelope.resolvedFieldErrors)
        }
    }

    let envelopes: [(envelope: Envelope, template: JSONTemplate, fieldErrors: Envelope.FieldErrorLayout)]
    let index: DecoderIndex

    /// Decodes an HTTP error response.
    ///
    /// - Parameters:
    ///   - status: The response status.
    ///   - headerFields: The response headers (`Content-Type` picks the envelope, `Retry-After` the delay, else an
    ///     exhausted `X-RateLimit-Remaining: 0` with its `X-RateLimit-Reset`).
    ///   - body: The body bytes.
    ///   - now: Seconds since 1970, for a `Retry-After` HTTP-date when the response has no `Date`; default the
    ///     system clock.
    public func decode(
        status: HTTPResponse.Status?,
        headerFields: HTTPFields = [:],
        body: [UInt8],
        now: Int64? = nil
    ) -> DecodedError {
        // Shares the caller's buffer unless it has to be cut.
        let rawBody = body.count <= limits.maximumBodySize ? body : Array(body.prefix(limits.maximumBodySize))
        var result = DecodedError(status: status, rawBody: rawBody)
        // One pass over the fields: `HTTPFields`' subscript scans them all and joins the values per name, which
        // measured as a tenth of a decode when asked three times. Only the first Content-Type counts (its media type
        // is all the decoder reads); Retry-After goes through the subscript, so that two of them are no number.
        var contentType: String?
        var hasRetryAfter = false
        var hasRateLimitRemaining = false
        let retryHeader = catalog.retryHeader
        for field in headerFields {
            if field.name == .contentType {
                if contentType == nil { contentType = field.value }
            } else if field.name == .retryAfter {
                hasRetryAfter = true
            } else if field.name == RateLimitReset.remaining {
                hasRateLimitRemaining = true
            } else if let retryHeader, field.name == retryHeader {
                result.retryAdvice = Self.retryAdvice(field.value)
            }
        }
        if hasRetryAfter, let retryAfter = headerFields[.retryAfter] {
            result.retryAfter = Self.retryAfter(retryAfter, date: headerFields[.date], now: now)
        }
        var variables: [String: JSONValue] = [:]
        var layout: Envelope.FieldErrorLayout?
        // Only a JSON body in one of the catalog's envelopes can be a catalog entry: an HTML error page, an empty,
        // oversized or too deeply nested body is a proxy's or a load balancer's as often as the API's, so its status
        // alone does not make it one.
        var isInEnvelope = false
        if body.count > limits.maximumBodySize {
            result.problem = .tooLarge(body.count, limit: limits.maximumBodySize)
        } else if !body.isEmpty {
            if let value = parse(body, problem: &result.problem) {
                result.body = value
                (variables, layout) = extract(value, contentType: contentType)
                isInEnvelope = layout != nil
            }
        }
        apply(variables, fieldErrorLayout: layout, to: &result)
        // Last, after `Retry-After` and the body's own retry member: an exhausted `X-RateLimit-*` quota.
        if result.retryAfter == nil && hasRateLimitRemaining {
            result.retryAfter = RateLimitReset.delay(in: headerFields, now: now)
        }
        // JSON in none of the catalog's envelopes is someone else's error (a proxy's, a framework's): its status
        // alone does not make it a catalog entry.
        if isInEnvelope {
            match(&result, hasCodeMember: variables["code"] != nil)
        }
        if let entry = result.entry, entry.headers.contains(where: { !$0.value.isConstant }) {
            parameters(fromHeadersOf: entry, headerFields, into: &result)
        }
        return result
    }

    /// Decodes a WebSocket status packet (a body with no HTTP status around it).
    public func decodeStatusPacket(_ body: [UInt8]) -> DecodedError {
        decode(status: nil, body: body)
    }

    // MARK: Parsing

    private func parse(_ body: [UInt8], problem: inout DecodedError.Problem?) -> JSONValue? {
        do {
            return try JSONParser(maximumDepth: limits.maximumDepth).parse(body)
        } catch {
            switch error.kind {
            case .invalidUTF8: problem = .invalidUTF8(offset: error.offset)
            case .tooDeep: problem = .tooDeep(limit: limits.maximumDepth, offset: error.offset)
            case .malformed: problem = .malformedJSON(error.reason, offset: error.offset)
            }
            return nil
        }
    }

    /// The envelope variables found in a body: the envelope the content type names first, then the others. The
    /// layout is `nil` when the body is in none of them and the variables are its well-known members.
    private func extract(
        _ value: JSONValue,
        contentType: String?
    ) -> ([String: JSONValue], Envelope.FieldErrorLayout?) {
        var order = Array(envelopes.indices)
        if let contentType, contentType.lowercased().hasPrefix("application/problem+json"),
            let index = envelopes.firstIndex(where: { $0.envelope.format == .problem })
        {
            order.insert(order.remove(at: index), at: 0)
        }
        for index in order {
            var variables: [String: JSONValue] = [:]
            // An envelope has a handful of variables: sized once instead of grown (a rehash per growth).
            variables.reserveCapacity(12)
            Self.extract(
                envelopes[index].template,
                from: value,
                into: &variables,
                maximumMessageLength: limits.maximumMessageLength
            )
            if Self.isAdmitted(variables) {
                return (variables, envelopes[index].fieldErrors)
            }
        }
        return (Self.wellKnownMembers(of: value), nil)
    }

    /// Whether the variables found are enough to call a body the envelope's: its code, message, type, title or
    /// field errors where the envelope puts them (a problem with neither `status` nor `detail`, like RFC 9457's own
    /// 422 example, is still one). A status member alone is not: Spring Boot's `{"timestamp","status","error","path"}`
    /// has one, and so do many other frameworks' bodies.
    static func isAdmitted(_ variables: [String: JSONValue]) -> Bool {
        // Five lookups, as many as the admitting variables: parsing every key found instead (as `apply` does once,
        // afterwards) would also allocate a name for each `params.NAME`, on every envelope tried.
        admittingVariables.contains { variables[$0] != nil }
    }

    private static let admittingVariables = [EnvelopeVariable.code, .message, .type, .title, .errors].map(\.description)

    /// Runs a body template backwards: each placeholder takes the value at its place in `value`.
    static func extract(
        _ template: JSONTemplate,
        from value: JSONValue,
        into variables: inout [String: JSONValue],
        maximumMessageLength: Int = Limits.default.maximumMessageLength
    ) {
        switch (template, value) {
        case (.object(let members), .object(let valueMembers)):
            for member in members {
                guard let found = valueMembers.first(where: { $0.key == member.key }) else { continue }
                if member.isOptional, case .array(let elements) = member.value, case .array(let items) = found.value {
                    // Tagged objects, in any order: each item is read by the element with its tag, and an item of
                    // a tag the catalog does not declare is left in the parsed body.
                    for item in items {
                        guard let element = elements.first(where: { $0.isTag(of: item) }) else { continue }
                        extract(element, from: item, into: &variables, maximumMessageLength: maximumMessageLength)
                    }
                    continue
                }
                extract(member.value, from: found.value, into: &variables, maximumMessageLength: maximumMessageLength)
            }
        case (.array(let elements), .array(let values)):
            for (element, value) in zip(elements, values) {
                extract(element, from: value, into: &variables, maximumMessageLength: maximumMessageLength)
            }
        case (.value(let placeholder), _):
            if variables[placeholder.name] == nil { variables[placeholder.name] = value }
        case (.string(let template), .string(let text)):
            guard text.utf8.count <= maximumMessageLength, let values = template.match(text) else { return }
            for (name, value) in values where variables[name] == nil { variables[name] = .string(value) }
        default:
            break
        }
    }

    /// For bodies in no catalog envelope: the members most APIs use for a code and a message.
    private static func wellKnownMembers(of value: JSONValue) -> [String: JSONValue] {
        var variables: [String: JSONValue] = [:]
        var object = value
        if let nested = value["error"], case .object = nested { object = nested }
        for key in ["message", "detail", "error_message", "errorMessage", "error_description", "error", "title"] {
            if let text = object[key]?.stringValue {
                variables["message"] = .string(text)
                break
            }
        }
        for key in ["code", "error_code", "errorCode", "type"] {
            if let code = object[key], code.stringValue != nil || code.integerValue != nil {
                variables["code"] = code
                break
            }
        }
        return variables
    }
}
