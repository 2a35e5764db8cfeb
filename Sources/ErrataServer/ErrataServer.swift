public import Errata
import ErrataHummingbird
import ErrataResponder
import ErrataTools
public import Hummingbird
import Logging
import NIOCore

/// The mock and docs server behind `errata serve`: reference pages for people, and any catalog error on demand
/// for client developers.
///
/// | route | answer |
/// |---|---|
/// | `GET /` | an index of the catalogs |
/// | `GET /{catalog}` | the catalog's reference page |
/// | `GET /{catalog}/{entry}` | a page per entry, so problem `type` URIs resolve |
/// | `GET /{catalog}.errata.json` | the catalog as JSON |
/// | `GET /http` | the HTTP status registry |
/// | `ANY /mock/{catalog}/{code or name}?param=value&retryAfter=S&delay=MS` | the error, exactly as the API sends it |
/// | `ANY /mock/{catalog}` with `Prefer: code=…` | the same, chosen by header |
/// | `ANY /mock/{catalog}/random?codes=20001,20003:3` | one of the codes, by weight |
/// | `ANY /mock/{catalog}/flaky?key=K&fail=2&then=200` | a sequence per key: two failures (429), then 200 |
/// | any mock route with `fault=`, `latency=`, `seed=` (or `Prefer: fault=…`) | the answer, broken on the wire: a dropped connection, a cut or dribbled body, a latency |
/// | `GET /mock/{catalog}/ws` (WebSocket) | a mock session for WebSocket catalogs (below) |
/// | `ANY /status/{code}` | any HTTP status with the headers its semantics require |
///
/// On `/mock/{catalog}/ws` the client sends text messages, and each gets one answer:
///
/// | message | answer |
/// |---|---|
/// | `{"id": 7, "status": NAME}` | the status packet for request 7 (`{"id":7,"status":3}` for blazeauth) |
/// | `{"close": NAME}` | a Close frame with that close code and its reason (at most 123 bytes), then the end |
/// | a bad message: not JSON, no `id`, an unknown name, … | a text frame: a problem saying what is wrong |
/// | a binary message | Close 1003 (Unsupported Data) |
/// | text that is not UTF-8 | Close 1007 (Invalid Frame Payload Data) |
/// | a message over 64 KiB | Close 1009 (Message Too Big) |
///
/// A bad message is not JSON, not an object, has neither or both of `status` and `close`, names nothing in the
/// catalog, lacks the `id` a status needs, or asks for a client-side status. Its answer is an RFC 9457 problem
/// whose `detail` says which, with no `status` member a client could take for a catalog status, and the session
/// goes on, so that one typo does not cost the connection.
///
/// NAME is an entry or close code name, or its code (`"NotAuthorized"`, `3`, `"RateLimitHit"`, `4201`). An upgrade
/// for a catalog without WebSocket semantics (no close codes, every entry with an HTTP status) is declined: 400.
/// Without an upgrade, the same URL answers a problem: 400 for such a catalog, 426 with `Upgrade: websocket` for
/// a WebSocket one.
public struct ErrataServer: Sendable {
    /// The catalogs served, in order.
    public let catalogs: [ErrorCatalog]
    /// Each catalog as the mock answers from it, by catalog id.
    let mocks: [String: MockCatalog]
    let pages: [String: ReferencePage]
    /// Renderers of the catalogs with WebSocket semantics, for `/mock/{catalog}/ws`.
    let webSocketRenderers: [String: ErrorRenderer]
    let serveErrors: ErrorRenderer
    let webSocketErrors: ErrorRenderer
    /// The mock's memory between requests: `flaky` sequences and `seed=` generators.
    let state = MockState()

    /// The longest `delay` a mock request may ask for, in milliseconds.
    public static let maximumDelay = 10_000

    /// Prepares the server: every catalog is compiled and its pages rendered once.
    ///
    /// - Throws: when a catalog cannot be compiled for rendering.
    public init(catalogs: [ErrorCatalog]) throws {
        self.catalogs = catalogs
        var mocks: [String: MockCatalog] = [:]
        var pages: [String: ReferencePage] = [:]
        var webSocketRenderers: [String: ErrorRenderer] = [:]
        for catalog in catalogs {
            mocks[catalog.id] = try MockCatalog(catalog)
            pages[catalog.id] = ReferencePage(catalog: catalog)
            if Self.hasWebSocketSemantics(catalog) {
                webSocketRenderers[catalog.id] = try ErrorRenderer(catalog: catalog)
            }
        }
        self.mocks = mocks
        self.webSocketRenderers = webSocketRenderers
        self.pages = pages
        self.serveErrors = try ErrorRenderer(catalog: ServeErrors.catalog)
        self.webSocketErrors = try ErrorRenderer(catalog: ServeErrors.webSocketCatalog)
    }

    /// The router, with request logging at `logLevel`.
    public func router(logLevel: Logger.Level = .info) -> Router<ServeRequestContext> {
        let router = Router(context: ServeRequestContext.self)
        router.add(middleware: ServeErrorMiddleware(logLevel: logLevel, renderer: serveErrors))
        router.get("/") { _, _ in html(indexPage()) }
        router.get("/http") { _, _ in html(ReferencePage.statusRegistryPage()) }
        router.get("/:catalog") { request, context in
            try catalogDocument(context.parameters.require("catalog"), request)
        }
        router.get("/:catalog/:entry") { _, context in
            try entryDocument(context.parameters.require("catalog"), context.parameters.require("entry"))
        }
        for method in Self.mockMethods {
            router.on("/mock/:catalog", method: method) { request, context in
                try await mock(request, context, catalog: context.parameters.require("catalog"), choice: nil)
            }
            router.on("/mock/:catalog/:choice", method: method) { request, context in
                try await mock(
                    request,
                    context,
                    catalog: context.parameters.require("catalog"),
                    choice: context.parameters.require("choice")
                )
            }
            router.on("/status/:code", method: method) { request, context in
                try status(request, context.parameters.require("code"))
            }
            // Each catalog's own routes, which the router prefers to the captures above: one path parameter fewer
            // to capture and look up (Hummingbird's parameters are generic code it does not specialise, measured
            // at 4 % of a mock answer each). Both, because the router does not go back to the capture once the
            // constant matched. Catalog ids are lowercase letters, digits and '-', never a capture.
            for id in mocks.keys.sorted() {
                router.on("/mock/\(id)", method: method) { request, context in
                    try await mock(request, context, catalog: id, choice: nil)
                }
                router.on("/mock/\(id)/:choice", method: method) { request, context in
                    try await mock(request, context, catalog: id, choice: context.parameters.require("choice"))
                }
            }
        }
        return router
    }

    static let mockMethods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]

    // MARK: Pages

    private func html(_ text: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }

    private func indexPage() -> String {
        var rows = ""
        for catalog in catalogs {
            let link = "/" + HTML.escape(catalog.id)
            rows += "<tr><td><a href=\"\(link)\">\(HTML.escape(catalog.title))</a></td>"
            rows += "<td><code>\(HTML.escape(catalog.id))</code></td><td>\(HTML.escape(catalog.version))</td>"
            rows += "<td>\(catalog.entries.count)</td><td>\(catalog.closeCodes.count)</td>"
            rows += "<td><a href=\"\(link).errata.json\">JSON</a></td></tr>\n"
        }
        let body = """
            <header>
            <h1>Errata</h1>
            <p class="lead">Error catalogs served by <code>errata serve</code>: reference pages, and any error on \
            demand at <code>/mock/{catalog}/{code or name}</code>.</p>
            </header>
            <main>
            <section id="catalogs">
            <h2>Catalogs</h2>
            <table>
            <thead><tr><th>Catalog</th><th>Id</th><th>Version</th><th>Codes</th><th>Close codes</th><th>File</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </section>
            <section id="registries">
            <h2>Registries</h2>
            <p><a href="/http">HTTP status codes</a>: every IANA-registered status and the common unofficial ones.</p>
            </section>
            </main>

            """
        return ReferencePage.document(title: "Errata catalogs", body: body)
    }

    private func catalogDocument(_ name: String, _ request: Request) throws -> Response {
        if name.hasSuffix(".errata.json") {
            let id = String(name.dropLast(".errata.json".count))
            let catalog = try catalog(id)
            return Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: CatalogJSON.value(catalog).description))
            )
        }
        let catalog = try catalog(name)
        return html(pages[catalog.id]!.page())
    }

    private func entryDocument(_ catalogID: String, _ entry: String) throws -> Response {
        let catalog = try catalog(catalogID)
        let name = try Self.resolve(entry, in: catalog).name
        guard let page = pages[catalog.id]!.entryPage(named: name, referenceURL: "/\(catalog.id)") else {
            throw ServeErrors.error("UnknownEntry", ["catalog": catalog.id, "entry": entry])
        }
        return html(page)
    }

    func catalog(_ id: String) throws -> ErrorCatalog {
        guard let catalog = catalogs.first(where: { $0.id == id }) else { throw unknownCatalog(id) }
        return catalog
    }

    /// The catalog `id` as the mock answers from it.
    func mock(_ id: String) throws -> MockCatalog {
        guard let mock = mocks[id] else { throw unknownCatalog(id) }
        return mock
    }

    private func unknownCatalog(_ id: String) -> APIError {
        ServeErrors.error("UnknownCatalog", ["catalog": id, "available": catalogs.map(\.id).joined(separator: ", ")])
    }

    /// An entry by name, or by code when one entry has it.
    static func resolve(_ choice: String, in catalog: ErrorCatalog) throws -> ErrorEntry {
        if let entry = catalog.entry(named: choice) { return entry }
        var matches = catalog.entries(withCode: .string(choice))
        if let number = Int(choice) {
            matches += catalog.entries(withCode: .integer(number))
            if matches.isEmpty {
                // Catalogs without codes of their own (the status is the code).
                matches = catalog.entries.filter { $0.code == nil && $0.status?.code == number }
            }
        }
        guard !matches.isEmpty else {
            throw ServeErrors.error("UnknownEntry", ["catalog": catalog.id, "entry": choice])
        }
        guard matches.count == 1 else {
            throw ServeErrors.error(
                "AmbiguousCode",
                ["catalog": catalog.id, "code": choice, "names": matches.map(\.name).joined(separator: ", ")]
            )
        }
        return matches[0]
    }
}
