import Errata
import ErrataTools
import ErrataVapor
import Foundation
import Logging
import MetricsTestKit
import Testing
import Vapor
import VaporTesting

/// The same behaviour as ErrataHummingbird's `ErrataMiddlewareTests`, through Vapor's own test harness.
@Suite struct ErrataErrorMiddlewareTests {
    struct Secret: Error, CustomStringConvertible {
        var description: String { "password=hunter2 at db.internal:5432" }
    }

    struct Member: Content, Validatable {
        var name: String

        static func validations(_ validations: inout Validations) {
            validations.add("name", as: String.self, is: .count(3...))
        }
    }

    struct WrappedError: APIErrorConvertible {
        var apiError: APIError
    }

    /// A bundled catalog, read from the repository.
    static func catalog(_ id: String) throws -> ErrorCatalog {
        let path = URL(filePath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Catalogs/\(id).errata.yaml").path
        return try #require(CatalogLoader().load(path: path).catalog)
    }

    static let negotiable = """
        errata: 1
        id: negotiable
        title: Negotiable
        version: 1.0.0
        docs: https://example.com/errors/{name}
        envelope:
          format: json
          body: { error: "{code}", text: "{message}" }
          alternatives: [{ format: problem }]
        codes:
          - { name: ThingNotFound, code: thing_not_found, status: 404, title: Thing not found, message: "No thing '{id}'." }
        """

    /// An application with the middleware in place of Vapor's ErrorMiddleware and the routes the tests hit.
    static func withApplication(
        catalog: ErrorCatalog,
        contractMode: OperationContractMode = .log,
        metrics: TestMetrics = TestMetrics(),
        routed: Bool = true,
        _ test: (Application) async throws -> Void
    ) async throws {
        try await withApp { app in
            app.middleware = Middlewares()
            app.middleware.use(
                try ErrataErrorMiddleware(catalog: catalog, contractMode: contractMode, metricsFactory: metrics)
            )
            if routed { routes(app, catalog: catalog) }
            try await test(app)
        }
    }

    static func routes(_ app: Application, catalog: ErrorCatalog) {
        app.get("members", ":memberRef") { request -> String in
            throw try APIError(
                "MemberRefNotFound",
                in: catalog,
                parameters: ["memberRef": request.parameters.get("memberRef") ?? ""]
            )
        }
        app.get("systems", ":systemRef") { _ -> String in
            throw Abort(.notFound, reason: "no such system")
        }
        app.get("crash") { _ -> String in
            throw Secret()
        }
        app.get("wrapped") { _ -> String in
            throw WrappedError(apiError: try APIError("Forbidden", in: catalog))
        }
        app.get("teapot") { _ -> String in
            throw Abort(.custom(code: 418, reasonPhrase: "I'm a teapot"))
        }
        app.post("members") { request -> String in
            try request.content.decode(Member.self).name
        }
        app.post("validated") { request -> String in
            try Member.validate(content: request)
            return try request.content.decode(Member.self).name
        }
        app.get("limited") { _ -> String in
            throw try APIError("TooManyRequests", in: catalog, retryAfter: .seconds(30))
        }
        app.get("groups", ":groupRef") { _ -> String in
            throw try APIError("GroupNotFound", in: catalog)
        }
        app.get("things", ":id") { request -> String in
            throw try APIError("ThingNotFound", in: catalog, parameters: ["id": request.parameters.get("id") ?? ""])
        }
        app.get("unavailable") { _ -> String in
            throw Abort(.serviceUnavailable, headers: ["Retry-After": "120"])
        }
        app.get("moved") { _ -> String in
            throw Abort(.movedPermanently, headers: ["Location": "/elsewhere"])
        }
        app.get("unregistered") { _ -> String in
            throw Abort(.custom(code: 599, reasonPhrase: "Network Timeout"), headers: ["X-Trace": "t-1"])
        }
    }

    static let internalErrorBody = #"{"code":0,"message":"Internal server error, try again later"}"#

    @Test func catalogErrorsRenderAsDeclared() async throws {
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(.GET, "/members/abcde") { response in
                #expect(response.status == .notFound)
                #expect(response.headers.first(name: .contentType) == "application/json")
                #expect(response.body.string == #"{"code":20003,"message":"Member 'abcde' not found."}"#)
            }
        }
    }

    /// Every answer says its length once; a static error's body is a buffer made once and shared, and stays its own
    /// bytes however often it is sent; a HEAD request gets the length.
    @Test func responsesCarryOneContentLengthAndStaticBodiesAreShared() async throws {
        let catalog = try Self.catalog("pluralkit")
        try await Self.withApplication(catalog: catalog) { app in
            app.get("forbidden") { _ -> String in throw try APIError("Forbidden", in: catalog) }
            for _ in 0..<3 {
                try await app.testing().test(.GET, "/forbidden") { response in
                    #expect(response.status == .forbidden)
                    let body = response.body.string
                    #expect(body.hasPrefix(#"{"code":0,"#))
                    #expect(response.headers[.contentLength] == [String(body.utf8.count)])
                    #expect(response.headers[.transferEncoding].isEmpty)
                }
            }
            try await app.testing().test(.GET, "/members/abcde") { response in
                #expect(response.headers[.contentLength] == ["52"])
                #expect(response.body.readableBytes == 52)
            }
            // The body's length for HEAD too; Vapor's server, not the in-memory tester, leaves the body out.
            try await app.testing().test(.HEAD, "/members/abcde") { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentLength] == ["52"])
            }
        }
    }

    @Test func abortMapsToTheCatalogEntryForItsStatusElseAboutBlank() async throws {
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(.GET, "/systems/xyz") { response in
                #expect(response.status == .notFound)
                #expect(response.body.string == #"{"code":20001,"message":"System not found."}"#)
                #expect(!response.body.string.contains("no such system"))
            }
            try await app.testing().test(.GET, "/teapot") { response in
                #expect(response.status.code == 418)
                #expect(response.headers.first(name: .contentType) == "application/problem+json")
                #expect(response.body.string.contains(#""type":"about:blank""#))
            }
        }
    }

    @Test func requestDecodingFailuresUseTheCatalogs400Entry() async throws {
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(
                .POST,
                "/members",
                headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: "{not json")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.hasPrefix(#"{"code":0,"message":"Invalid JSON"#))
            }
        }
    }

    @Test func validationAndMissingFieldsGetTheFieldErrorsEntryPerField() async throws {
        // PluralKit's InvalidJSONModel (40001) is its 400 entry with field errors, laid out as a map.
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(
                .POST,
                "/validated",
                headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"name":"ab"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let body = response.body.string
                #expect(body.hasPrefix(#"{"code":40001,"#))
                #expect(body.contains(#""errors":{"name":[{"message":"is less than minimum of 3 character(s)"}]}"#))
            }
            try await app.testing().test(
                .POST,
                "/members",
                headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"nickname":"x"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains(#""errors":{"name":[{"message":"is required"}]}"#))
            }
        }
    }

    @Test func unmatchedRoutesAndWrongMethodsGoThroughTheCatalog() async throws {
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(.GET, "/nowhere") { response in
                #expect(response.status == .notFound)
                #expect(response.headers.first(name: .contentType) == "application/json")
            }
            // The catalog routes GET /members/{memberRef}; DELETE is not one of its methods.
            try await app.testing().test(.DELETE, "/members/abc") { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: .allow) == "GET, HEAD")
            }
        }
    }

    @Test func allowNeverListsTheMethodJustRefused() async throws {
        // The catalog declares GET /members/{memberRef}; this application has no route at all.
        try await Self.withApplication(catalog: try Self.catalog("pluralkit"), routed: false) { app in
            try await app.testing().test(.GET, "/members/abc") { response in
                #expect(response.status == .notFound)
                #expect(response.headers.first(name: .allow) == nil)
            }
            try await app.testing().test(.PATCH, "/systems/s/switches/w") { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: .allow) == "GET, HEAD")
            }
        }
    }

    @Test func otherErrorsBecomeTheInternalErrorEntryWithoutLeakingTheirText() async throws {
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(.GET, "/crash") { response in
                #expect(response.status == .internalServerError)
                #expect(response.body.string == Self.internalErrorBody)
                #expect(!response.body.string.contains("hunter2"))
                #expect(!response.headers.contains { $0.value.contains("hunter2") })
            }
        }
    }

    @Test func errorsThatCarryACatalogErrorAnswerWithIt() async throws {
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(.GET, "/wrapped") { response in
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains(#""code":0"#))
            }
        }
    }

    @Test func retryAfterIsSentAsAHeaderAndInTheBody() async throws {
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(.GET, "/limited") { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers.first(name: .retryAfter) == "30")
                #expect(response.body.string == #"{"code":0,"message":"Too many requests.","retry_after":30000}"#)
            }
        }
    }

    @Test func a5xxAbortWithNoCatalogEntryKeepsItsStatusAndHeadersAsAboutBlank() async throws {
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(.GET, "/unavailable") { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers.first(name: .retryAfter) == "120")
                #expect(response.headers.first(name: .contentType) == "application/problem+json")
                #expect(response.body.string.contains(#""type":"about:blank""#))
                #expect(response.body.string.contains(#""status":503"#))
            }
        }
    }

    @Test func aRedirectOrUnregisteredStatusKeepsItsStatusAndHeaders() async throws {
        try await Self.withApplication(catalog: try Self.catalog("pluralkit")) { app in
            try await app.testing().test(.GET, "/moved") { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers.first(name: .location) == "/elsewhere")
                #expect(response.body.readableBytes == 0)
            }
            try await app.testing().test(.GET, "/unregistered") { response in
                #expect(response.status.code == 599)
                #expect(response.headers.first(name: "X-Trace") == "t-1")
                #expect(response.body.string.contains(#""status":599"#))
                #expect(response.body.string != Self.internalErrorBody)
            }
        }
    }

    @Test func acceptPreferringProblemJSONGetsRFC9457InAnyCase() async throws {
        let catalog = try #require(CatalogLoader().load(text: Self.negotiable, path: "n.errata.yaml").catalog)
        try await Self.withApplication(catalog: catalog) { app in
            try await app.testing().test(.GET, "/things/7") { response in
                #expect(response.headers.first(name: .contentType) == "application/json")
                #expect(response.body.string == #"{"error":"thing_not_found","text":"No thing '7'."}"#)
            }
            for accept in ["application/problem+json, application/json;q=0.5", "Application/Problem+JSON"] {
                try await app.testing().test(.GET, "/things/7", headers: ["Accept": accept]) { response in
                    #expect(response.headers.first(name: .contentType) == "application/problem+json")
                    #expect(
                        response.body.string
                            == #"{"type":"https://example.com/errors/ThingNotFound","title":"Thing not found","status":404,"detail":"No thing '7'."}"#
                    )
                }
            }
        }
    }

    @Test func errorsAreCountedByCatalogNameAndStatusIncludingPerStatusProblems() async throws {
        let metrics = TestMetrics()
        try await Self.withApplication(catalog: try Self.catalog("pluralkit"), metrics: metrics) { app in
            for _ in 0..<3 {
                try await app.testing().test(.GET, "/members/x") { _ in }
            }
            try await app.testing().test(.GET, "/teapot") { _ in }
        }
        let counter = try metrics.expectCounter(
            "errata_errors_total",
            [("catalog", "pluralkit"), ("name", "MemberRefNotFound"), ("status", "404")]
        )
        #expect(counter.totalValue == 3)
        let teapot = try metrics.expectCounter(
            "errata_errors_total",
            [("catalog", "pluralkit"), ("name", "Status418"), ("status", "418")]
        )
        #expect(teapot.totalValue == 1)
    }

    @Test func undeclaredErrorsOfAnOperationAreCountedAndFailInStrictMode() async throws {
        // The catalog's GetMember (GET /members/{memberRef}) declares MemberNotFound, not MemberRefNotFound.
        let metrics = TestMetrics()
        let catalog = try Self.catalog("pluralkit")
        try await Self.withApplication(catalog: catalog, metrics: metrics) { app in
            // Twice: the second time the responder knows the route's operation by the route's identity.
            for _ in 0..<2 {
                try await app.testing().test(.GET, "/members/x") { response in
                    #expect(response.status == .notFound)
                }
            }
            // GetGroup declares GroupNotFound: no violation.
            try await app.testing().test(.GET, "/groups/x") { response in
                #expect(response.status == .notFound)
            }
        }
        let violations = try metrics.expectCounter("errata_contract_violations_total", [("catalog", "pluralkit")])
        #expect(violations.totalValue == 2)

        try await Self.withApplication(catalog: catalog, contractMode: .strict) { app in
            try await app.testing().test(.GET, "/members/x") { response in
                #expect(response.status == .internalServerError)
            }
        }
    }
}
