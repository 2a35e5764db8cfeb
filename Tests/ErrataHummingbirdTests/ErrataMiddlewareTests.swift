import Errata
import ErrataCatalogs
import ErrataHummingbird
import ErrataTools
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MetricsTestKit
import Testing

@Suite struct ErrataMiddlewareTests {
    struct Secret: Error, CustomStringConvertible {
        var description: String { "password=hunter2 at db.internal:5432" }
    }

    struct Member: Decodable {
        var name: String
    }

    struct WrappedError: APIErrorConvertible {
        var apiError: APIError
    }

    static func catalog(_ id: String) throws -> ErrorCatalog {
        let loaded = CatalogLoader().load(path: try #require(BundledCatalogs.path(forID: id)))
        return try #require(loaded.catalog)
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

    static func application(
        catalog: ErrorCatalog,
        contractMode: OperationContractMode = .log,
        metrics: TestMetrics = TestMetrics()
    ) throws -> some ApplicationProtocol {
        let router = Router()
        router.add(
            middleware: try ErrataMiddleware(catalog: catalog, contractMode: contractMode, metricsFactory: metrics)
        )
        router.get("/members/{memberRef}") { _, context -> String in
            throw try APIError(
                "MemberRefNotFound",
                in: catalog,
                parameters: ["memberRef": context.parameters.get("memberRef") ?? ""]
            )
        }
        router.get("/systems/{systemRef}") { _, _ -> String in
            throw HTTPError(.notFound, message: "no such system")
        }
        router.get("/crash") { _, _ -> String in
            throw Secret()
        }
        router.get("/wrapped") { _, _ -> String in
            throw WrappedError(apiError: try APIError("Forbidden", in: catalog))
        }
        router.get("/teapot") { _, _ -> String in
            throw HTTPError(.init(code: 418, reasonPhrase: "I'm a teapot"))
        }
        router.post("/members") { request, context -> String in
            let member = try await request.decode(as: Member.self, context: context)
            return member.name
        }
        router.get("/limited") { _, _ -> String in
            throw try APIError("TooManyRequests", in: catalog, retryAfter: .seconds(30))
        }
        router.get("/groups/{groupRef}") { _, _ -> String in
            throw try APIError("GroupNotFound", in: catalog)
        }
        router.get("/things/{id}") { _, context -> String in
            throw try APIError("ThingNotFound", in: catalog, parameters: ["id": context.parameters.get("id") ?? ""])
        }
        return Application(router: router, logger: Logger(label: "test"))
    }

    static func text(_ buffer: ByteBuffer) -> String {
        String(buffer: buffer)
    }

    @Test func catalogErrorsRenderAsDeclared() async throws {
        let app = try Self.application(catalog: try Self.catalog("pluralkit"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/members/abcde", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json")
                #expect(Self.text(response.body) == #"{"code":20003,"message":"Member 'abcde' not found."}"#)
            }
        }
    }

    @Test func hummingbirdHTTPErrorsMapToTheCatalogEntryForTheirStatus() async throws {
        let app = try Self.application(catalog: try Self.catalog("pluralkit"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/systems/xyz", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.text(response.body) == #"{"code":20001,"message":"System not found."}"#)
            }
            try await client.execute(uri: "/teapot", method: .get) { response in
                #expect(response.status.code == 418)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(Self.text(response.body).contains(#""type":"about:blank""#))
            }
        }
    }

    @Test func requestDecodingFailuresUseTheCatalogs400Entry() async throws {
        let app = try Self.application(catalog: try Self.catalog("pluralkit"))
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/members",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{not json")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response.body).hasPrefix(#"{"code":0,"message":"Invalid JSON"#))
            }
        }
    }

    @Test func unmatchedRoutesAndWrongMethodsGoThroughTheCatalog() async throws {
        let app = try Self.application(catalog: try Self.catalog("pluralkit"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json")
            }
            // The catalog routes GET /members/{memberRef}; DELETE is not one of its methods.
            try await client.execute(uri: "/members/abc", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            // The path is matched without the query (the responder takes it out of the request-target).
            try await client.execute(uri: "/members/abc?with=groups", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func otherErrorsBecomeTheInternalErrorEntryWithoutLeakingTheirText() async throws {
        let app = try Self.application(catalog: try Self.catalog("pluralkit"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/crash", method: .get) { response in
                #expect(response.status == .internalServerError)
                let body = Self.text(response.body)
                #expect(body == #"{"code":0,"message":"Internal server error, try again later"}"#)
                #expect(!body.contains("hunter2"))
                #expect(!response.headers.contains { $0.value.contains("hunter2") })
            }
        }
    }

    @Test func errorsThatCarryACatalogErrorAnswerWithIt() async throws {
        let app = try Self.application(catalog: try Self.catalog("pluralkit"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/wrapped", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(Self.text(response.body).contains(#""code":0"#))
            }
        }
    }

    @Test func retryAfterIsSentAsAHeaderAndInTheBody() async throws {
        let app = try Self.application(catalog: try Self.catalog("pluralkit"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/limited", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "30")
                #expect(Self.text(response.body) == #"{"code":0,"message":"Too many requests.","retry_after":30000}"#)
            }
        }
    }

    @Test func acceptPreferringProblemJSONGetsRFC9457() async throws {
        let catalog = try #require(CatalogLoader().load(text: Self.negotiable, path: "n.errata.yaml").catalog)
        let app = try Self.application(catalog: catalog)
        try await app.test(.router) { client in
            try await client.execute(uri: "/things/7", method: .get) { response in
                #expect(response.headers[.contentType] == "application/json")
                #expect(Self.text(response.body) == #"{"error":"thing_not_found","text":"No thing '7'."}"#)
            }
            try await client.execute(
                uri: "/things/7",
                method: .get,
                headers: [.accept: "application/problem+json, application/json;q=0.5"]
            ) { response in
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(
                    Self.text(response.body)
                        == #"{"type":"https://example.com/errors/ThingNotFound","title":"Thing not found","status":404,"detail":"No thing '7'."}"#
                )
            }
        }
    }

    @Test func errorsAreCountedByCatalogNameAndStatus() async throws {
        let metrics = TestMetrics()
        let app = try Self.application(catalog: try Self.catalog("pluralkit"), metrics: metrics)
        try await app.test(.router) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/members/x", method: .get) { _ in }
            }
        }
        let counter = try metrics.expectCounter(
            "errata_errors_total",
            [("catalog", "pluralkit"), ("name", "MemberRefNotFound"), ("status", "404")]
        )
        #expect(counter.totalValue == 3)
    }

    @Test func undeclaredErrorsOfAnOperationAreCountedAndFailInStrictMode() async throws {
        // The catalog's GetMember (GET /members/{memberRef}) declares MemberNotFound, not MemberRefNotFound.
        let metrics = TestMetrics()
        let catalog = try Self.catalog("pluralkit")
        let operation = try #require(catalog.operations.first { $0.route == "GET /members/{memberRef}" })
        #expect(!operation.codes.contains("MemberRefNotFound"))
        let logging = try Self.application(catalog: catalog, metrics: metrics)
        try await logging.test(.router) { client in
            // Twice: the second time the route's operation comes from the responder's cache.
            for _ in 0..<2 {
                try await client.execute(uri: "/members/x", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
            // GetGroup declares GroupNotFound: no violation.
            try await client.execute(uri: "/groups/x", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        let violations = try metrics.expectCounter("errata_contract_violations_total", [("catalog", "pluralkit")])
        #expect(violations.totalValue == 2)

        let strict = try Self.application(catalog: catalog, contractMode: .strict)
        try await strict.test(.router) { client in
            try await client.execute(uri: "/members/x", method: .get) { response in
                #expect(response.status == .internalServerError)
            }
        }
    }

    @Test func apiErrorAnswersOnItsOwnAsProblemDetailsWithoutTheMiddleware() async throws {
        let catalog = try Self.catalog("pluralkit")
        let router = Router()
        router.get("/members/{memberRef}") { _, _ -> String in
            throw try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": "q"])
        }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/members/q", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(Self.text(response.body).contains(#""detail":"Member 'q' not found.""#))
            }
        }
    }
}
