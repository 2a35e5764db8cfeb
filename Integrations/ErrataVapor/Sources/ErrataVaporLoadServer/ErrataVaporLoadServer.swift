import Errata
import ErrataTools
import ErrataVapor
import Foundation
import Logging
import Vapor

/// The Vapor server `Benchmarks/load-vapor.sh` measures: a plain 200, a catalog error through
/// `ErrataErrorMiddleware`, and `Abort(.notFound, reason:)` through Vapor's default `ErrorMiddleware`.
///
/// Usage: `ErrataVaporLoadServer PORT CATALOG`. Vapor's `RouteLoggingMiddleware` is left out for every route, so
/// that the rounds compare the error paths alone; the logger is at `info`, Vapor's default, where its
/// `ErrorMiddleware` writes a `warning` line for every `Abort` and ErrataVapor writes none for a 4xx.
@main
struct ErrataVaporLoadServer {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3, let port = Int(arguments[1]) else {
            FileHandle.standardError.write(Data("usage: ErrataVaporLoadServer PORT CATALOG\n".utf8))
            exit(2)
        }
        let loaded = CatalogLoader().load(path: arguments[2])
        guard let catalog = loaded.catalog else {
            FileHandle.standardError.write(Data("cannot load \(arguments[2]): \(loaded.diagnostics)\n".utf8))
            exit(1)
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let app = try await Application.make(Environment(name: "production", arguments: ["vapor"]))
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = port
        app.middleware = Middlewares()
        app.middleware.use(ErrorMiddleware.default(environment: app.environment))

        app.get("plain") { _ in "OK" }
        // The catalog error: ErrataErrorMiddleware on the group, so Vapor's ErrorMiddleware never sees it.
        let errata = app.grouped(try ErrataErrorMiddleware(catalog: catalog))
        errata.get("catalog", ":memberRef") { request -> String in
            throw try APIError(
                "MemberRefNotFound",
                in: catalog,
                parameters: ["memberRef": request.parameters.get("memberRef") ?? ""]
            )
        }
        app.get("abort", ":memberRef") { request -> String in
            throw Abort(.notFound, reason: "Member '\(request.parameters.get("memberRef") ?? "")' not found.")
        }
        try await app.execute()
        try await app.asyncShutdown()
    }
}
