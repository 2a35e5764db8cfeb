import Errata
import ErrataHummingbird
import ErrataTools
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MetricsTestKit
import Testing

/// How the responder maps what a route throws, as a user hits it through ``ErrataMiddleware``: bare statuses the
/// catalog has no entry for, redirects, `Allow`, counting and `Accept`.
@Suite struct ResponderMappingTests {
    static func application(
        metrics: TestMetrics = TestMetrics(),
        routed: Bool = true
    ) throws -> some ApplicationProtocol {
        let catalog = try ErrataMiddlewareTests.catalog("pluralkit")
        let router = Router()
        router.add(middleware: try ErrataMiddleware(catalog: catalog, metricsFactory: metrics))
        guard routed else { return Application(router: router, logger: Logger(label: "test")) }
        router.get("/unavailable") { _, _ -> String in
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "120"])
        }
        router.get("/moved") { _, _ -> String in
            throw HTTPError(.movedPermanently, headers: [.location: "/elsewhere"])
        }
        router.get("/unregistered") { _, _ -> String in
            throw HTTPError(.init(code: 599, reasonPhrase: "Network Timeout"), headers: [.init("X-Trace")!: "t-1"])
        }
        router.get("/teapot") { _, _ -> String in
            throw HTTPError(.init(code: 418, reasonPhrase: "I'm a teapot"))
        }
        return Application(router: router, logger: Logger(label: "test"))
    }

    static let internalErrorBody = #"{"code":0,"message":"Internal server error, try again later"}"#

    @Test func a5xxWithNoCatalogEntryKeepsItsStatusAndHeadersAsAboutBlank() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/unavailable", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "120")
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = String(buffer: response.body)
                #expect(body.contains(#""type":"about:blank""#))
                #expect(body.contains(#""status":503"#))
                #expect(body != Self.internalErrorBody)
            }
        }
    }

    @Test func aRedirectKeepsItsStatusAndHeadersAndGetsNoInternalErrorBody() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/moved", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/elsewhere")
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentType] == nil)
            }
        }
    }

    @Test func anUnregisteredStatusKeepsItsStatusAndHeadersAsAProblem() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/unregistered", method: .get) { response in
                #expect(response.status.code == 599)
                #expect(response.headers[.init("X-Trace")!] == "t-1")
                let body = String(buffer: response.body)
                #expect(body.contains(#""status":599"#))
                #expect(body != Self.internalErrorBody)
            }
        }
    }

    @Test func allowNeverListsTheMethodJustRefused() async throws {
        // The catalog declares GET /members/{memberRef}; this router has no route at all.
        try await Self.application(routed: false).test(.router) { client in
            try await client.execute(uri: "/members/abc", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.allow] == nil)
                #expect(String(buffer: response.body).contains(#""code":"#))
            }
            try await client.execute(uri: "/members/abc", method: .head) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.allow] == nil)
            }
            try await client.execute(uri: "/members/abc", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            // PATCH is declared on switches, with GET: refusing PATCH allows only the others.
            try await client.execute(uri: "/systems/s/switches/w", method: .patch) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func perStatusProblemsAreCounted() async throws {
        let metrics = TestMetrics()
        try await Self.application(metrics: metrics).test(.router) { client in
            try await client.execute(uri: "/teapot", method: .get) { _ in }
            try await client.execute(uri: "/teapot", method: .get) { _ in }
            try await client.execute(uri: "/unavailable", method: .get) { _ in }
            try await client.execute(uri: "/unregistered", method: .get) { _ in }
        }
        let teapot = try metrics.expectCounter(
            "errata_errors_total",
            [("catalog", "pluralkit"), ("name", "Status418"), ("status", "418")]
        )
        #expect(teapot.totalValue == 2)
        let unavailable = try metrics.expectCounter(
            "errata_errors_total",
            [("catalog", "pluralkit"), ("name", "Status503"), ("status", "503")]
        )
        #expect(unavailable.totalValue == 1)
        let unregistered = try metrics.expectCounter(
            "errata_errors_total",
            [("catalog", "pluralkit"), ("name", "Status599"), ("status", "599")]
        )
        #expect(unregistered.totalValue == 1)
    }

    @Test func acceptMediaTypesCompareCaseInsensitively() async throws {
        let catalog = try #require(
            CatalogLoader().load(text: ErrataMiddlewareTests.negotiable, path: "n.errata.yaml").catalog
        )
        try await ErrataMiddlewareTests.application(catalog: catalog).test(.router) { client in
            for accept in ["Application/Problem+JSON", "APPLICATION/PROBLEM+JSON, application/json;Q=0.5"] {
                try await client.execute(uri: "/things/7", method: .get, headers: [.accept: accept]) { response in
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(String(buffer: response.body).contains(#""detail":"No thing '7'.""#))
                }
            }
        }
    }
}
