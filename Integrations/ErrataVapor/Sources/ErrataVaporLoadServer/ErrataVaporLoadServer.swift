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
        // Thrown as ErrataPlugin's generated `PluralKitErrors.memberRefNotFound(memberRef:)` builds it (as in
        // Examples/HelloVapor): the entry's position, found once here, and the parameter's value; no name looked up
        // and no dictionary built per request.
        guard let memberRefNotFound = catalog.entries.firstIndex(where: { $0.name == "MemberRefNotFound" }) else {
            FileHandle.standardError.write(Data("catalog '\(catalog.id)' has no entry MemberRefNotFound\n".utf8))
            exit(1)
        }
        errata.get("catalog", ":memberRef") { request -> String in
            throw APIError(unchecked: memberRefNotFound, in: catalog, values: [request.parameters.get("memberRef")])
        }
        // The floor: what any error middleware costs on Vapor. A route throws a bare error and a middleware answers
        // with a fixed 404 body of the catalog route's size: nothing is looked up, rendered or logged.
        let floor = app.grouped(FloorMiddleware())
        floor.get("floor", ":memberRef") { _ -> String in
            throw FloorError()
        }
        app.get("abort", ":memberRef") { request -> String in
            throw Abort(.notFound, reason: "Member '\(request.parameters.get("memberRef") ?? "")' not found.")
        }
        try await app.execute()
        try await app.asyncShutdown()
    }
}

/// The error the floor route throws.
struct FloorError: Error {}

/// Answers ``FloorError`` with the catalog route's bytes, fixed; in the future form, as `ErrataErrorMiddleware`.
struct FloorMiddleware: Middleware {
    static let body = #"{"code":20003,"message":"Member 'abcde' not found."}"#

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapErrorThrowing { error in
            guard error is FloorError else { throw error }
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .notFound, headers: headers, body: .init(string: Self.body))
        }
    }
}
