import Errata
import ErrataCatalogs
import ErrataTools
import HTTPTypes
import Testing

/// The catalogs of real public APIs (GitHub, Stripe, Kubernetes, Google APIs, Discord, RFC 9457's examples): each
/// documented example renders to the documented bytes (compacted: the APIs' docs pretty-print) and decodes back to
/// its entry, parameters, retry delay and field errors; bodies the catalogs do not know decode unrecognised with
/// everything kept.
@Suite struct PublicAPICatalogTests {
    static let ids = ["github", "stripe", "kubernetes", "google-apis", "discord", "rfc9457"]

    static func catalog(_ id: String) throws -> ErrorCatalog {
        let path = try #require(BundledCatalogs.path(forID: id))
        let loaded = CatalogLoader().load(path: path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return try #require(loaded.catalog)
    }

    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func decode(
        _ id: String,
        status: Int,
        _ body: String,
        headers: HTTPFields = [:]
    ) throws -> DecodedError {
        ErrorDecoder(catalog: try catalog(id)).decode(
            status: HTTPResponse.Status(code: status),
            headerFields: headers,
            body: Array(body.utf8)
        )
    }

    @Test(arguments: ids)
    func catalogIsBundledAndLintsClean(_ id: String) throws {
        let catalog = try Self.catalog(id)
        #expect(catalog.id == id)
        let path = try #require(BundledCatalogs.path(forID: id))
        let loaded = CatalogLoader().load(path: path)
        let findings = Linter().lint(try #require(loaded.catalog), sourceMap: loaded.sourceMap)
        #expect(findings.isEmpty, "\(findings)")
    }

    // MARK: GitHub

    static let gitHubValidationFailed =
        #"{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}],"documentation_url":"https://docs.github.com/rest","status":"422"}"#

    @Test func gitHubValidationFailedRendersEachItemWithItsOwnCode() throws {
        let catalog = try Self.catalog("github")
        let error = try APIError(
            "ValidationFailed",
            in: catalog,
            fieldErrors: [
                FieldError(
                    field: "title",
                    message: "",
                    attributes: [.init("resource", "Issue"), .init("code", "missing_field")]
                )
            ]
        )
        let rendered = try ErrorRenderer(catalog: catalog).render(error)
        #expect(rendered.status.code == 422)
        #expect(Self.text(rendered.body) == Self.gitHubValidationFailed)
    }

    @Test func gitHubValidationFailedDecodesItsFieldErrors() throws {
        let decoded = try Self.decode("github", status: 422, Self.gitHubValidationFailed)
        #expect(decoded.name == "ValidationFailed")
        #expect(decoded.fieldErrors.map(\.field) == ["title"])
        #expect(decoded.fieldErrors.first?.attribute("code") == "missing_field")
        #expect(decoded.fieldErrors.first?.attribute("resource") == "Issue")
        #expect(decoded.type == "https://docs.github.com/rest")
    }

    @Test func gitHubRateLimitRendersTheRateLimitHeaders() throws {
        let catalog = try Self.catalog("github")
        let error = try APIError(
            "RateLimitExceeded",
            in: catalog,
            parameters: ["userID": "1234", "limit": "5000", "used": "5000", "reset": "1377013266", "resource": "core"]
        )
        let rendered = try ErrorRenderer(catalog: catalog).render(error)
        #expect(rendered.status.code == 403)
        #expect(rendered.headerFields[HTTPField.Name("x-ratelimit-remaining")!] == "0")
        #expect(rendered.headerFields[HTTPField.Name("x-ratelimit-reset")!] == "1377013266")
        #expect(rendered.headerFields[HTTPField.Name("x-ratelimit-limit")!] == "5000")
        #expect(
            Self.text(rendered.body)
                == #"{"message":"API rate limit exceeded for user ID 1234.","documentation_url":"https://docs.github.com/rest","status":"403"}"#
        )
    }

    /// A live 401 body [live]: the status is a string, last.
    static let gitHubBadCredentials =
        #"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}"#

    @Test func gitHubWritesTheStatusAsAString() throws {
        let catalog = try Self.catalog("github")
        let rendered = try ErrorRenderer(catalog: catalog).render(try APIError("BadCredentials", in: catalog))
        #expect(Self.text(rendered.body) == Self.gitHubBadCredentials)
        // Read back from the body alone, without the response's status: the string's digits are the status.
        let decoded = ErrorDecoder(catalog: catalog).decode(status: nil, body: Array(Self.gitHubBadCredentials.utf8))
        #expect(decoded.name == "BadCredentials")
        #expect(decoded.status?.code == 401)
    }

    /// A status member that is not a status's digits gives none.
    @Test(arguments: ["", "4O1", "1e2", "-401", "0401", "999", "40"])
    func gitHubStatusThatIsNotAStatusGivesNone(_ status: String) throws {
        let catalog = try Self.catalog("github")
        let body =
            #"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"\#(status)"}"#
        let decoded = ErrorDecoder(catalog: catalog).decode(status: nil, body: Array(body.utf8))
        #expect(decoded.status == nil)
    }

    /// The unauthenticated rate-limit body from GitHub's docs, told apart from the authenticated one by message.
    @Test func gitHubUnauthenticatedRateLimitDecodesByMessage() throws {
        let body =
            ##"{"message":"API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}"##
        let decoded = try Self.decode("github", status: 403, body)
        #expect(decoded.name == "RateLimitExceededUnauthenticated")
        #expect(decoded.parameters["ip"] == "203.0.113.7")
        let authenticated = try Self.decode(
            "github",
            status: 403,
            #"{"message":"API rate limit exceeded for user ID 1234.","documentation_url":"https://docs.github.com/rest"}"#
        )
        #expect(authenticated.name == "RateLimitExceeded")
        #expect(authenticated.parameters["userID"] == "1234")
    }

    /// GitHub answers the primary rate limit with 403 or 429, and a secondary one with 429 or 403 [rate]: each is
    /// recognised on both, and the renderer writes the entry's own status.
    @Test func gitHubRateLimitsAreRecognisedOnEitherStatus() throws {
        let primary =
            #"{"message":"API rate limit exceeded for user ID 1234.","documentation_url":"https://docs.github.com/rest","status":"429"}"#
        let secondary =
            #"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest","status":"403"}"#
        for status in [403, 429] {
            #expect(try Self.decode("github", status: status, primary).name == "RateLimitExceeded")
            #expect(try Self.decode("github", status: status, secondary).name == "SecondaryRateLimit")
        }
        #expect(try Self.decode("github", status: 500, primary).isRecognized == false)
        let catalog = try Self.catalog("github")
        #expect(catalog.entries(withStatus: 429).map(\.name).contains("RateLimitExceeded"))
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "RateLimitExceeded",
                in: catalog,
                parameters: ["userID": "1", "limit": "5000", "used": "5000", "reset": "1", "resource": "core"]
            )
        )
        #expect(rendered.status.code == 403)
    }

    @Test func gitHubSecondaryRateLimitTakesItsDelayFromRetryAfter() throws {
        let decoded = try Self.decode(
            "github",
            status: 429,
            #"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest"}"#,
            headers: [.retryAfter: "60"]
        )
        #expect(decoded.name == "SecondaryRateLimit")
        #expect(decoded.retryAfter == .seconds(60))
    }

    // MARK: Stripe

    static let stripeResourceMissing =
        #"{"error":{"code":"resource_missing","doc_url":"https://stripe.com/docs/error-codes/resource-missing","message":"No such customer: 'cus_12345'","param":"id","request_log_url":"https://dashboard.stripe.com/test/logs/req_abc123","type":"invalid_request_error"}}"#

    @Test func stripeResourceMissingRendersTheDocumentedBody() throws {
        let catalog = try Self.catalog("stripe")
        let error = try APIError(
            "ResourceMissing",
            in: catalog,
            parameters: [
                "resource": "customer", "id": "cus_12345", "param": "id",
                "requestLogURL": "https://dashboard.stripe.com/test/logs/req_abc123",
            ]
        )
        // `type` and `docURL` are the entry's constants: the catalog writes them.
        #expect(error.parameters["type"] == "invalid_request_error")
        let rendered = try ErrorRenderer(catalog: catalog).render(error)
        #expect(rendered.status.code == 404)
        #expect(Self.text(rendered.body) == Self.stripeResourceMissing)
    }

    @Test func stripeResourceMissingDecodesWithItsParameters() throws {
        let decoded = try Self.decode("stripe", status: 404, Self.stripeResourceMissing)
        #expect(decoded.name == "ResourceMissing")
        #expect(decoded.code == .string("resource_missing"))
        #expect(decoded.parameters["resource"] == "customer")
        #expect(decoded.parameters["id"] == "cus_12345")
        #expect(decoded.parameters["param"] == "id")
        #expect(decoded.parameters["type"] == "invalid_request_error")
        #expect(decoded.parameters["docURL"] == "https://stripe.com/docs/error-codes/resource-missing")
    }

    /// Stripe's two levels: a body whose `type` is not the entry's is not that entry, and an occurrence cannot
    /// give a constant another value.
    @Test func stripeTypeIsTheFirstLevelOfTheClassification() throws {
        let body =
            #"{"error":{"code":"card_declined","message":"Declined.","type":"invalid_request_error"}}"#
        let decoded = try Self.decode("stripe", status: 402, body)
        #expect(!decoded.isRecognized)
        #expect(decoded.code == .string("card_declined"))
        #expect(decoded.parameters["type"] == "invalid_request_error")
        // Without a `type` member, the code alone still finds the entry, and the entry gives the constants.
        let untyped = try Self.decode("stripe", status: 402, #"{"error":{"code":"card_declined","message":"No."}}"#)
        #expect(untyped.name == "CardDeclined")
        #expect(untyped.parameters["type"] == "card_error")

        let catalog = try Self.catalog("stripe")
        #expect {
            try APIError("ExpiredCard", in: catalog, parameters: ["param": "exp_year", "type": "api_error"])
        } throws: { error in
            (error as? APIError.ConstructionError)?.description
                == "'ExpiredCard' fixes parameter 'type' at 'card_error', not 'api_error'; leave it out"
        }
        // The same value is allowed, and changes nothing.
        let same = try APIError("ExpiredCard", in: catalog, parameters: ["param": "exp_year", "type": "card_error"])
        let plain = try APIError("ExpiredCard", in: catalog, parameters: ["param": "exp_year"])
        let renderer = try ErrorRenderer(catalog: catalog)
        #expect(try renderer.render(same).body == renderer.render(plain).body)
    }

    @Test func stripeCardDeclinedCarriesItsDeclineCode() throws {
        let body =
            #"{"error":{"code":"card_declined","decline_code":"insufficient_funds","doc_url":"https://stripe.com/docs/error-codes/card-declined","message":"Your card has insufficient funds.","type":"card_error"}}"#
        let catalog = try Self.catalog("stripe")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "CardDeclined",
                in: catalog,
                parameters: ["detail": "Your card has insufficient funds.", "declineCode": "insufficient_funds"]
            )
        )
        #expect(rendered.status.code == 402)
        #expect(Self.text(rendered.body) == body)
        let decoded = try Self.decode("stripe", status: 402, body)
        #expect(decoded.name == "CardDeclined")
        #expect(decoded.parameters["declineCode"] == "insufficient_funds")
        #expect(decoded.parameters["detail"] == "Your card has insufficient funds.")
    }

    @Test func stripeRateLimitSaysItShouldBeRetried() throws {
        let catalog = try Self.catalog("stripe")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "RateLimit",
                in: catalog,
                parameters: ["detail": "Too many requests."],
                retryAfter: .seconds(1)
            )
        )
        #expect(rendered.status.code == 429)
        #expect(rendered.headerFields[HTTPField.Name("Stripe-Should-Retry")!] == "true")
        #expect(rendered.headerFields[.retryAfter] == "1")
    }

    /// A code Stripe adds after this catalog was written: unrecognised, with its code, message and body kept.
    @Test func stripeUnknownCodeIsUnrecognisedWithEverythingKept() throws {
        let body =
            #"{"error":{"code":"brand_new_code","doc_url":"https://stripe.com/docs/error-codes/brand-new-code","message":"Something new.","type":"invalid_request_error","extra":{"a":1}}}"#
        let decoded = try Self.decode("stripe", status: 400, body)
        #expect(!decoded.isRecognized)
        #expect(decoded.code == .string("brand_new_code"))
        #expect(decoded.message == "Something new.")
        #expect(decoded.parameters["type"] == "invalid_request_error")
        #expect(decoded.body?["error"]?["extra"]?["a"] == .integer(1))
        #expect(decoded.rawBody == Array(body.utf8))
        #expect(decoded.problem == nil)
    }

    /// A documented member left out (Stripe's decline_code, GitHub's errors, Kubernetes' details) does not stop the
    /// body from being its entry; the parameters it would have given are simply absent.
    @Test(arguments: [
        (
            "stripe", 402,
            #"{"error":{"code":"card_declined","message":"Your card was declined.","type":"card_error"}}"#,
            "CardDeclined"
        ),
        ("github", 422, #"{"message":"Validation Failed"}"#, "ValidationFailed"),
        (
            "kubernetes", 404,
            #"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"pods \"x\" not found","reason":"NotFound","code":404}"#,
            "NotFound"
        ),
        ("google-apis", 404, #"{"error":{"code":404,"message":"Not here.","status":"NOT_FOUND"}}"#, "NotFound"),
        ("discord", 429, #"{"message":"You are being rate limited.","global":true}"#, "RateLimited"),
    ])
    func missingOptionalMemberStillDecodesToItsEntry(_ id: String, _ status: Int, _ body: String, _ name: String) throws
    {
        let decoded = try Self.decode(id, status: status, body)
        #expect(decoded.name == name)
        #expect(decoded.problem == nil)
        #expect(decoded.fieldErrors.isEmpty)
        #expect(decoded.rawBody == Array(body.utf8))
    }

    /// A code newer than the catalog, in each catalog with codes: unrecognised, with the code and message kept.
    @Test(arguments: [
        ("google-apis", 400, #"{"error":{"code":400,"message":"new","status":"BRAND_NEW","details":[]}}"#),
        ("discord", 400, #"{"code":99999,"message":"new"}"#),
        (
            "kubernetes", 400,
            #"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"new","reason":"BrandNew","code":400}"#
        ),
        ("stripe", 400, #"{"error":{"code":"brand_new","message":"new","type":"invalid_request_error"}}"#),
    ])
    func newCodeIsUnrecognisedWithItsCodeAndMessageKept(_ id: String, _ status: Int, _ body: String) throws {
        let decoded = try Self.decode(id, status: status, body)
        #expect(!decoded.isRecognized)
        #expect(decoded.code != nil)
        #expect(decoded.message == "new")
        #expect(decoded.body != nil)
        #expect(decoded.problem == nil)
    }

    // MARK: Kubernetes

    /// The api-conventions example: `GET /api/v1/namespaces/default/pods/grafana` → 404.
    static let kubernetesNotFound =
        #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"grafana\" not found","reason":"NotFound","details":{"name":"grafana","kind":"pods"},"code":404}"#

    @Test func kubernetesNotFoundRendersTheDocumentedStatus() throws {
        let catalog = try Self.catalog("kubernetes")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("NotFound", in: catalog, parameters: ["kind": "pods", "name": "grafana"])
        )
        #expect(rendered.status.code == 404)
        #expect(rendered.headerFields[.contentType] == "application/json")
        #expect(Self.text(rendered.body) == Self.kubernetesNotFound)
    }

    @Test func kubernetesNotFoundDecodesByStringReason() throws {
        let decoded = try Self.decode("kubernetes", status: 404, Self.kubernetesNotFound)
        #expect(decoded.name == "NotFound")
        #expect(decoded.code == .string("NotFound"))
        #expect(decoded.parameters == ["kind": "pods", "name": "grafana"])
    }

    static let kubernetesInvalid =
        #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod \"web\" is invalid: spec.containers[0].image: Required value","reason":"Invalid","details":{"name":"web","kind":"Pod","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.containers[0].image"}]},"code":422}"#

    @Test func kubernetesInvalidCarriesItsCauses() throws {
        let catalog = try Self.catalog("kubernetes")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "Invalid",
                in: catalog,
                parameters: ["kind": "Pod", "name": "web", "causes": "spec.containers[0].image: Required value"],
                fieldErrors: [
                    FieldError(
                        field: "spec.containers[0].image",
                        message: "Required value",
                        attributes: [.init("reason", "FieldValueRequired")]
                    )
                ]
            )
        )
        #expect(Self.text(rendered.body) == Self.kubernetesInvalid)
        let decoded = try Self.decode("kubernetes", status: 422, Self.kubernetesInvalid)
        #expect(decoded.name == "Invalid")
        #expect(decoded.fieldErrors.map(\.field) == ["spec.containers[0].image"])
        #expect(decoded.fieldErrors.first?.message == "Required value")
        #expect(decoded.fieldErrors.first?.attribute("reason") == "FieldValueRequired")
    }

    @Test func kubernetesTooManyRequestsCarriesRetryAfterSecondsInDetails() throws {
        let catalog = try Self.catalog("kubernetes")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("TooManyRequests", in: catalog, retryAfter: .seconds(3))
        )
        let body =
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Too many requests, please try again later.","reason":"TooManyRequests","details":{"retryAfterSeconds":3},"code":429}"#
        #expect(Self.text(rendered.body) == body)
        #expect(rendered.headerFields[.retryAfter] == "3")
        let decoded = try Self.decode("kubernetes", status: 429, body)
        #expect(decoded.name == "TooManyRequests")
        #expect(decoded.retryAfter == .seconds(3))
    }

    /// The apiserver leaves `details` out when it has nothing in it (`omitempty`), and so does the catalog's
    /// `details?`; the same entry with a retry delay writes it.
    @Test func kubernetesLeavesEmptyDetailsOut() throws {
        let catalog = try Self.catalog("kubernetes")
        let renderer = try ErrorRenderer(catalog: catalog)
        let unauthorized = renderer.render(try APIError("Unauthorized", in: catalog))
        #expect(
            Self.text(unauthorized.body)
                == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#
        )
        let waited = renderer.render(try APIError("Unauthorized", in: catalog, retryAfter: .seconds(2)))
        #expect(
            Self.text(waited.body).contains(#""reason":"Unauthorized","details":{"retryAfterSeconds":2},"code":401}"#)
        )
        let decoded = try Self.decode("kubernetes", status: 401, Self.text(unauthorized.body))
        #expect(decoded.name == "Unauthorized")
        #expect(decoded.retryAfter == nil)
    }

    /// A reason newer than the catalog, an extra member and no details: unrecognised, nothing lost.
    @Test func kubernetesUnknownReasonIsUnrecognisedWithEverythingKept() throws {
        let body =
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"something new","reason":"SomethingNew","code":418,"extra":true}"#
        let decoded = try Self.decode("kubernetes", status: 418, body)
        #expect(!decoded.isRecognized)
        #expect(decoded.code == .string("SomethingNew"))
        #expect(decoded.message == "something new")
        #expect(decoded.body?["extra"] == .bool(true))
        #expect(decoded.problem == nil)
    }

    // MARK: Google APIs

    /// The "Error model" example of cloud.google.com/apis/design/errors.
    static let googleInvalidAPIKey =
        #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"translate.googleapis.com"}}]}}"#

    /// ErrorInfo's metadata in that example: the occurrence's free JSON details.
    static let googleMetadata: JSONValue = .object([.init("service", "translate.googleapis.com")])

    @Test func googleInvalidArgumentRendersTheDocumentedStatus() throws {
        let catalog = try Self.catalog("google-apis")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "InvalidArgument",
                in: catalog,
                parameters: [
                    "detail": "API key not valid. Please pass a valid API key.", "reason": "API_KEY_INVALID",
                    "domain": "googleapis.com",
                ],
                details: Self.googleMetadata
            )
        )
        #expect(rendered.status.code == 400)
        #expect(Self.text(rendered.body) == Self.googleInvalidAPIKey)
    }

    @Test func googleInvalidArgumentDecodesWithItsErrorInfo() throws {
        let decoded = try Self.decode("google-apis", status: 400, Self.googleInvalidAPIKey)
        #expect(decoded.name == "InvalidArgument")
        #expect(decoded.code == .string("INVALID_ARGUMENT"))
        #expect(decoded.parameters["detail"] == "API key not valid. Please pass a valid API key.")
        #expect(decoded.parameters["reason"] == "API_KEY_INVALID")
        #expect(decoded.parameters["domain"] == "googleapis.com")
        #expect(decoded.details == Self.googleMetadata)
    }

    /// A quota error with ErrorInfo and RetryInfo, as AIP-193 and error_details.proto describe them.
    static let googleQuotaExceeded =
        #"{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2.5s"}]}}"#

    @Test func googleRetryInfoCarriesTheRetryDelayAsADuration() throws {
        let catalog = try Self.catalog("google-apis")
        let renderer = try ErrorRenderer(catalog: catalog)
        let error = try APIError(
            "ResourceExhausted",
            in: catalog,
            parameters: ["detail": "Quota exceeded.", "reason": "RATE_LIMIT_EXCEEDED", "domain": "googleapis.com"]
        )
        let rendered = renderer.render(error.with(retryAfter: .milliseconds(2_500)))
        #expect(Self.text(rendered.body) == Self.googleQuotaExceeded)
        #expect(rendered.headerFields[.retryAfter] == "3")
        // Without a delay, RetryInfo is left out and ErrorInfo stays; without either, so is the array.
        #expect(
            Self.text(try renderer.render(error).body)
                == #"{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com"}]}}"#
        )
        // AIP-193 requires ErrorInfo, so its parameters are required; an occurrence built unchecked lacks them.
        let bare = APIError(
            unchecked: try #require(catalog.entry(named: "ResourceExhausted")),
            parameters: ["detail": "Quota exceeded."]
        )
        #expect(
            Self.text(try renderer.render(bare).body)
                == #"{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED"}}"#
        )
        #expect(
            Self.text(try renderer.render(bare.with(retryAfter: .seconds(30))).body)
                == #"{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"}]}}"#
        )

        let decoded = try Self.decode("google-apis", status: 429, Self.googleQuotaExceeded)
        #expect(decoded.name == "ResourceExhausted")
        #expect(decoded.retryAfter == .milliseconds(2_500))
        #expect(decoded.parameters["reason"] == "RATE_LIMIT_EXCEEDED")
    }

    /// Items in another order, with a type the catalog does not declare between them, and a Duration with nine
    /// fractional digits: each declared item is still read by its "@type", and the body keeps the others.
    @Test func googleDetailsAreReadByTheirTypeInAnyOrder() throws {
        let body =
            #"{"error":{"code":503,"message":"Try later.","status":"UNAVAILABLE","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"0.000000001s"},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"url":"https://example.com"}]},{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"BACKEND_DOWN","domain":"example.googleapis.com"}]}}"#
        let decoded = try Self.decode("google-apis", status: 503, body)
        #expect(decoded.name == "Unavailable")
        #expect(decoded.retryAfter == .milliseconds(1))
        #expect(decoded.parameters["reason"] == "BACKEND_DOWN")
        #expect(decoded.parameters["domain"] == "example.googleapis.com")
        guard case .array(let details) = try #require(decoded.body?["error"]?["details"]) else {
            Issue.record("details is not an array")
            return
        }
        #expect(details.count == 3)
        #expect(details[1]["@type"] == "type.googleapis.com/google.rpc.Help")
    }

    /// A retry delay that is not a Duration's text gives none: the client falls back to its own backoff.
    @Test(arguments: ["", "s", "2.5", "-1s", "1e3s", "infs", "nans", "1.s", ".5s", "1..5s", "0x10s", "2.5ms"])
    func googleRetryDelayThatIsNotADurationGivesNone(_ delay: String) throws {
        let body =
            #"{"error":{"code":503,"message":"Try later.","status":"UNAVAILABLE","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"\#(delay)"}]}}"#
        let decoded = try Self.decode("google-apis", status: 503, body)
        #expect(decoded.name == "Unavailable")
        #expect(decoded.retryAfter == nil)
    }

    static let googleBadRequest =
        #"{"error":{"code":400,"message":"Invalid request.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID_BOOK","domain":"library.example.com"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"book.title","description":"Must not be empty."}]}]}}"#

    @Test func googleBadRequestCarriesTheFieldErrors() throws {
        let catalog = try Self.catalog("google-apis")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "InvalidArgument",
                in: catalog,
                parameters: ["detail": "Invalid request.", "reason": "INVALID_BOOK", "domain": "library.example.com"]
            )
            .with(fieldErrors: [FieldError(field: "book.title", message: "Must not be empty.")])
        )
        #expect(Self.text(rendered.body) == Self.googleBadRequest)
        let decoded = try Self.decode("google-apis", status: 400, Self.googleBadRequest)
        #expect(decoded.name == "InvalidArgument")
        #expect(decoded.fieldErrors == [FieldError(field: "book.title", message: "Must not be empty.")])
    }

    /// Every google.rpc.Code but OK, each on the HTTP status code.proto maps it to.
    @Test(arguments: [
        ("CANCELLED", 499), ("UNKNOWN", 500), ("INVALID_ARGUMENT", 400), ("DEADLINE_EXCEEDED", 504),
        ("NOT_FOUND", 404), ("ALREADY_EXISTS", 409), ("PERMISSION_DENIED", 403), ("UNAUTHENTICATED", 401),
        ("RESOURCE_EXHAUSTED", 429), ("FAILED_PRECONDITION", 400), ("ABORTED", 409), ("OUT_OF_RANGE", 400),
        ("UNIMPLEMENTED", 501), ("INTERNAL", 500), ("UNAVAILABLE", 503), ("DATA_LOSS", 500),
    ])
    func googleCodeMapsToItsHTTPStatus(_ code: String, _ status: Int) throws {
        let entries = try Self.catalog("google-apis").entries(withCode: .string(code))
        #expect(entries.count == 1)
        #expect(entries.first?.status?.code == status)
    }

    // MARK: Discord

    /// The rate-limits page's example, byte for byte.
    static let discordRateLimited = #"{"message":"You are being rate limited.","retry_after":64.57,"global":false}"#

    @Test func discordRateLimitedRendersThePagesExample() throws {
        let catalog = try Self.catalog("discord")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("RateLimited", in: catalog, parameters: ["global": "false"], retryAfter: .milliseconds(64570))
        )
        #expect(rendered.status.code == 429)
        #expect(Self.text(rendered.body) == Self.discordRateLimited)
        // The header has whole seconds (RFC 9110), rounded up so that no client retries early.
        #expect(rendered.headerFields[.retryAfter] == "65")
    }

    /// The rate-limits page's example: retry_after is float seconds, and the body has no code.
    @Test func discordRateLimitedDecodesFloatSecondsAndGlobal() throws {
        let decoded = try Self.decode("discord", status: 429, Self.discordRateLimited)
        #expect(decoded.name == "RateLimited")
        #expect(decoded.retryAfter == .milliseconds(64570))
        #expect(decoded.parameters["global"] == "false")
    }

    @Test func discordJSONErrorCodeDecodesByCode() throws {
        let decoded = try Self.decode("discord", status: 404, #"{"code":10003,"message":"Unknown Channel"}"#)
        #expect(decoded.name == "UnknownChannel")
        let rendered = try ErrorRenderer(catalog: try Self.catalog("discord")).render(
            try APIError("UnknownChannel", in: try Self.catalog("discord"))
        )
        #expect(Self.text(rendered.body) == #"{"code":10003,"message":"Unknown Channel"}"#)
    }

    /// The page's "Array Error" example: a tree keyed by each bad field's path, array indices as keys.
    static let discordArrayError =
        #"{"code":50035,"errors":{"activities":{"0":{"platform":{"_errors":[{"code":"BASE_TYPE_CHOICES","message":"Value must be one of {'desktop', 'android', 'ios'}."}]},"type":{"_errors":[{"code":"BASE_TYPE_CHOICES","message":"Value must be one of {0, 1, 2, 3, 4, 5}."}]}}}},"message":"Invalid Form Body"}"#

    static let discordArrayErrorFields = [
        FieldError(
            field: "activities.0.platform",
            message: "Value must be one of {'desktop', 'android', 'ios'}.",
            attributes: [.init("code", "BASE_TYPE_CHOICES")]
        ),
        FieldError(
            field: "activities.0.type",
            message: "Value must be one of {0, 1, 2, 3, 4, 5}.",
            attributes: [.init("code", "BASE_TYPE_CHOICES")]
        ),
    ]

    @Test func discordInvalidFormBodyRendersTheErrorTree() throws {
        let catalog = try Self.catalog("discord")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("InvalidFormBody", in: catalog, fieldErrors: Self.discordArrayErrorFields)
        )
        #expect(rendered.status.code == 400)
        #expect(Self.text(rendered.body) == Self.discordArrayError)
    }

    @Test func discordInvalidFormBodyDecodesTheErrorTreeIntoFieldErrors() throws {
        let decoded = try Self.decode("discord", status: 400, Self.discordArrayError)
        #expect(decoded.name == "InvalidFormBody")
        #expect(decoded.fieldErrors == Self.discordArrayErrorFields)
        // The "Object Error" example, and the "Request Error" one: errors of the whole body are at the root, and
        // that example's order (message before errors) decodes too.
        let object = try Self.decode(
            "discord",
            status: 400,
            #"{"code":50035,"errors":{"access_token":{"_errors":[{"code":"BASE_TYPE_REQUIRED","message":"This field is required"}]}},"message":"Invalid Form Body"}"#
        )
        #expect(object.fieldErrors.map(\.field) == ["access_token"])
        #expect(object.fieldErrors.first?.attribute("code") == "BASE_TYPE_REQUIRED")
        let request = try Self.decode(
            "discord",
            status: 400,
            #"{"code":50035,"message":"Invalid Form Body","errors":{"_errors":[{"code":"APPLICATION_COMMAND_TOO_LARGE","message":"Command exceeds maximum size (8000)"}]}}"#
        )
        #expect(request.name == "InvalidFormBody")
        #expect(request.fieldErrors.map(\.field) == [""])
        #expect(request.fieldErrors.first?.message == "Command exceeds maximum size (8000)")
    }

    /// The page's "Reconnect" column: true for 4000–4003, 4005, 4007–4009; false for 4004 and 4010–4014.
    @Test func discordGatewayCloseCodesSayWhetherToReconnect() throws {
        let catalog = try Self.catalog("discord")
        let reconnect = Set([4000, 4001, 4002, 4003, 4005, 4007, 4008, 4009])
        #expect(
            catalog.closeCodes.map { Int($0.code.rawValue) } == [
                4000, 4001, 4002, 4003, 4004, 4005, 4007, 4008, 4009, 4010, 4011, 4012, 4013, 4014,
            ]
        )
        for closeCode in catalog.closeCodes {
            #expect(
                (closeCode.retry != .never) == reconnect.contains(Int(closeCode.code.rawValue)),
                "\(closeCode.name)"
            )
        }
        let frame = try #require(try ErrorRenderer(catalog: catalog).closeFrame(named: "AuthenticationFailed"))
        #expect(frame.code.rawValue == 4004)
    }

    // MARK: RFC 9457

    static let outOfCredit =
        #"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#

    @Test func rfc9457OutOfCreditRendersTheSpecificationsExample() throws {
        let catalog = try Self.catalog("rfc9457")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "OutOfCredit",
                in: catalog,
                parameters: ["balance": "30", "cost": "50"],
                instance: "/account/12345/msgs/abc",
                details: .array(["/account/12345", "/account/67890"])
            )
        )
        #expect(rendered.status.code == 403)
        #expect(rendered.headerFields[.contentType] == "application/problem+json")
        #expect(rendered.headerFields[.contentLanguage] == "en")
        #expect(Self.text(rendered.body) == Self.outOfCredit)
    }

    @Test func rfc9457OutOfCreditDecodesItsExtensionMembers() throws {
        let decoded = try Self.decode(
            "rfc9457",
            status: 403,
            Self.outOfCredit,
            headers: [.contentType: "application/problem+json"]
        )
        #expect(decoded.name == "OutOfCredit")
        #expect(decoded.parameters["balance"] == "30")
        #expect(decoded.parameters["cost"] == "50")
        #expect(decoded.instance == "/account/12345/msgs/abc")
        #expect(decoded.details == .array(["/account/12345", "/account/67890"]))
    }

    /// The type is the problem's primary identifier (§3.1.1): a 403 of another type is another problem, and a
    /// catalog entry's own `docs` is its type.
    @Test func rfc9457ABodyOfAnotherTypeIsNotTheEntry() throws {
        let other = Self.outOfCredit.replacing(
            "https://example.com/probs/out-of-credit",
            with: "https://example.com/probs/other"
        )
        let decoded = try Self.decode(
            "rfc9457",
            status: 403,
            other,
            headers: [.contentType: "application/problem+json"]
        )
        #expect(!decoded.isRecognized)
        #expect(decoded.type == "https://example.com/probs/other")
        let catalog = try Self.catalog("rfc9457")
        #expect(
            catalog.documentationURL(for: try #require(catalog.entry(named: "ValidationError")))
                == "https://example.net/validation-error"
        )
    }

    static let validationError =
        ##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]}"##

    @Test func rfc9457ValidationErrorRoundTripsItsPointers() throws {
        let catalog = try Self.catalog("rfc9457")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "ValidationError",
                in: catalog,
                fieldErrors: [
                    FieldError(field: "age", message: "must be a positive integer"),
                    FieldError(
                        field: "profile.color",
                        message: "must be 'green', 'red' or 'blue'",
                        pointer: "#/profile/color"
                    ),
                ]
            )
        )
        #expect(rendered.status.code == 422)
        #expect(Self.text(rendered.body) == Self.validationError)
        let decoded = try Self.decode("rfc9457", status: 422, Self.validationError)
        #expect(decoded.name == "ValidationError")
        #expect(decoded.fieldErrors.map(\.field) == ["age", "profile.color"])
        #expect(decoded.fieldErrors.map(\.pointer) == ["#/age", "#/profile/color"])
    }
}
