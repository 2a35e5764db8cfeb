import Errata
import ErrataHummingbird
import ErrataServer
import ErrataTools
import Hummingbird
import LoadFloor
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One Hummingbird server with six routes, for `load.sh` to measure side by side under wrk.
///
/// | route | answer | what it measures |
/// |---|---|---|
/// | `GET /plain` | 200, a small text body | the floor: Hummingbird with nothing of ours |
/// | `GET /catalog/:ref` | 404 `MemberRefNotFound` through ``ErrataMiddleware`` | an Errata error on the wire |
/// | `GET /routed/:ref` | 200, the same small body, through ``ErrataMiddleware`` | the catalog route's routing, without the error |
/// | `GET /httperror/:ref` | 404 Hummingbird `HTTPError`, no Errata middleware | what Hummingbird alone does for an error |
/// | `GET /floor/:ref` | the catalog route's 404, fixed bytes from ``FloorMiddleware`` | what any error middleware costs |
/// | `GET /mock/pluralkit/20003?memberRef=…` | `errata serve`'s mock, its own router | the mock server |
///
/// Quiet on purpose: the logger is at `warning`, so no line per request skews the numbers.
///
/// Usage: `ErrataLoadServer [--port 8080] [--catalog PATH]`; the catalog defaults to the repository's
/// `Catalogs/pluralkit.errata.yaml`, found from this file's path.
@main
struct ErrataLoadServer {
    static func main() async {
        do {
            try await run()
        } catch {
            // A message, not a crash report: the errors here are mistakes in the arguments or the catalog.
            var message = "ErrataLoadServer: \(error)\n"
            message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
            exit(1)
        }
    }

    static func run() async throws {
        let options = try Options(CommandLine.arguments.dropFirst())
        let catalog = try loadCatalog(options.catalogPath)
        var logger = Logger(label: "errata.load-server")
        logger.logLevel = .warning

        let app = Application(
            responder: try responder(catalog: catalog),
            configuration: .init(address: .hostname("127.0.0.1", port: options.port), serverName: "errata-load"),
            logger: logger
        )
        try await app.runService()
    }

    /// The six routes: ours on one router, `/mock/…` on `errata serve`'s router, split by path prefix.
    ///
    /// Both routers use `errata serve`'s `ServeRequestContext` (Hummingbird's basic context plus the connection, for
    /// its faults), since one server has one context type; every route pays for it alike.
    static func responder(catalog: ErrorCatalog) throws -> PathPrefixResponder<ServeRequestContext> {
        // Thrown as ErrataPlugin's generated `PluralKitErrors.memberRefNotFound(memberRef:)` builds it (as the Vapor
        // load server and Examples/HelloErrata do): the entry's position, found once here, and the parameter's value;
        // no name looked up and no dictionary built per request.
        guard let memberRefNotFound = catalog.entries.firstIndex(where: { $0.name == "MemberRefNotFound" }) else {
            throw LoadServerError("catalog '\(catalog.id)' has no entry MemberRefNotFound")
        }
        let router = Router(context: ServeRequestContext.self)
        router.get("/plain") { _, _ in "OK\n" }
        // Hummingbird alone: the router adds middleware only to the routes added after it, and this group has none.
        router.group("httperror").get(":ref") { _, context -> Response in
            let ref = try context.parameters.require("ref")
            throw HTTPError(.notFound, message: "Member '\(ref)' not found.")
        }
        router.group("catalog")
            .add(middleware: try ErrataMiddleware(catalog: catalog))
            .get(":ref") { _, context -> Response in
                throw APIError(unchecked: memberRefNotFound, in: catalog, values: [try context.parameters.require("ref")])
            }
        // The floor: the same routing and parameter, an error thrown and answered by a middleware with the catalog
        // route's bytes, fixed. The least any error path can cost here.
        router.group("floor")
            .add(middleware: FloorMiddleware())
            .get(":ref") { _, context -> Response in
                _ = try context.parameters.require("ref")
                throw FloorError()
            }
        // The catalog route's twin that succeeds: the same routing, parameter and middleware, a 200. The catalog
        // route over this one is what the error itself costs.
        router.group("routed")
            .add(middleware: try ErrataMiddleware(catalog: catalog))
            .get(":ref") { _, context -> String in
                _ = try context.parameters.require("ref")
                return "OK\n"
            }

        // `errata serve` itself; its request log is at `trace`, below the logger's level.
        let mock = try ErrataServer(catalogs: [catalog]).router(logLevel: .trace)
        return PathPrefixResponder(
            prefix: "/mock/",
            matching: mock.buildResponder(),
            otherwise: router.buildResponder()
        )
    }

    static func loadCatalog(_ path: String) throws -> ErrorCatalog {
        let result = CatalogLoader().load(path: path)
        guard let catalog = result.catalog else {
            let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
            throw LoadServerError("cannot load \(path):\n" + errors.joined(separator: "\n"))
        }
        return catalog
    }
}
