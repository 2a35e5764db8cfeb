import HTTPTypes

/// A table of HTTP status code definitions, looked up by code in constant time.
///
/// ``standard`` holds every code in the IANA HTTP Status Code Registry, with the reason phrases and section
/// numbers of RFC 9110 and the RFCs that registered the rest, plus the unofficial codes in common use
/// (nginx's 499, Cloudflare's 52x, …), each marked with who uses it.
///
/// ```swift
/// let definition = HTTPStatusRegistry.standard[429]
/// print(definition?.description ?? "unknown")  // 429 Too Many Requests
/// ```
///
/// https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml
public struct HTTPStatusRegistry: Sendable {
    /// Every definition, sorted by code.
    public let definitions: [HTTPStatusDefinition]

    /// For each code in `100...599`, at `code - 100`, its index in `definitions`.
    private let slots: [Int?]

    /// Creates a registry.
    ///
    /// - Parameter definitions: The definitions, at most one per code.
    init(definitions: [HTTPStatusDefinition]) {
        let sorted = definitions.sorted { $0.code < $1.code }
        var slots = [Int?](repeating: nil, count: 500)
        for (index, definition) in sorted.enumerated() {
            precondition((100...599).contains(definition.code), "Invalid status code \(definition.code)")
            precondition(slots[definition.code - 100] == nil, "Duplicate definition for \(definition.code)")
            slots[definition.code - 100] = index
        }
        self.definitions = sorted
        self.slots = slots
    }

    /// The definition of a status code.
    ///
    /// - Parameter code: A status code.
    /// - Returns: The definition, or `nil` when the registry has none for the code (299, 600, 42).
    public func definition(for code: Int) -> HTTPStatusDefinition? {
        guard (100...599).contains(code), let index = self.slots[code - 100] else {
            return nil
        }
        return self.definitions[index]
    }

    /// The definition of a status code, or `nil` when the registry has none for it.
    ///
    /// - Parameter code: A status code.
    public subscript(code: Int) -> HTTPStatusDefinition? {
        self.definition(for: code)
    }
}

extension HTTPStatusRegistry {
    /// Every IANA-registered status code as of 2024, and the unofficial ones in common use.
    ///
    /// Registered codes, marked ``HTTPStatusDefinition/Registration/iana``
    /// (``HTTPStatusDefinition/Registration/reserved`` for 306 and 418,
    /// ``HTTPStatusDefinition/Registration/obsoleted`` for 510): 100-103, 200-208, 226, 300-308, 400-418, 421-426,
    /// 428, 429, 431, 451, 500-508, 510 and 511.
    ///
    /// Unofficial codes, with their authority: 419 (Laravel), 420 (Twitter), 444, 494-497 and 499 (nginx),
    /// 509 (Apache/cPanel), 520-526 and 530 (Cloudflare), 598 and 599 (HTTP proxies).
    public static let standard = HTTPStatusRegistry(
        definitions: Self.registeredDefinitions + Self.unofficialDefinitions
    )
}

// MARK: - The table

extension HTTPStatusRegistry {
    /// Builds one entry; content and caching follow RFC 9110 unless said otherwise.
    ///
    /// Content is ruled out for 1xx, 204 and 304 (RFC 9110, Section 6.4.1).
    private static func entry(
        _ code: Int,
        _ reasonPhrase: String,
        _ reference: String,
        registration: HTTPStatusDefinition.Registration = .iana,
        cacheable: Bool = false,
        retryable: Bool = false,
        headers: [HTTPStatusDefinition.HeaderRequirement] = [],
        _ meaning: String
    ) -> HTTPStatusDefinition {
        HTTPStatusDefinition(
            code: code,
            reasonPhrase: reasonPhrase,
            registration: registration,
            reference: reference,
            meaning: meaning,
            // RFC 9110 §6.4.1 and §15.3.6: 1xx, 204 and 304 carry no content, and a server MUST NOT generate content
            // in a 205.
            mayHaveContent: !((100...199).contains(code) || code == 204 || code == 205 || code == 304),
            isHeuristicallyCacheable: cacheable,
            headers: headers,
            isRetryable: retryable
        )
    }

    private static func unofficial(
        _ code: Int,
        _ reasonPhrase: String,
        _ authority: String,
        retryable: Bool = false,
        _ meaning: String
    ) -> HTTPStatusDefinition {
        self.entry(
            code,
            reasonPhrase,
            authority,
            registration: .unofficial(authority),
            retryable: retryable,
            meaning
        )
    }

    /// Link (RFC 8288), which swift-http-types does not name.
    private static let link = HTTPField.Name("Link")!

    private static func header(
        _ name: HTTPField.Name,
        _ level: HTTPStatusDefinition.HeaderRequirement.Level,
        _ note: String
    ) -> HTTPStatusDefinition.HeaderRequirement {
        HTTPStatusDefinition.HeaderRequirement(name: name, level: level, note: note)
    }

    /// The fields a 206 or 304 response must repeat when a 200 (OK) response to the same request would have
    /// carried them.
    private static func fieldsOf200(section: String) -> [HTTPStatusDefinition.HeaderRequirement] {
        [.date, .cacheControl, .eTag, .expires, .contentLocation, .vary].map { name in
            self.header(name, .must, "If a 200 (OK) response to the same request would have carried it (\(section)).")
        }
    }

    private static let registeredDefinitions: [HTTPStatusDefinition] = [
        // MARK: 1xx

        entry(
            100,
            "Continue",
            "RFC 9110, Section 15.2.1",
            "The initial part of the request has been received and not rejected, so the client should go on "
                + "sending the content (the answer to `Expect: 100-continue`). Interim: a final response follows."
        ),
        entry(
            101,
            "Switching Protocols",
            "RFC 9110, Section 15.2.2",
            headers: [
                header(
                    .upgrade,
                    .must,
                    "Names the protocol(s) in effect after this response (RFC 9110, Section 15.2.2)."
                )
            ],
            "The server agrees to the client's Upgrade request and switches the connection to the protocol named "
                + "in the response's Upgrade header field right after this response."
        ),
        entry(
            102,
            "Processing",
            "RFC 2518, Section 10.1",
            "WebDAV interim response: the server has accepted the request and is still working on it, so the client "
                + "should not time out. RFC 4918 dropped it from WebDAV, but the registration stands."
        ),
        entry(
            103,
            "Early Hints",
            "RFC 8297, Section 2",
            headers: [
                header(Self.link, .may, "Preload or preconnect hints for the final response (RFC 8297, Section 2).")
            ],
            "Interim response carrying header fields, typically Link hints, that the server expects in the final "
                + "response, so the client can start loading linked resources early."
        ),

        // MARK: 2xx

        entry(
            200,
            "OK",
            "RFC 9110, Section 15.3.1",
            cacheable: true,
            "The request succeeded. The content depends on the method: a representation of the target resource "
                + "for GET, the status or result of the action for POST."
        ),
        entry(
            201,
            "Created",
            "RFC 9110, Section 15.3.2",
            headers: [
                header(
                    .location,
                    .may,
                    "Identifies the primary new resource; without it, the target URI does (RFC 9110, Section 15.3.2)."
                )
            ],
            "The request succeeded and created one or more new resources. The Location header field identifies "
                + "the primary one, or, when absent, the target URI does."
        ),
        entry(
            202,
            "Accepted",
            "RFC 9110, Section 15.3.3",
            "The request was accepted for processing, but processing has not finished and may still fail. HTTP "
                + "cannot report the eventual outcome, so the content should say where to check on it."
        ),
        entry(
            203,
            "Non-Authoritative Information",
            "RFC 9110, Section 15.3.4",
            cacheable: true,
            "The request succeeded, but a transforming proxy has modified the content of the origin server's "
                + "200 (OK) response."
        ),
        entry(
            204,
            "No Content",
            "RFC 9110, Section 15.3.5",
            cacheable: true,
            "The request succeeded and there is no content to send. Header fields such as ETag can still "
                + "describe the target resource after the action."
        ),
        entry(
            205,
            "Reset Content",
            "RFC 9110, Section 15.3.6",
            "The request succeeded and the user agent should reset the document view that sent it, such as "
                + "clearing a form. The server must not generate content, so any content it frames is empty."
        ),
        entry(
            206,
            "Partial Content",
            "RFC 9110, Section 15.3.7",
            cacheable: true,
            headers: [
                header(
                    .contentRange,
                    .must,
                    "For a single part, the range enclosed and the complete length (RFC 9110, Section 15.3.7.1)."
                ),
                header(
                    .contentType,
                    .must,
                    "`multipart/byteranges` when several parts are sent (RFC 9110, Section 15.3.7.2)."
                ),
            ] + fieldsOf200(section: "RFC 9110, Section 15.3.7"),
            "The server is sending only the part or parts of the selected representation that the request's "
                + "Range header field asked for."
        ),
        entry(
            207,
            "Multi-Status",
            "RFC 4918, Section 11.1",
            "WebDAV: the content, a multistatus XML document, reports a separate status for each of several "
                + "independent operations."
        ),
        entry(
            208,
            "Already Reported",
            "RFC 5842, Section 7.1",
            "WebDAV: used inside a multistatus response for a collection binding whose members were already "
                + "listed earlier in the same response, so they are not repeated."
        ),
        entry(
            226,
            "IM Used",
            "RFC 3229, Section 10.4.1",
            "The server fulfilled a GET request, and the content is the result of instance manipulations, such as "
                + "a delta encoding, applied to the current instance."
        ),

        // MARK: 3xx

        entry(
            300,
            "Multiple Choices",
            "RFC 9110, Section 15.4.1",
            cacheable: true,
            headers: [
                header(
                    .location,
                    .should,
                    "The preferred choice's URI, when the server has one (RFC 9110, Section 15.4.1)."
                )
            ],
            "The target resource has several representations, each with its own URI, and the client may choose "
                + "among them."
        ),
        entry(
            301,
            "Moved Permanently",
            "RFC 9110, Section 15.4.2",
            cacheable: true,
            headers: [
                header(.location, .should, "The new permanent URI (RFC 9110, Section 15.4.2).")
            ],
            "The target resource has a new permanent URI, which future references should use. User agents may "
                + "turn a POST into a GET when following it; 308 forbids that."
        ),
        entry(
            302,
            "Found",
            "RFC 9110, Section 15.4.3",
            headers: [
                header(.location, .should, "The temporary URI (RFC 9110, Section 15.4.3).")
            ],
            "The target resource is temporarily at a different URI; clients should keep using the original URI. "
                + "User agents may turn a POST into a GET when following it; 307 forbids that."
        ),
        entry(
            303,
            "See Other",
            "RFC 9110, Section 15.4.4",
            headers: [
                header(
                    .location,
                    .should,
                    "The other resource; 303 is defined by it, though without an RFC 2119 keyword (RFC 9110, Section "
                        + "15.4.4)."
                )
            ],
            "The server redirects the user agent to a different resource, named in Location, as an indirect "
                + "response to the request; the follow-up is a GET or HEAD. Commonly sent after a POST."
        ),
        entry(
            304,
            "Not Modified",
            "RFC 9110, Section 15.4.5",
            headers: fieldsOf200(section: "RFC 9110, Section 15.4.5"),
            "A conditional GET or HEAD would have received 200 (OK), but the condition was false: the client's "
                + "stored representation is still valid, so no content is sent."
        ),
        entry(
            305,
            "Use Proxy",
            "RFC 9110, Section 15.4.6",
            "Deprecated for security reasons: it once asked the client to repeat the request through the proxy "
                + "named in Location."
        ),
        entry(
            306,
            "(Unused)",
            "RFC 9110, Section 15.4.7",
            registration: .reserved,
            "Reserved: an earlier draft defined it (as \"Switch Proxy\"); it is no longer used, and IANA lists the "
                + "number as \"(Unused)\" so that it is not assigned again."
        ),
        entry(
            307,
            "Temporary Redirect",
            "RFC 9110, Section 15.4.8",
            headers: [
                header(.location, .should, "The temporary URI (RFC 9110, Section 15.4.8).")
            ],
            "The target resource is temporarily at a different URI, and the user agent must not change the "
                + "request method when it follows the redirect."
        ),
        entry(
            308,
            "Permanent Redirect",
            "RFC 9110, Section 15.4.9",
            cacheable: true,
            headers: [
                header(.location, .should, "The new permanent URI (RFC 9110, Section 15.4.9).")
            ],
            "The target resource has a new permanent URI, which future references should use, and the user agent "
                + "must not change the request method when it follows the redirect."
        ),

        // MARK: 4xx

        entry(
            400,
            "Bad Request",
            "RFC 9110, Section 15.5.1",
            "Client error: the server cannot or will not process the request because of something it sees as the "
                + "client's fault, such as malformed syntax, invalid framing or deceptive routing."
        ),
        entry(
            401,
            "Unauthorized",
            "RFC 9110, Section 15.5.2",
            headers: [
                header(
                    .wwwAuthenticate,
                    .must,
                    "At least one challenge for the target resource (RFC 9110, Section 15.5.2)."
                )
            ],
            "The request lacks valid authentication credentials for the target resource; WWW-Authenticate says how "
                + "to authenticate. If the request carried credentials, they were refused."
        ),
        entry(
            402,
            "Payment Required",
            "RFC 9110, Section 15.5.3",
            "Reserved for future use: HTTP gives it no meaning yet, though some APIs use it for billing failures."
        ),
        entry(
            403,
            "Forbidden",
            "RFC 9110, Section 15.5.4",
            "The server understood the request but refuses to fulfil it. If the request carried credentials, they "
                + "do not grant access, and repeating it with the same ones will not help."
        ),
        entry(
            404,
            "Not Found",
            "RFC 9110, Section 15.5.5",
            cacheable: true,
            "Client error: the origin server has no current representation of the target resource, or will not "
                + "reveal that one exists. It does not say whether the absence is temporary or permanent."
        ),
        entry(
            405,
            "Method Not Allowed",
            "RFC 9110, Section 15.5.6",
            cacheable: true,
            headers: [
                header(.allow, .must, "The target resource's currently supported methods (RFC 9110, Section 15.5.6).")
            ],
            "The target resource does not support the request method, although the origin server knows the "
                + "method; Allow lists the methods it does support."
        ),
        entry(
            406,
            "Not Acceptable",
            "RFC 9110, Section 15.5.7",
            "The target resource has no representation acceptable under the request's proactive negotiation "
                + "header fields (such as Accept or Accept-Language), and the server will not send a default one."
        ),
        entry(
            407,
            "Proxy Authentication Required",
            "RFC 9110, Section 15.5.8",
            headers: [
                header(.proxyAuthenticate, .must, "A challenge for this proxy (RFC 9110, Section 15.5.8).")
            ],
            "Like 401 (Unauthorized), but the client must authenticate to a proxy; Proxy-Authenticate carries the "
                + "proxy's challenge."
        ),
        // Retryable: the client may repeat a request it still had in transit, on a new connection if the old one
        // is unusable (RFC 9110, Section 15.5.9).
        entry(
            408,
            "Request Timeout",
            "RFC 9110, Section 15.5.9",
            retryable: true,
            "The server did not receive a complete request within the time it was prepared to wait, and usually "
                + "closes the connection."
        ),
        entry(
            409,
            "Conflict",
            "RFC 9110, Section 15.5.10",
            "The request conflicts with the current state of the target resource, such as an edit made on an "
                + "outdated version; the content should explain the conflict so that it can be resolved."
        ),
        entry(
            410,
            "Gone",
            "RFC 9110, Section 15.5.11",
            cacheable: true,
            "Client error: the target resource is no longer available at the origin server, probably for good, "
                + "and links to it should be removed."
        ),
        entry(
            411,
            "Length Required",
            "RFC 9110, Section 15.5.12",
            "The server refuses to accept the request without a Content-Length header field; the client may send "
                + "it again with one."
        ),
        entry(
            412,
            "Precondition Failed",
            "RFC 9110, Section 15.5.13",
            "One or more conditions in the request header fields, such as If-Match or If-Unmodified-Since, were "
                + "false on the server, so the method was not applied."
        ),
        entry(
            413,
            "Content Too Large",
            "RFC 9110, Section 15.5.14",
            headers: [
                header(
                    .retryAfter,
                    .should,
                    "When the condition is temporary, after what time the client may try again (RFC 9110, Section "
                        + "15.5.14)."
                )
            ],
            "The request content is larger than the server is willing or able to process; the server may close "
                + "the connection. Formerly \"Payload Too Large\"."
        ),
        entry(
            414,
            "URI Too Long",
            "RFC 9110, Section 15.5.15",
            cacheable: true,
            "The target URI is longer than the server is willing to interpret, often because a form that should "
                + "use POST used GET, or because of a redirect loop."
        ),
        entry(
            415,
            "Unsupported Media Type",
            "RFC 9110, Section 15.5.16",
            headers: [
                header(.accept, .may, "The media types that would have been accepted (RFC 9110, Section 15.5.16)."),
                header(
                    .acceptEncoding,
                    .may,
                    "The content codings that would have been accepted (RFC 9110, Section 15.5.16)."
                ),
            ],
            "The server refuses the request because its content is in a media type or content coding that the "
                + "method on the target resource does not support."
        ),
        entry(
            416,
            "Range Not Satisfiable",
            "RFC 9110, Section 15.5.17",
            headers: [
                header(
                    .contentRange,
                    .should,
                    "For a byte-range request, the unsatisfied range with the current length, `bytes */1234` (RFC "
                        + "9110, Section 15.5.17)."
                )
            ],
            "None of the ranges in the request's Range header field can be satisfied, or the client asked for "
                + "too many small or overlapping ranges."
        ),
        entry(
            417,
            "Expectation Failed",
            "RFC 9110, Section 15.5.18",
            "The server cannot meet the expectation in the request's Expect header field, such as 100-continue."
        ),
        entry(
            418,
            "I'm a teapot",
            "RFC 9110, Section 15.5.19",
            registration: .reserved,
            "Reserved: IANA lists 418 as \"(Unused)\" because RFC 2324's April Fools' \"I'm a teapot\" has been "
                + "deployed as a joke too often for the code to mean anything else. Do not use it in a real API."
        ),
        // Retryable: the client may repeat the request, whatever its method, over a different connection
        // (RFC 9110, Section 15.5.20).
        entry(
            421,
            "Misdirected Request",
            "RFC 9110, Section 15.5.20",
            retryable: true,
            "The request reached a server that cannot or will not give an authoritative response for the target "
                + "URI, for example over a connection reused for another host that its certificate also covers."
        ),
        entry(
            422,
            "Unprocessable Content",
            "RFC 9110, Section 15.5.21",
            "The server understands the content type and the content is well-formed, but it cannot process the "
                + "instructions in it, such as a JSON body that fails validation. Formerly \"Unprocessable Entity\"."
        ),
        entry(
            423,
            "Locked",
            "RFC 4918, Section 11.3",
            "WebDAV: the source or destination resource of the method is locked."
        ),
        entry(
            424,
            "Failed Dependency",
            "RFC 4918, Section 11.4",
            "WebDAV: the method could not be performed on the resource because an action it depended on failed."
        ),
        // Retryable: the client should repeat the request automatically once the TLS handshake is complete,
        // never again in early data (RFC 8470, Section 5.2).
        entry(
            425,
            "Too Early",
            "RFC 8470, Section 5.2",
            retryable: true,
            "The server will not risk processing a request sent in TLS early data, which an attacker could replay."
        ),
        entry(
            426,
            "Upgrade Required",
            "RFC 9110, Section 15.5.22",
            headers: [
                header(.upgrade, .must, "The protocol(s) the client must switch to (RFC 9110, Section 15.5.22).")
            ],
            "The server refuses to perform the request with the current protocol but might after the client "
                + "upgrades to a protocol named in the Upgrade header field."
        ),
        entry(
            428,
            "Precondition Required",
            "RFC 6585, Section 3",
            "The origin server requires the request to be conditional, such as with If-Match, so that a client "
                + "cannot overwrite changes it has not seen."
        ),
        // Retryable: the limit resets with time, and Retry-After may say when (RFC 6585, Section 4).
        entry(
            429,
            "Too Many Requests",
            "RFC 6585, Section 4",
            retryable: true,
            headers: [
                header(.retryAfter, .may, "How long to wait before making a new request (RFC 6585, Section 4).")
            ],
            "The client has sent too many requests in a given amount of time (rate limiting)."
        ),
        entry(
            431,
            "Request Header Fields Too Large",
            "RFC 6585, Section 5",
            "The server will not process the request because its header fields, all together or a single one, "
                + "are too large."
        ),
        entry(
            451,
            "Unavailable For Legal Reasons",
            "RFC 7725, Section 3",
            cacheable: true,
            headers: [
                header(
                    Self.link,
                    .should,
                    "With `rel=\"blocked-by\"`, identifying the entity that blocks access (RFC 7725, Section 4)."
                )
            ],
            "The server denies access to the resource as a consequence of a legal demand; the server saying so "
                + "need not be the origin server."
        ),

        // MARK: 5xx

        // Retryable: the fault is the server's and often transient; repeat idempotent requests with backoff.
        entry(
            500,
            "Internal Server Error",
            "RFC 9110, Section 15.6.1",
            retryable: true,
            "The server met an unexpected condition that prevented it from fulfilling the request."
        ),
        entry(
            501,
            "Not Implemented",
            "RFC 9110, Section 15.6.2",
            cacheable: true,
            "The server does not support the functionality required to fulfil the request, such as a request "
                + "method it does not recognize for any resource."
        ),
        // Retryable: the upstream's bad response is often transient (a restart, a bad instance).
        entry(
            502,
            "Bad Gateway",
            "RFC 9110, Section 15.6.3",
            retryable: true,
            "The server, acting as a gateway or proxy, received an invalid response from an inbound server it "
                + "accessed while trying to fulfil the request."
        ),
        // Retryable: overload or maintenance is temporary by definition; Retry-After may say when to come back
        // (RFC 9110, Section 15.6.4).
        entry(
            503,
            "Service Unavailable",
            "RFC 9110, Section 15.6.4",
            retryable: true,
            headers: [
                header(.retryAfter, .may, "How long the client should wait before retrying (RFC 9110, Section 15.6.4).")
            ],
            "The server cannot handle the request right now because of a temporary overload or scheduled "
                + "maintenance, which will likely end after some delay."
        ),
        // Retryable: the upstream was slow this time; it may answer in time on a later attempt.
        entry(
            504,
            "Gateway Timeout",
            "RFC 9110, Section 15.6.5",
            retryable: true,
            "The server, acting as a gateway or proxy, did not receive a timely response from an upstream server "
                + "it needed to complete the request."
        ),
        entry(
            505,
            "HTTP Version Not Supported",
            "RFC 9110, Section 15.6.6",
            "The server does not support, or refuses to support, the major version of HTTP used in the request."
        ),
        entry(
            506,
            "Variant Also Negotiates",
            "RFC 2295, Section 8.1",
            "Transparent content negotiation is misconfigured: the chosen variant is itself set up to negotiate, "
                + "so negotiation would never end."
        ),
        entry(
            507,
            "Insufficient Storage",
            "RFC 4918, Section 11.5",
            "WebDAV: the method could not be performed because the server cannot store the representation needed "
                + "to complete the request."
        ),
        entry(
            508,
            "Loop Detected",
            "RFC 5842, Section 7.2",
            "WebDAV: the server ended an operation with `Depth: infinity` because it found an infinite loop of "
                + "bindings."
        ),
        entry(
            510,
            "Not Extended",
            "RFC 2774, Section 7",
            registration: .obsoleted,
            "Obsoleted: IANA marks this registration OBSOLETED since RFC 2774 was moved to Historic. It said the "
                + "request did not meet the resource's policy for mandatory HTTP extensions."
        ),
        entry(
            511,
            "Network Authentication Required",
            "RFC 6585, Section 6",
            "The client must authenticate to gain network access. Meant for intercepting proxies such as captive "
                + "portals, not for origin servers."
        ),
    ]

    private static let unofficialDefinitions: [HTTPStatusDefinition] = [
        unofficial(
            419,
            "Page Expired",
            "Laravel",
            "Laravel's answer when a form's CSRF token is missing or has expired; reloading the page gets a new one."
        ),
        // Retryable: a rate limit, like 429; it lifts after a wait.
        unofficial(
            420,
            "Enhance Your Calm",
            "Twitter",
            retryable: true,
            "Twitter's early Search and Trends APIs sent it to a rate-limited client; 429 is the standard code."
        ),
        unofficial(
            444,
            "No Response",
            "nginx",
            "An nginx directive (`return 444`) that closes the connection without sending any response; the code "
                + "appears only in nginx's logs."
        ),
        unofficial(
            494,
            "Request Header Too Large",
            "nginx",
            "Internal nginx code for request header fields larger than its buffers; `error_page` can match it, "
                + "and by default the client receives 400 (Bad Request)."
        ),
        unofficial(
            495,
            "SSL Certificate Error",
            "nginx",
            "Internal nginx code for a client certificate that failed verification; `error_page` can match it, "
                + "and by default the client receives 400 (Bad Request)."
        ),
        unofficial(
            496,
            "SSL Certificate Required",
            "nginx",
            "Internal nginx code for a required client certificate that was not presented; `error_page` can "
                + "match it, and by default the client receives 400 (Bad Request)."
        ),
        unofficial(
            497,
            "HTTP Request Sent to HTTPS Port",
            "nginx",
            "Internal nginx code for a plain HTTP request sent to a port that expects HTTPS, often mapped with "
                + "`error_page` to a redirect; by default the client receives 400 (Bad Request)."
        ),
        unofficial(
            499,
            "Client Closed Request",
            "nginx",
            "Logged by nginx when the client closed the connection before the server sent a response; the client "
                + "never receives it."
        ),
        unofficial(
            509,
            "Bandwidth Limit Exceeded",
            "Apache/cPanel",
            "Sent by Apache bandwidth-limiting modules, mostly on cPanel hosting, when a site has used up its "
                + "bandwidth allowance."
        ),
        // Retryable: like 502, an origin fault that is often transient.
        unofficial(
            520,
            "Web Server Returned an Unknown Error",
            "Cloudflare",
            retryable: true,
            "Cloudflare received an empty, unknown or unexpected response from the origin server."
        ),
        // Retryable: like 503, the origin may be back shortly.
        unofficial(
            521,
            "Web Server Is Down",
            "Cloudflare",
            retryable: true,
            "The origin server refused the connection from Cloudflare."
        ),
        // Retryable: like 504, a connect timeout to the origin.
        unofficial(
            522,
            "Connection Timed Out",
            "Cloudflare",
            retryable: true,
            "Cloudflare timed out opening a TCP connection to the origin server."
        ),
        unofficial(
            523,
            "Origin Is Unreachable",
            "Cloudflare",
            "Cloudflare cannot reach the origin server, usually because its DNS records or network routes are wrong."
        ),
        // Retryable: like 504, the origin was too slow this time.
        unofficial(
            524,
            "A Timeout Occurred",
            "Cloudflare",
            retryable: true,
            "Cloudflare connected to the origin server, but the origin did not send an HTTP response before "
                + "Cloudflare's timeout."
        ),
        unofficial(
            525,
            "SSL Handshake Failed",
            "Cloudflare",
            "The TLS handshake between Cloudflare and the origin server failed."
        ),
        unofficial(
            526,
            "Invalid SSL Certificate",
            "Cloudflare",
            "Cloudflare could not validate the origin server's TLS certificate, as its strict SSL mode requires."
        ),
        unofficial(
            530,
            "Origin DNS Error",
            "Cloudflare",
            "Cloudflare returns it together with a 1xxx error in the content, most often 1016: it could not "
                + "resolve the origin server's host name."
        ),
        // Retryable: like 504, a read timeout behind the proxy.
        unofficial(
            598,
            "Network Read Timeout Error",
            "HTTP proxies",
            retryable: true,
            "Sent by some HTTP proxies when reading the response from the server behind them timed out."
        ),
        // Retryable: like 504, a connect timeout behind the proxy.
        unofficial(
            599,
            "Network Connect Timeout Error",
            "HTTP proxies",
            retryable: true,
            "Sent by some HTTP proxies when connecting to the server behind them timed out."
        ),
    ]
}
