import Errata
@_spi(ErrataIntegration) import ErrataResponder
import ErrataTools
import Hummingbird
import HummingbirdTesting
import MetricsTestKit
import NIOCore
import Testing

@testable import ErrataHummingbird

/// A static error's response shares a buffer made once per entry; every other body is written for its response.
/// Each must carry its own bytes: the shared one for the primary envelope only, never for the problem alternative's
/// body of the same entry, and unchanged after it has been sent.
@Suite struct StaticBodiesTests {
    /// The middleware tests' catalog, with a static entry.
    static let catalogText =
        ErrataMiddlewareTests.negotiable + """

              - { name: Locked, code: locked, status: 423, title: Locked, message: "The thing is locked." }
            """
    static let lockedJSON = #"{"error":"locked","text":"The thing is locked."}"#
    static let lockedProblem =
        #"{"type":"https://example.com/errors/Locked","title":"Locked","status":423,"detail":"The thing is locked."}"#

    static func catalog() throws -> ErrorCatalog {
        try #require(CatalogLoader().load(text: catalogText, path: "n.errata.yaml").catalog)
    }

    static func text(_ buffer: ByteBuffer) -> String {
        String(buffer: buffer)
    }

    @Test func onlyTheEntrysOwnStaticBodyIsShared() throws {
        let catalog = try Self.catalog()
        let primary = try ErrorRenderer(catalog: catalog)
        let buffers = StaticBodies(primary) { ByteBuffer(bytes: $0) }
        let locked = try APIError("Locked", in: catalog)

        let shared = try #require(buffers.buffer(for: primary.render(locked)))
        #expect(Self.text(shared) == Self.lockedJSON)
        // A templated body, the problem alternative's body of the same entry, and the same bytes in an array of
        // their own are not taken for it.
        let templated = primary.render(try APIError("ThingNotFound", in: catalog, parameters: ["id": "7"]))
        #expect(buffers.buffer(for: templated) == nil)
        let problem = try ErrorRenderer(catalog: catalog, envelope: Envelope(format: .problem))
        #expect(buffers.buffer(for: problem.render(locked)) == nil)
        var copied = primary.render(locked)
        copied.body = Array(Self.lockedJSON.utf8)
        #expect(buffers.buffer(for: copied) == nil)
    }

    /// Every error response carries one Content-Length, the size of its body (of the body a GET would get, for
    /// HEAD), also when the entry declares a Content-Length header of its own.
    @Test func everyErrorCarriesOneContentLengthOfItsBody() async throws {
        let text =
            Self.catalogText + """

                  - { name: Sized, code: sized, status: 400, message: "Sized '{id}'.", headers: { Content-Length: "3" } }
                """
        let catalog = try #require(CatalogLoader().load(text: text, path: "n.errata.yaml").catalog)
        let router = Router()
        router.add(middleware: try ErrataMiddleware(catalog: catalog, metricsFactory: TestMetrics()))
        for name in ["ThingNotFound", "Sized"] {
            router.on("/\(name)", method: .get) { _, _ -> String in
                throw try APIError(name, in: catalog, parameters: ["id": "seven"])
            }
            router.on("/\(name)", method: .head) { _, _ -> String in
                throw try APIError(name, in: catalog, parameters: ["id": "seven"])
            }
        }
        let expected = [
            "ThingNotFound": #"{"error":"thing_not_found","text":"No thing 'seven'."}"#,
            "Sized": #"{"error":"sized","text":"Sized 'seven'."}"#,
        ]
        try await Application(router: router).test(.router) { client in
            for (name, body) in expected {
                try await client.execute(uri: "/\(name)", method: .get) { response in
                    #expect(Self.text(response.body) == body)
                    #expect(response.headers[values: .contentLength] == [String(body.utf8.count)], "\(name)")
                }
                try await client.execute(uri: "/\(name)", method: .head) { response in
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[values: .contentLength] == [String(body.utf8.count)], "\(name)")
                }
            }
        }
    }

    @Test func staticErrorsAnswerTheirOwnBytesEveryTime() async throws {
        let catalog = try Self.catalog()
        let router = Router()
        router.add(middleware: try ErrataMiddleware(catalog: catalog, metricsFactory: TestMetrics()))
        router.get("/locked") { _, _ -> String in throw try APIError("Locked", in: catalog) }
        router.head("/locked") { _, _ -> String in throw try APIError("Locked", in: catalog) }
        let app = Application(router: router)
        try await app.test(.router) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/locked", method: .get) { response in
                    #expect(response.status.code == 423)
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(Self.text(response.body) == Self.lockedJSON)
                }
                try await client.execute(
                    uri: "/locked",
                    method: .get,
                    headers: [.accept: "application/problem+json"]
                ) { response in
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(Self.text(response.body) == Self.lockedProblem)
                }
            }
            try await client.execute(uri: "/locked", method: .head) { response in
                #expect(response.status.code == 423)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentLength] == String(Self.lockedJSON.utf8.count))
            }
        }
    }
}
