import HTTPTypes
import HelloServer
import Hummingbird
import HummingbirdTesting
import Testing

/// What the server sends on the wire, byte for byte: the generated errors rendered by `ErrataMiddleware` as
/// `hello.errata.yaml` documents them.
@Suite struct HelloRouterTests {
    /// One request and the exact answer.
    struct Exchange: Sendable, CustomTestStringConvertible {
        var path: String
        var status: HTTPResponse.Status
        var retryAfter: String? = nil
        var body: String

        var testDescription: String { "GET \(path)" }
    }

    static let errors: [Exchange] = [
        Exchange(
            path: "/hello/stranger",
            status: .notFound,
            body: #"{"type":"https://example.com/hello/errors#StrangerNotGreeted","title":"Stranger","status":404,"#
                + #""detail":"We do not greet 'stranger'.","code":"HELLO_STRANGER"}"#
        ),
        Exchange(
            path: "/hello/" + String(repeating: "a", count: 25),
            status: .badRequest,
            body: #"{"type":"https://example.com/hello/errors#NameTooLong","title":"Name too long","status":400,"#
                + #""detail":"The name is 25 characters long; at most 20 are allowed.","code":"HELLO_NAME_TOO_LONG"}"#
        ),
        Exchange(
            path: "/busy",
            status: .tooManyRequests,
            retryAfter: "30",
            body: #"{"type":"https://example.com/hello/errors#TooManyGreetings","title":"Too many greetings","#
                + #""status":429,"detail":"Too many greetings; slow down.","code":"HELLO_SLOW_DOWN"}"#
        ),
        // No route matches: the middleware answers with the catalog's 404 entry that takes no parameters.
        Exchange(
            path: "/nowhere",
            status: .notFound,
            body: #"{"type":"https://example.com/hello/errors#RouteNotFound","title":"No such route","status":404,"#
                + #""detail":"There is nothing here; try GET /hello/{name}.","code":"HELLO_NO_ROUTE"}"#
        ),
        // Not a catalog error: the internal-error entry, with none of the thrown error's text.
        Exchange(
            path: "/fail",
            status: .internalServerError,
            body: #"{"type":"https://example.com/hello/errors#InternalServerError","title":"Internal server error","#
                + #""status":500,"detail":"The server could not greet you.","code":"HELLO_INTERNAL"}"#
        ),
    ]

    @Test func greetsByName() async throws {
        let app = Application(router: try HelloRouter.build())
        try await app.test(.router) { client in
            try await client.execute(uri: "/hello/Ann", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "Hello, Ann!")
            }
        }
    }

    @Test(arguments: errors)
    func answersWithTheCatalogsBytes(_ exchange: Exchange) async throws {
        let app = Application(router: try HelloRouter.build())
        try await app.test(.router) { client in
            try await client.execute(uri: exchange.path, method: .get) { response in
                #expect(response.status == exchange.status)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.retryAfter] == exchange.retryAfter)
                #expect(String(buffer: response.body) == exchange.body)
            }
        }
    }

    @Test func internalErrorTextNeverReachesTheClient() async throws {
        let app = Application(router: try HelloRouter.build())
        try await app.test(.router) { client in
            try await client.execute(uri: "/fail", method: .get) { response in
                #expect(!String(buffer: response.body).contains("greetings-db"))
            }
        }
    }
}
