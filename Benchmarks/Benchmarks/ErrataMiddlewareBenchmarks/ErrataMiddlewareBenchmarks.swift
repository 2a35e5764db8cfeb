import Benchmark
import Errata
import ErrataHummingbird
import ErrataServer
import ErrataTools
import Foundation
import HTTPTypes
import Hummingbird
import LoadFloor
import Logging
import NIOCore
import NIOEmbedded

// The whole server path in process: a request through Hummingbird's router, the middleware and the handler to a
// response whose body is written out, with no sockets, so that what the error path costs shows without the
// kernel's and wrk's noise (`load.sh` measures the same routes on the wire). The routes are ErrataLoadServer's:
//
// - `Middleware.plain200`: a route that answers "OK\n", no Errata middleware;
// - `Middleware.routed200`: the same through `ErrataMiddleware`, a path parameter read: the catalog route's twin;
// - `Middleware.catalogError`: seed 001's `MemberRefNotFound` thrown through `ErrataMiddleware`, templated, built as
//   generated code builds it (the entry's position and the parameter's value);
// - `Middleware.catalogErrorByName`: the same built by name, `APIError("MemberRefNotFound", in:, parameters:)`;
// - `Middleware.staticCatalogError`: a catalog entry without parameters (seed 001's `Unauthorized`);
// - `Middleware.httpError`: Hummingbird's `HTTPError(.notFound, message:)`, no Errata middleware;
// - `Middleware.floor`: the catalog route's routing and parameter, an error thrown and answered by a middleware with
//   the catalog error's bytes, fixed (`FloorMiddleware`): what any error path costs, the yardstick for Errata's;
// - `Middleware.mock`: `errata serve`'s mock answering `/mock/pluralkit/20003?memberRef=abcde`.
//
// The ratios that matter are in the same run: catalogError against plain200 and routed200, and against httpError;
// catalogError over floor is what Errata's error path itself costs.
// Allocations are counted per request (1,000 requests per sample) and gated.

/// Collects a response body as the server's writer would receive it.
struct CollectingWriter: ResponseBodyWriter {
    var bytes = 0

    mutating func write(_ buffer: ByteBuffer) async throws {
        bytes += buffer.readableBytes
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

func loadPluralKit() -> ErrorCatalog {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../../../Catalogs/pluralkit.errata.yaml").standardized.path
    guard let catalog = CatalogLoader().load(path: path).catalog else { fatalError("cannot load \(path)") }
    return catalog
}

func makeResponder() throws -> some HTTPResponder<BasicRequestContext> {
    let catalog = loadPluralKit()
    // Positions, as ErrataPlugin's generated code knows them: `PluralKitErrors.memberRefNotFound(memberRef:)` is
    // `APIError(unchecked: 7, in: catalog, values: [memberRef])`, `PluralKitErrors.unauthorized` a static value.
    guard let memberRefNotFound = catalog.entries.firstIndex(where: { $0.name == "MemberRefNotFound" }),
        let unauthorizedIndex = catalog.entries.firstIndex(where: { $0.name == "Unauthorized" })
    else { fatalError("pluralkit has no MemberRefNotFound or Unauthorized") }
    let unauthorized = APIError(unchecked: unauthorizedIndex, in: catalog)
    let router = Router()
    router.get("/plain") { _, _ in "OK\n" }
    router.group("httperror").get(":ref") { _, context -> Response in
        let ref = try context.parameters.require("ref")
        throw HTTPError(.notFound, message: "Member '\(ref)' not found.")
    }
    router.group("catalog")
        .add(middleware: try ErrataMiddleware(catalog: catalog))
        .get(":ref") { _, context -> Response in
            throw APIError(unchecked: memberRefNotFound, in: catalog, values: [try context.parameters.require("ref")])
        }
    // The same error built by name, as a catalog loaded at run time without generated code throws it: the name is
    // looked up and the parameters given by name, once per error.
    router.group("byname")
        .add(middleware: try ErrataMiddleware(catalog: catalog))
        .get(":ref") { _, context -> Response in
            throw try APIError(
                "MemberRefNotFound",
                in: catalog,
                parameters: ["memberRef": context.parameters.require("ref")]
            )
        }
    router.group("static")
        .add(middleware: try ErrataMiddleware(catalog: catalog))
        .get(":ref") { _, context -> Response in
            _ = try context.parameters.require("ref")
            throw unauthorized
        }
    router.group("floor")
        .add(middleware: FloorMiddleware())
        .get(":ref") { _, context -> Response in
            _ = try context.parameters.require("ref")
            throw FloorError()
        }
    router.group("routed")
        .add(middleware: try ErrataMiddleware(catalog: catalog))
        .get(":ref") { _, context -> String in
            _ = try context.parameters.require("ref")
            return "OK\n"
        }
    return router.buildResponder()
}

/// `errata serve`'s router on PluralKit's catalog, for its mock: what `load.sh`'s mock route answers.
func makeMockResponder() throws -> some HTTPResponder<ServeRequestContext> {
    try ErrataServer(catalogs: [loadPluralKit()]).router(logLevel: .trace).buildResponder()
}

/// One request through the responder, its body written out; the status and byte count, to check and to keep.
func run<Context: RequestContext>(
    _ responder: some HTTPResponder<Context>,
    _ path: String,
    context: Context
) async -> (Int, Int) {
    let request = Request(
        head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: path),
        body: RequestBody(buffer: ByteBuffer())
    )
    let response: Response
    do {
        response = try await responder.respond(to: request, context: context)
    } catch {
        return (-1, 0)
    }
    let status = response.status.code
    do {
        try await response.body.write(CollectingWriter())
    } catch {
        return (-2, 0)
    }
    return (status, response.headers[.contentLength].flatMap { Int($0) } ?? 0)
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
        timeUnits: .nanoseconds,
        units: [.mallocCountTotal: .count],
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000,
        // Allocations are exact per request, so they are gated: `Thresholds/6.3/` holds the p90 per sample (1,000
        // requests), checked with `swift package --disable-sandbox benchmark thresholds check --target
        // ErrataMiddlewareBenchmarks --path Thresholds/6.3`; the tolerance absorbs the harness's own few.
        thresholds: [.mallocCountTotal: .init(absolute: [.p90: 100])]
    )
    let responder: any HTTPResponder<BasicRequestContext>
    do {
        responder = try makeResponder()
    } catch {
        fatalError("\(error)")
    }
    let logger = Logger(label: "benchmark", factory: { _ in SwiftLogNoOpLogHandler() })
    let context = BasicRequestContext(source: .init(channel: EmbeddedChannel(), logger: logger))
    let mockResponder: any HTTPResponder<ServeRequestContext>
    do {
        mockResponder = try makeMockResponder()
    } catch {
        fatalError("\(error)")
    }
    let mockContext = ServeRequestContext(source: .init(channel: EmbeddedChannel(), logger: logger))
    let mockPath = "/mock/pluralkit/20003?memberRef=abcde"

    Benchmark.startupHook = {
        // Each route answers as the load server's does, so a ratio never compares a failure with a success.
        let expected: [(String, Int)] = [
            ("/plain", 200), ("/routed/abcde", 200), ("/catalog/abcde", 404), ("/byname/abcde", 404),
            ("/static/abcde", 401), ("/httperror/abcde", 404), ("/floor/abcde", 404),
        ]
        for (path, status) in expected {
            let (answered, _) = await run(responder, path, context: context)
            precondition(answered == status, "\(path) answered \(answered), not \(status)")
        }
        let (answered, _) = await run(mockResponder, mockPath, context: mockContext)
        precondition(answered == 404, "\(mockPath) answered \(answered), not 404")
    }

    let routes = [
        ("plain200", "/plain"), ("routed200", "/routed/abcde"), ("catalogError", "/catalog/abcde"),
        ("catalogErrorByName", "/byname/abcde"), ("staticCatalogError", "/static/abcde"),
        ("httpError", "/httperror/abcde"), ("floor", "/floor/abcde"),
    ]
    for (name, path) in routes {
        Benchmark("Middleware.\(name)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(await run(responder, path, context: context)) }
        }
    }
    // `errata serve`'s mock, on its own router (one middleware: the request log and its problem answers).
    Benchmark("Middleware.mock", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(await run(mockResponder, mockPath, context: mockContext)) }
    }
}
