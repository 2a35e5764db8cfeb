import ArgumentParser
import Errata
import ErrataCatalogs
import ErrataServer
import ErrataTools
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve catalogs' reference pages, and any catalog error on demand.",
        discussion: """
            With no catalogs, serves the bundled ones. Open http://127.0.0.1:8080/ for the index; \
            'curl -i http://127.0.0.1:8080/mock/pluralkit/MemberRefNotFound?memberRef=abc' answers exactly as \
            the API would; WebSocket catalogs also take a WebSocket at /mock/CATALOG/ws, answering \
            {"id": 7, "status": NAME} with a status packet and {"close": NAME} with a Close frame. Stops cleanly on \
            SIGINT and SIGTERM.
            """
    )

    @Argument(help: "Catalog files, folders or bundled catalog ids (default: the bundled catalogs).")
    var catalogs: [String] = []

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    /// The levels `--log-level` takes: swift-log's, so that help lists them and a typo is a usage mistake.
    enum LogLevel: String, ExpressibleByArgument, CaseIterable {
        case trace, debug, info, notice, warning, error, critical

        var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .info }
    }

    @Option(help: "The log level (info logs one line per request).")
    var logLevel: LogLevel = .info

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port \(port) is not a TCP port; use 0–65535.")
        }
    }

    func run() async throws {
        let loaded = try CatalogArgument.loadAll(catalogs.isEmpty ? BundledCatalogs.paths : catalogs, option: "catalog")
        var ids: Set<String> = []
        for catalog in loaded where !ids.insert(catalog.id).inserted {
            printError("error: two catalogs have the id '\(catalog.id)'; ids name the pages, so keep them unique.")
            throw ExitCode.failure
        }
        var logger = Logger(label: "errata.serve")
        logger.logLevel = logLevel.level
        let server = try ErrataServer(catalogs: loaded)
        // The server's own application: HTTP routes, and WebSocket upgrades for /mock/{catalog}/ws.
        let app = server.application(
            configuration: .init(address: .hostname(host, port: port), serverName: "errata"),
            logger: logger
        )
        try await app.runService()
    }
}
