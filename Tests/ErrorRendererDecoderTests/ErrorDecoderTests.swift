import Errata
import ErrataCatalogs
import ErrataTools
import HTTPTypes
import Testing

/// What `ErrorDecoder` makes of responses: the seed pages' examples, foreign bodies, and `Retry-After` in every
/// form it takes.
@Suite struct ErrorDecoderTests {
    static func bundled(_ id: String) throws -> ErrorCatalog {
        let path = try #require(BundledCatalogs.path(forID: id))
        let loaded = CatalogLoader().load(path: path)
        return try #require(loaded.catalog, "\(loaded.diagnostics)")
    }

    static func load(_ yaml: String) throws -> ErrorCatalog {
        let loaded = CatalogLoader().load(text: yaml, path: "test.errata.yaml")
        let catalog = loaded.catalog
        return try #require(catalog, "\(loaded.diagnostics.filter { $0.severity == .error })")
    }

    static func decode(
        _ id: String,
        status: Int?,
        headers: HTTPFields = [:],
        _ body: String,
        now: Int64? = nil
    ) throws -> DecodedError {
        let decoder = ErrorDecoder(catalog: try bundled(id))
        return decoder.decode(
            status: status.map { HTTPResponse.Status(code: $0) },
            headerFields: headers,
            body: Array(body.utf8),
            now: now
        )
    }

    // MARK: Seed examples

    @Test func seed002UnknownDecodesWithNullDetails() throws {
        let body = #"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#
        let decoded = try Self.decode("rest-error-codes", status: 500, body)
        #expect(decoded.name == "Unknown")
        #expect(decoded.code == .integer(0))
        #expect(decoded.message == "Unknown server side error occurred")
        #expect(decoded.details == nil)
        #expect(decoded.problem == nil)
        #expect(decoded.rawBody == Array(body.utf8))
    }

    @Test func seed004InvalidTokenDecodesFromTheStatusObject() throws {
        let decoded = try Self.decode(
            "batchdata",
            status: 401,
            #"{"status":{"code":401,"text":"Unauthorized","message":"Invalid token."}}"#
        )
        #expect(decoded.name == "InvalidToken")
        #expect(decoded.status?.code == 401)
        #expect(decoded.message == "Invalid token.")
    }

    @Test(arguments: [
        ("Account is disabled", "AccountDisabled"),
        ("Insufficient balance", "InsufficientBalance"),
        ("Token is disabled", "TokenDisabled"),
        ("Insufficient permissions", "InsufficientPermissions"),
    ])
    func seed004ForbiddenMessagesEachDecodeToTheirOwnEntry(_ message: String, _ name: String) throws {
        let body = #"{"status":{"code":403,"text":"Forbidden","message":"\#(message)"}}"#
        #expect(try Self.decode("batchdata", status: 403, body).name == name)
        // The status in the body is enough when the response's is lost.
        #expect(try Self.decode("batchdata", status: nil, body).name == name)
    }

    @Test func seed004AnUndocumented403MessageIsUnrecognised() throws {
        let decoded = try Self.decode(
            "batchdata",
            status: 403,
            #"{"status":{"code":403,"text":"Forbidden","message":"Region blocked"}}"#
        )
        #expect(decoded.entry == nil)
        #expect(decoded.status?.code == 403)
        #expect(decoded.message == "Region blocked")
    }

    @Test func seed000StatusPacketDecodesWithItsRequestID() throws {
        let decoder = ErrorDecoder(catalog: try Self.bundled("blazeauth"))
        let decoded = decoder.decodeStatusPacket(Array(#"{"id":5,"status":1}"#.utf8))
        #expect(decoded.name == "Ok")
        #expect(decoded.requestID == 5)
        #expect(decoded.code == .integer(1))
        #expect(decoded.status == nil)
        let licence = decoder.decodeStatusPacket(Array(#"{"status":100,"id":"r-1"}"#.utf8))
        #expect(licence.name == "LicenseNotFound")
        #expect(licence.requestID == "r-1")
    }

    @Test func seed000AClientOriginStatusIsNeverRecognised() throws {
        let decoder = ErrorDecoder(catalog: try Self.bundled("blazeauth"))
        let decoded = decoder.decodeStatusPacket(Array(#"{"id":5,"status":302}"#.utf8))
        #expect(decoded.entry == nil)
        #expect(decoded.code == .integer(302))
    }

    @Test func seed001MemberRefNotFoundGivesBackTheMemberRef() throws {
        let decoded = try Self.decode(
            "pluralkit",
            status: 404,
            #"{"code":20003,"message":"Member 'abcde' not found."}"#
        )
        #expect(decoded.name == "MemberRefNotFound")
        #expect(decoded.parameters == ["memberRef": "abcde"])
        #expect(decoded.code == .integer(20003))
    }

    @Test(arguments: [
        (500, "Internal server error, try again later", "InternalServerError"),
        (400, "Invalid JSON, or invalid request format (check error key in the response body)", "BadRequest"),
        (401, "Missing or invalid Authorization header", "Unauthorized"),
        (403, "Your access to the API is blocked - please contact us in the support server", "Forbidden"),
        (429, "Too many requests.", "TooManyRequests"),
        // The live server's variants: the code and status decide, not the message.
        (401, "401: Missing or invalid Authorization header", "Unauthorized"),
        (403, "403: Missing permissions to access this resource", "Forbidden"),
    ])
    func seed001CodeZeroIsToldApartByStatus(_ status: Int, _ message: String, _ name: String) throws {
        let decoded = try Self.decode("pluralkit", status: status, #"{"code":0,"message":"\#(message)"}"#)
        #expect(decoded.name == name)
        #expect(decoded.message == message)
    }

    @Test func seed001CodeZeroWithAStatusNoEntryHasIsUnrecognised() throws {
        let decoded = try Self.decode("pluralkit", status: 404, #"{"code":0,"message":"Not here"}"#)
        #expect(decoded.entry == nil)
        #expect(decoded.code == .integer(0))
    }

    @Test func seed001FieldErrorsAndRetryAfterComeBack() throws {
        let decoded = try Self.decode(
            "pluralkit",
            status: 400,
            #"{"code":40001,"message":"Error parsing JSON model (check errors key for details)","errors":{"name":[{"message":"Member name too long.","max_length":100,"actual_length":140}]}}"#
        )
        #expect(decoded.name == "InvalidJSONModel")
        #expect(decoded.fieldErrors.count == 1)
        #expect(decoded.fieldErrors.first?.field == "name")
        #expect(decoded.fieldErrors.first?.message == "Member name too long.")
        #expect(decoded.fieldErrors.first?.attribute("max_length") == 100)
        #expect(decoded.fieldErrors.first?.attribute("actual_length") == 140)
    }

    // MARK: Member order

    @Test(arguments: [
        #"{"code":20003,"message":"Member 'abc' not found."}"#,
        #"{"message":"Member 'abc' not found.","code":20003}"#,
        #" { "message" : "Member 'abc' not found." , "extra": [1, {"x": null}], "code" : 20003 } "#,
    ])
    func memberOrderDoesNotMatter(_ body: String) throws {
        let decoded = try Self.decode("pluralkit", status: 404, body)
        #expect(decoded.name == "MemberRefNotFound")
        #expect(decoded.parameters == ["memberRef": "abc"])
    }

    @Test func nestedMemberOrderDoesNotMatter() throws {
        let decoded = try Self.decode(
            "batchdata",
            status: 401,
            #"{"status":{"message":"Invalid token.","text":"Unauthorized","code":401}}"#
        )
        #expect(decoded.name == "InvalidToken")
    }

    // MARK: Unrecognised bodies

    @Test func anUnknownCodeIsUnrecognisedAndKeepsWhatTheResponseSaid() throws {
        let body = #"{"code":99999,"message":"Something new"}"#
        let decoded = try Self.decode("pluralkit", status: 418, body)
        #expect(decoded.entry == nil)
        #expect(!decoded.isRecognized)
        #expect(decoded.status?.code == 418)
        #expect(decoded.code == .integer(99999))
        #expect(decoded.message == "Something new")
        #expect(decoded.rawBody == Array(body.utf8))
        #expect(decoded.body?["code"] == 99999)
        #expect(decoded.problem == nil)
    }

    @Test(arguments: ["pluralkit", "batchdata", "rest-error-codes", "blazeauth"])
    func aNestedThirdPartyBodyIsUnrecognisedWithItsMessageAndCode(_ id: String) throws {
        let decoded = try Self.decode(id, status: 401, #"{"error":{"message":"nope","code":"E42"}}"#)
        #expect(decoded.entry == nil)
        #expect(decoded.message == "nope")
        #expect(decoded.code == .string("E42"))
        #expect(decoded.status?.code == 401)
    }

    @Test(arguments: [
        ("pluralkit", 401), ("pluralkit", 500), ("batchdata", 401), ("batchdata", 404), ("rest-error-codes", 501),
    ])
    func aProblemDetailBodyFromElsewhereIsUnrecognisedWithItsMessage(_ id: String, _ status: Int) throws {
        let decoded = try Self.decode(id, status: status, #"{"detail":"x"}"#)
        #expect(decoded.entry == nil, "\(decoded.name ?? "")")
        #expect(decoded.message == "x")
        #expect(decoded.code == nil)
    }

    @Test func aNonJSONBodyIsMalformedAndKeptRaw() throws {
        let body = "<html><body>502 Bad Gateway</body></html>"
        let decoded = try Self.decode("pluralkit", status: 502, body)
        #expect(decoded.entry == nil)
        #expect(decoded.problem?.kind == .malformedJSON)
        #expect(decoded.problem?.offset == 0)
        #expect(decoded.rawBody == Array(body.utf8))
        #expect(decoded.body == nil)
    }

    /// Bodies a proxy, a load balancer or a framework sends in the API's place, on statuses each catalog has
    /// exactly one entry for (so that only the body can tell).
    static let foreignBodies: [(String, Int, String)] = [
        ("batchdata", 404, "<html><body><h1>404 Not Found</h1></body></html>"),
        ("batchdata", 401, ""),
        ("batchdata", 500, "<!DOCTYPE html><title>Internal Server Error</title>"),
        ("batchdata", 429, "Too Many Requests"),
        ("pluralkit", 500, "upstream connect error or disconnect/reset before headers"),
        ("pluralkit", 401, ""),
        ("pluralkit", 429, " "),
    ]

    @Test(arguments: foreignBodies)
    func aNonJSONBodyIsNeverAnEntryByStatusAlone(_ id: String, _ status: Int, _ body: String) throws {
        let headers = Self.headers([(.contentType, "text/html"), (.server, "nginx")])
        let decoded = try Self.decode(id, status: status, headers: headers, body)
        #expect(decoded.entry == nil, "\(decoded.name ?? "")")
        #expect(decoded.status?.code == status)
        #expect(decoded.rawBody == Array(body.utf8))
        #expect(decoded.body == nil)
        #expect(decoded.code == nil)
        #expect(decoded.message == nil)
    }

    @Test(arguments: ["pluralkit", "batchdata"])
    func aBodyOverTheLimitOrTooDeepIsNeverAnEntryByStatusAlone(_ id: String) throws {
        let decoder = ErrorDecoder(catalog: try Self.bundled(id), limits: .init(maximumBodySize: 32, maximumDepth: 4))
        let large = decoder.decode(status: .unauthorized, body: Array(String(repeating: " ", count: 33).utf8))
        #expect(large.problem?.kind == .tooLarge)
        #expect(large.entry == nil)
        let deep = decoder.decode(status: .unauthorized, body: Array("[[[[[[1]]]]]]".utf8))
        #expect(deep.problem?.kind == .tooDeep)
        #expect(deep.entry == nil)
        #expect(deep.rawBody == Array("[[[[[[1]]]]]]".utf8))
    }

    static let springBootBody = #"""
        {"timestamp":"2026-12-02T10:15:30.000+00:00","status":404,"error":"Not Found","path":"/members/abc"}
        """#

    @Test func aSpringBootBodyIsNotAdmittedIntoAProblemCatalogsEnvelope() throws {
        let decoder = ErrorDecoder(catalog: try Self.load(Self.problemYAML))
        let decoded = decoder.decode(status: .notFound, body: Array(Self.springBootBody.utf8))
        #expect(decoded.entry == nil, "\(decoded.name ?? "")")
        #expect(decoded.status == .notFound)
        // Read as a foreign body: its well-known members, not the problem envelope's.
        #expect(decoded.message == "Not Found")
        #expect(decoded.body?["path"] == "/members/abc")
        // Without a response status, the body's status member is not taken either.
        #expect(decoder.decode(status: nil, body: Array(Self.springBootBody.utf8)).status == nil)
        // The same status with the catalog's own problem members is still the entry.
        let own =
            #"{"type":"https://example.com/errors/20003#MemberRefNotFound","title":"Member not found","status":404,"#
            + #""detail":"Member 'abc' not found.","code":20003}"#
        #expect(decoder.decode(status: .notFound, body: Array(own.utf8)).name == "MemberRefNotFound")
    }

    @Test func aProblemStatusAndTitleAreEnoughForTheEnvelope() throws {
        let decoder = ErrorDecoder(catalog: try Self.load(Self.problemYAML))
        let decoded = decoder.decode(status: nil, body: Array(#"{"title":"Slow down","status":429}"#.utf8))
        #expect(decoded.status == .tooManyRequests)
        #expect(decoded.name == "Throttled")
    }

    // MARK: Retry-After

    static func headers(_ fields: [(HTTPField.Name, String)]) -> HTTPFields {
        var headers = HTTPFields()
        for (name, value) in fields { headers.append(HTTPField(name: name, value: value)) }
        return headers
    }

    static let date = "Sun, 06 Nov 1994 08:49:37 GMT"
    static let tooManyRequestsBody =
        #"{"status":{"code":429,"text":"Too Many Requests","message":"Request limit exceeded. Try again later."}}"#

    @Test(arguments: [
        ("120", Duration.seconds(120)),
        ("0", .zero),
        (" 7 ", .seconds(7)),
        ("Sun, 06 Nov 1994 08:51:37 GMT", .seconds(120)),
        ("Sunday, 06-Nov-94 08:51:37 GMT", .seconds(120)),
        ("Sun Nov  6 08:51:37 1994", .seconds(120)),
        ("Mon, 07 Nov 1994 08:49:37 GMT", .seconds(86_400)),
        ("Sun, 06 Nov 1994 08:48:37 GMT", .zero),
        ("Thu, 01 Jan 1970 00:00:00 GMT", .zero),
    ])
    func retryAfterHeaderIsDeltaSecondsOrAnHTTPDateRelativeToDate(_ value: String, _ expected: Duration) throws {
        let decoded = try Self.decode(
            "batchdata",
            status: 429,
            headers: Self.headers([(.retryAfter, value), (.date, Self.date)]),
            #"{"status":{"code":429,"text":"Too Many Requests","message":"Request limit exceeded. Try again later."}}"#
        )
        #expect(decoded.name == "TooManyRequests")
        #expect(decoded.retryAfter == expected)
    }

    @Test func retryAfterDateWithoutADateHeaderIsRelativeToNow() throws {
        let decoded = try Self.decode(
            "batchdata",
            status: 503,
            headers: Self.headers([(.retryAfter, "Sun, 06 Nov 1994 08:49:47 GMT")]),
            "",
            now: 784_111_777  // Sun, 06 Nov 1994 08:49:37 GMT
        )
        #expect(decoded.retryAfter == .seconds(10))
        // An empty body is no catalog entry, whatever its status; the header is still read.
        #expect(decoded.entry == nil)
        #expect(decoded.status == .serviceUnavailable)
    }

    @Test(arguments: [
        "soon", "-5", "1.5", "", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1969 08:49:37 GMT", "Sun, 06 Nov 99999999999999 08:49:37 GMT",
        "Sun Nov  6 08:49:37 99999999999999999", "Sun, 06 Nov 1994 08:49 GMT", "9999999999999999999999",
    ])
    func anUnreadableRetryAfterIsIgnored(_ value: String) throws {
        let decoded = try Self.decode(
            "batchdata",
            status: 429,
            headers: Self.headers([(.retryAfter, value), (.date, Self.date)]),
            Self.tooManyRequestsBody
        )
        #expect(decoded.retryAfter == nil)
        #expect(decoded.name == "TooManyRequests")
    }

    /// 1,764,000,000 seconds since 1970: a Unix-time reset is a billion or more.
    static let modernDate = "Mon, 24 Nov 2025 16:00:00 GMT"
    static let gitHubRateLimitBody =
        #"{"message":"API rate limit exceeded for user ID 1234.","documentation_url":"https://docs.github.com/rest"}"#

    /// GitHub's primary rate-limit body with these header fields, decoded at `modernDate`.
    static func gitHubRateLimit(_ fields: [(String, String)]) throws -> DecodedError {
        let headers = Self.headers(fields.map { (HTTPField.Name($0.0)!, $0.1) })
        return try Self.decode("github", status: 403, headers: headers, Self.gitHubRateLimitBody, now: 1_764_000_000)
    }

    /// An exhausted `X-RateLimit-*` quota, when there is no `Retry-After`: a Unix-time reset from the response's
    /// `Date` (or `now`), a small one as seconds from now, `X-RateLimit-Reset-After` first.
    @Test(
        arguments: [
            // GitHub: Unix seconds, 10 s after the Date.
            (
                [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1764000010"), ("Date", modernDate)],
                Duration.seconds(10)
            ),
            // Without a Date, from `now` (the same instant).
            ([("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1764000013")], .seconds(13)),
            // Discord: a fractional Unix time, and the wait itself, which wins.
            (
                [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1764000020.5"), ("Date", modernDate)],
                .milliseconds(20500)
            ),
            (
                [
                    ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1764000020.5"),
                    ("X-RateLimit-Reset-After", "1.2"),
                ],
                .milliseconds(1200)
            ),
            // Reddit: seconds from now.
            ([("X-RateLimit-Remaining", " 0 "), ("X-RateLimit-Reset", "523")], .seconds(523)),
            // A reset already past is no wait.
            ([("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1763999900"), ("Date", modernDate)], .zero),
        ] as [([(String, String)], Duration)]
    )
    func anExhaustedRateLimitQuotaGivesTheWaitUntilItsReset(_ fields: [(String, String)], _ expected: Duration) throws {
        let decoded = try Self.gitHubRateLimit(fields)
        #expect(decoded.name == "RateLimitExceeded")
        #expect(decoded.retryAfter == expected)
    }

    @Test(
        arguments: [
            // Quota left, unreadable fields, no reset: no wait from these.
            [("X-RateLimit-Remaining", "1"), ("X-RateLimit-Reset", "1764000010")],
            [("X-RateLimit-Remaining", "none"), ("X-RateLimit-Reset", "1764000010")],
            [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "soon")],
            [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "-5")],
            [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1e9")],
            [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "99999999999999999999999999")],
            [("X-RateLimit-Remaining", "0")],
            [("X-RateLimit-Reset", "1764000010")],
        ] as [[(String, String)]]
    )
    func aQuotaNotExhaustedOrUnreadableGivesNoWait(_ fields: [(String, String)]) throws {
        let decoded = try Self.gitHubRateLimit(fields)
        #expect(decoded.name == "RateLimitExceeded")
        #expect(decoded.retryAfter == nil)
    }

    @Test func retryAfterWinsOverAnExhaustedQuota() throws {
        let decoded = try Self.gitHubRateLimit([
            ("Retry-After", "60"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1764000010"),
        ])
        #expect(decoded.retryAfter == .seconds(60))
    }

    @Test func retryAfterComesFromTheBodyInMilliseconds() throws {
        let body = #"{"code":0,"message":"Too many requests.","retry_after":1500}"#
        let decoded = try Self.decode("pluralkit", status: 429, body)
        #expect(decoded.name == "TooManyRequests")
        #expect(decoded.retryAfter == .milliseconds(1500))
        // A fraction of a millisecond is rounded up, never down to "retry now".
        let fraction = try Self.decode(
            "pluralkit",
            status: 429,
            #"{"code":0,"message":"Too many requests.","retry_after":0.2}"#
        )
        #expect(fraction.retryAfter == .milliseconds(1))
        // The header, when there is one, wins over the body.
        let both = try Self.decode("pluralkit", status: 429, headers: Self.headers([(.retryAfter, "3")]), body)
        #expect(both.retryAfter == .seconds(3))
    }

    @Test(arguments: ["-1", "1e999", "\"soon\"", "null", "1e300"])
    func anUnusableBodyRetryAfterIsIgnored(_ value: String) throws {
        let decoded = try Self.decode(
            "pluralkit",
            status: 429,
            #"{"code":0,"message":"Too many requests.","retry_after":\#(value)}"#
        )
        #expect(decoded.name == "TooManyRequests")
        #expect(decoded.retryAfter == nil)
    }

    // MARK: Problem catalogs

    static let problemYAML = #"""
        errata: 1
        id: shop
        title: Shop API
        version: "1.0.0"
        docs: "https://example.com/errors/{code}#{name}"
        envelope:
          format: problem
          extensions: { code: "{code}", request_id: "{requestID?}", retry_in: "{retryAfterSeconds?}" }
        codes:
          - { name: MemberRefNotFound, code: 20003, status: 404, title: Member not found, message: "Member '{memberRef}' not found." }
          - { name: ValidationFailed, code: 40001, status: 422, title: Validation failed, message: "The request is not valid.", fields: true }
          - { name: Throttled, code: 42901, status: 429, title: Slow down, message: "Slow down.", retry: after }
        """#

    @Test func aProblemBodyDecodesEveryMemberBack() throws {
        let catalog = try Self.load(Self.problemYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let decoder = ErrorDecoder(catalog: catalog)

        let notFound = renderer.render(
            try APIError(
                "MemberRefNotFound",
                in: catalog,
                parameters: ["memberRef": "a\"b"],
                instance: "/members/1",
                requestID: "r-9"
            )
        )
        let decoded = decoder.decode(status: notFound.status, headerFields: notFound.headerFields, body: notFound.body)
        #expect(decoded.name == "MemberRefNotFound")
        #expect(decoded.code == .integer(20003))
        #expect(decoded.parameters == ["memberRef": "a\"b"])
        #expect(decoded.type == "https://example.com/errors/20003#MemberRefNotFound")
        #expect(decoded.title == "Member not found")
        #expect(decoded.instance == "/members/1")
        #expect(decoded.requestID == "r-9")

        let invalid = renderer.render(
            try APIError(
                "ValidationFailed",
                in: catalog,
                fieldErrors: [
                    FieldError(field: "age", message: "must be positive"),
                    FieldError(field: "a/b~c", message: "odd"),
                ]
            )
        )
        let fields = decoder.decode(status: invalid.status, body: invalid.body).fieldErrors
        #expect(fields.map(\.field) == ["age", "a/b~c"])
        #expect(fields.map(\.message) == ["must be positive", "odd"])
        #expect(fields.map(\.resolvedPointer) == ["#/age", "#/a~1b~0c"])

        let throttled = renderer.render(try APIError("Throttled", in: catalog, retryAfter: .milliseconds(2500)))
        #expect(decoder.decode(status: throttled.status, body: throttled.body).retryAfter == .seconds(3))
    }

    // MARK: Alternatives

    static let alternativesYAML = #"""
        errata: 1
        id: moving
        version: "1.0.0"
        title: Moving API
        docs: "https://example.com/errors#{name}"
        envelope:
          format: json
          body: { status: "{status}", error: { code: "{code}", message: "{message}" } }
          alternatives: [{ format: problem }]
        codes:
          - name: MemberRefNotFound
            code: 20003
            status: 404
            title: Member not found
            message: "Member '{memberRef}' not found."
          - name: GroupRefNotFound
            code: 20005
            status: 404
            title: Group not found
            message: "Group '{groupRef}' not found."
        """#

    @Test func problemContentTypePicksTheProblemAlternative() throws {
        let catalog = try Self.load(Self.alternativesYAML)
        let problem = try #require(catalog.envelope.alternatives.first)
        let renderer = try ErrorRenderer(catalog: catalog, envelope: problem)
        let rendered = renderer.render(
            try APIError("GroupRefNotFound", in: catalog, parameters: ["groupRef": "g1"], instance: "/groups/g1")
        )
        #expect(rendered.headerFields[.contentType] == "application/problem+json")
        #expect(
            String(decoding: rendered.body, as: UTF8.self)
                == #"{"type":"https://example.com/errors#GroupRefNotFound","title":"Group not found","status":404,"detail":"Group 'g1' not found.","instance":"/groups/g1"}"#
        )
        let decoder = ErrorDecoder(catalog: catalog)
        let decoded = decoder.decode(status: rendered.status, headerFields: rendered.headerFields, body: rendered.body)
        #expect(decoded.name == "GroupRefNotFound")
        #expect(decoded.parameters == ["groupRef": "g1"])
        #expect(decoded.type == "https://example.com/errors#GroupRefNotFound")
        #expect(decoded.title == "Group not found")
        #expect(decoded.instance == "/groups/g1")

        // Told it is problem+json (with parameters), the decoder reads the problem members first.
        let withCharset = decoder.decode(
            status: rendered.status,
            headerFields: Self.headers([(.contentType, "Application/Problem+JSON; charset=utf-8")]),
            body: rendered.body
        )
        #expect(withCharset.name == "GroupRefNotFound")
        #expect(withCharset.type == "https://example.com/errors#GroupRefNotFound")

        // The API's own shape still decodes as before.
        let own = try ErrorRenderer(catalog: catalog).render(
            try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": "m1"])
        )
        #expect(
            String(decoding: own.body, as: UTF8.self)
                == #"{"status":404,"error":{"code":20003,"message":"Member 'm1' not found."}}"#
        )
        let ownDecoded = decoder.decode(status: own.status, headerFields: own.headerFields, body: own.body)
        #expect(ownDecoded.name == "MemberRefNotFound")
        #expect(ownDecoded.parameters == ["memberRef": "m1"])
        #expect(ownDecoded.type == nil)
    }
}
