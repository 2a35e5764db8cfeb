import Errata
import ErrataHummingbird
@_spi(ErrataIntegration) import ErrataResponder
import ErrataTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `CatalogErrorResponder.response(for: APIError, …)`, for a handler that builds its catalog error itself (as the
/// mock does), takes the occurrence as it is instead of as `any Error`: it must answer, count and log as the
/// `any Error` form does, the original error in the log being the occurrence's own underlying error.
@Suite struct HandBuiltErrorTests {
    struct Disk: Error, CustomStringConvertible {
        var description: String { "disk full on /var" }
    }

    static let request = Request(
        head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/members/abc?x=1"),
        body: RequestBody(buffer: ByteBuffer())
    )

    @Test func answersAndLogsAsTheAnyErrorFormDoes() throws {
        let catalog = try ErrataMiddlewareTests.catalog("pluralkit")
        let responder = try CatalogErrorResponder(catalog: catalog)
        let handler = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in handler }

        var failed = try APIError("InternalServerError", in: catalog)
        failed.underlyingError = Disk()
        let notFound = try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": "abc"])
        for error in [failed, notFound] {
            let direct = responder.response(for: error, request: Self.request, logger: logger, requestID: "r1")
            let boxed = responder.response(
                for: error as any Error,
                request: Self.request,
                logger: logger,
                requestID: "r1"
            )
            #expect(direct.status == boxed.status)
            #expect(direct.headers == boxed.headers)
        }

        let lines = handler.lines.all
        let errors = lines.filter { $0.level == .error }
        // The 500, once each way; the path in the line is the request's, without its query.
        try #require(errors.count == 2)
        for line in errors {
            #expect("\(line.message)" == "GET /members/abc failed")
            #expect(line.metadata?["errata.error"] == "disk full on /var")
            #expect(line.metadata?["errata.name"] == "InternalServerError")
            #expect(line.metadata?["errata.request_id"] == "r1")
        }
        // The 404 is logged at the client-error level, the same line each way.
        let clientLines = lines.filter { $0.level == .debug }
        #expect(clientLines.count == 2)
        #expect(clientLines.allSatisfy { "\($0.message)" == "GET /members/abc answered with a catalog error" })
    }

    @Test func aFailureWithoutAnUnderlyingErrorLogsNoCause() throws {
        let catalog = try ErrataMiddlewareTests.catalog("pluralkit")
        let responder = try CatalogErrorResponder(catalog: catalog)
        let handler = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in handler }
        let response = responder.response(
            for: try APIError("InternalServerError", in: catalog),
            request: Self.request,
            logger: logger,
            requestID: nil
        )
        #expect(response.status == .internalServerError)
        let line = try #require(handler.lines.all.first)
        #expect(line.level == .error)
        #expect(line.metadata?["errata.error"] == nil)
        #expect(line.metadata?["errata.name"] == "InternalServerError")
    }

    /// The README's handler that answers its own error, word for word.
    @Test func theREADMEsHandlerAnswersAsTheCatalogSays() async throws {
        let catalog = try ErrataMiddlewareTests.catalog("pluralkit")
        let router = Router()
        let responder = try CatalogErrorResponder(catalog: catalog)
        router.get("/members/{memberRef}") { request, context -> Response in
            let ref = try context.parameters.require("memberRef")
            let error = try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": ref])
            return responder.response(for: error, request: request, logger: context.logger, requestID: nil)
        }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/members/abc", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentLength] == "50")
                #expect(String(buffer: response.body) == #"{"code":20003,"message":"Member 'abc' not found."}"#)
            }
        }
    }

    @Test(arguments: [
        ("/members/abc?x=1", "/members/abc"), ("/members/abc", "/members/abc"), ("/", "/"), ("?x=1", "/"),
        ("http://example.com/members/abc?x=1", "/members/abc"), ("http://example.com:8080", "/"),
        ("http://example.com?x=1", "/"), ("/a#b?c", "/a#b"),
    ])
    func thePathIsTheTargetsBeforeItsQuery(_ target: String, _ path: String) {
        #expect(ResponderRequest(method: .get, target: target, accept: nil, endpoint: nil).path == path)
    }
}
