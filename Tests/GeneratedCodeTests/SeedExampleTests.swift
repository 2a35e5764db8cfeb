import Errata
import HTTPTypes
import Testing

/// The seed pages' examples, built with the generated constructors and rendered by `ErrorRenderer` over the
/// embedded catalogs, are the pages' exact bytes; their bodies decode back to the generated cases.
@Suite struct SeedExampleTests {
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func bytes(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }

    // MARK: PluralKit

    static let pluralKit = try! ErrorRenderer(catalog: PluralKitErrors.catalog)
    static let pluralKitDecoder = ErrorDecoder(catalog: PluralKitErrors.catalog)

    @Test func pluralKitMemberRefNotFoundRendersTheSeedBytes() {
        let rendered = Self.pluralKit.render(PluralKitErrors.memberRefNotFound(memberRef: "abcde"))
        #expect(rendered.status.code == 404)
        #expect(rendered.headerFields[.contentType] == "application/json")
        #expect(Self.text(rendered.body) == #"{"code":20003,"message":"Member 'abcde' not found."}"#)
    }

    @Test func pluralKitModelErrorRendersItsFieldErrors() {
        let error = PluralKitErrors.invalidJSONModel.with(fieldErrors: [
            FieldError(
                field: "name",
                message: "Member name too long.",
                attributes: [.init("max_length", 100), .init("actual_length", 140)]
            )
        ])
        #expect(
            Self.text(Self.pluralKit.render(error).body)
                == #"{"code":40001,"message":"Error parsing JSON model (check errors key for details)","errors":{"name":[{"message":"Member name too long.","max_length":100,"actual_length":140}]}}"#
        )
    }

    @Test func pluralKitRateLimitCarriesRetryAfterInMilliseconds() {
        let rendered = Self.pluralKit.render(PluralKitErrors.tooManyRequests.with(retryAfter: .milliseconds(1500)))
        #expect(rendered.status.code == 429)
        #expect(Self.text(rendered.body) == #"{"code":0,"message":"Too many requests.","retry_after":1500}"#)
        #expect(rendered.headerFields[.retryAfter] == "2")
    }

    @Test func pluralKitConstantsAreTheirEntries() {
        #expect(PluralKitErrors.systemNotFound.entry == PluralKitErrors.Entries.systemNotFound)
        #expect(PluralKitErrors.systemNotFound.parameters.isEmpty)
        #expect(PluralKitErrors.catalog.entry(named: "SystemNotFound") == PluralKitErrors.Entries.systemNotFound)
    }

    @Test func pluralKitBodyIsRecognisedWithItsParameter() {
        let decoded = Self.pluralKitDecoder.decode(
            status: .notFound,
            body: Self.bytes(#"{"code":20003,"message":"Member 'abc' not found."}"#)
        )
        guard case .memberRefNotFound(let memberRef) = PluralKitErrors.Case(decoded) else {
            Issue.record("not recognised: \(decoded)")
            return
        }
        #expect(memberRef == "abc")
    }

    @Test(arguments: [
        (401, "Unauthorized"), (403, "Forbidden"), (429, "TooManyRequests"), (500, "InternalServerError"),
    ])
    func pluralKitSharedCodeZeroIsToldApartByStatus(_ status: Int, _ name: String) {
        let decoded = Self.pluralKitDecoder.decode(
            status: HTTPResponse.Status(code: status),
            body: Self.bytes(#"{"code":0,"message":"whatever the live server says"}"#)
        )
        let recognized = PluralKitErrors.Case(decoded)
        switch (recognized, name) {
        case (.unauthorized, "Unauthorized"), (.forbidden, "Forbidden"), (.tooManyRequests, "TooManyRequests"),
            (.internalServerError, "InternalServerError"):
            break
        default:
            Issue.record("\(status) recognised as \(recognized)")
        }
    }

    @Test func pluralKitCodeANewerServerAddedIsUnrecognized() {
        let decoded = Self.pluralKitDecoder.decode(
            status: .notFound,
            body: Self.bytes(#"{"code":20099,"message":"Webhook not found."}"#)
        )
        guard case .unrecognized(let error) = PluralKitErrors.Case(decoded) else {
            Issue.record("an unknown code was recognised")
            return
        }
        #expect(error.code == .integer(20099))
        #expect(error.message == "Webhook not found.")
    }

    @Test func pluralKitGarbageIsUnrecognized() {
        let decoded = Self.pluralKitDecoder.decode(status: .badGateway, body: Self.bytes("<html>502</html>"))
        guard case .unrecognized(let error) = PluralKitErrors.Case(decoded) else {
            Issue.record("garbage was recognised")
            return
        }
        #expect(error.problem?.kind == .malformedJSON)
    }

    // MARK: REST API error codes

    @Test func restUnknownRendersWithNullDetails() throws {
        let rendered = try ErrorRenderer(catalog: RESTErrors.catalog).render(RESTErrors.unknown)
        #expect(rendered.status == .internalServerError)
        #expect(
            Self.text(rendered.body)
                == #"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#
        )
    }

    @Test func restNotAllowedSendsAllowAndIsRecognisedWithoutIt() throws {
        let rendered = try ErrorRenderer(catalog: RESTErrors.catalog).render(
            RESTErrors.notAllowed(allowedMethods: "GET, POST")
        )
        #expect(rendered.status.code == 405)
        #expect(rendered.headerFields[.allow] == "GET, POST")
        let decoded = ErrorDecoder(catalog: RESTErrors.catalog).decode(status: rendered.status, body: rendered.body)
        guard case .notAllowed(let allowedMethods) = RESTErrors.Case(decoded) else {
            Issue.record("not recognised: \(decoded)")
            return
        }
        // Only the Allow header carries it, and the decoder reads parameters from the body.
        #expect(allowedMethods == nil)
    }

    @Test func restBodyIsRecognised() {
        let decoded = ErrorDecoder(catalog: RESTErrors.catalog).decode(
            status: .notFound,
            body: Self.bytes(
                #"{"error_code":10,"error_message":"The requested resource does not exist.","details":null}"#
            )
        )
        guard case .notExist = RESTErrors.Case(decoded) else {
            Issue.record("not recognised: \(decoded)")
            return
        }
    }

    // MARK: BatchData

    @Test func batchDataInvalidTokenRendersTheSeedBytes() throws {
        let rendered = try ErrorRenderer(catalog: BatchDataErrors.catalog).render(BatchDataErrors.invalidToken)
        #expect(rendered.status.code == 401)
        #expect(rendered.headerFields[.wwwAuthenticate] == "Bearer")
        #expect(
            Self.text(rendered.body) == #"{"status":{"code":401,"text":"Unauthorized","message":"Invalid token."}}"#
        )
    }

    @Test func batchDataForbiddenEntriesAreToldApartByMessage() {
        let decoded = ErrorDecoder(catalog: BatchDataErrors.catalog).decode(
            status: .forbidden,
            body: Self.bytes(#"{"status":{"code":403,"text":"Forbidden","message":"Insufficient balance"}}"#)
        )
        guard case .insufficientBalance = BatchDataErrors.Case(decoded) else {
            Issue.record("not recognised: \(decoded)")
            return
        }
    }

    // MARK: BlazeAuth

    @Test func blazeAuthOkRendersTheStatusPacket() throws {
        let renderer = try ErrorRenderer(catalog: BlazeAuthWebSocketErrors.catalog)
        #expect(Self.text(renderer.statusPacket(BlazeAuthWebSocketErrors.ok, requestID: 5)) == #"{"id":5,"status":1}"#)
    }

    @Test func blazeAuthStatusPacketIsRecognised() {
        let decoder = ErrorDecoder(catalog: BlazeAuthWebSocketErrors.catalog)
        guard
            case .licenseBlacklisted = BlazeAuthWebSocketErrors.Case(
                decoder.decodeStatusPacket(Self.bytes(#"{"id":5,"status":105}"#))
            )
        else {
            Issue.record("status 105 not recognised")
            return
        }
        guard
            case .unrecognized(let error) = BlazeAuthWebSocketErrors.Case(
                decoder.decodeStatusPacket(Self.bytes(#"{"id":6,"status":999}"#))
            )
        else {
            Issue.record("status 999 was recognised")
            return
        }
        #expect(error.code == .integer(999))
    }
}
