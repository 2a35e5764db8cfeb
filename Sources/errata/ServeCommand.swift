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

    @Option(help: "The log level: trace, debug, info (one line per request), notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port \(port) is not a TCP port; use 0–65535.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level '\(logLevel)' is not a level; use trace, debug, info, notice, warning, error or critical."
            )
        }
    }

    func run() async throws {
        let files = catalogs.isEmpty ? BundledCatalogs.paths : try CatalogInputs.resolve(catalogs, option: "catalog")
        var loaded: [ErrorCatalog] = []
        for file in files {
            let result = CatalogLoader().load(path: file)
            guard let catalog = result.catalog else {
                for diagnostic in result.diagnostics where diagnostic.severity == .error {
                    printError(diagnostic.description)
                }
                throw ValidationError("catalog '\(file)' has errors; 'errata lint \(file)' lists them.")
            }
            if loaded.contains(where: { $0.id == catalog.id }) {
                throw ValidationError("two catalogs have the id '\(catalog.id)'; ids name the pages, so keep them unique.")
            }
            loaded.append(catalog)
        }
        var logger = Logger(label: "errata.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let server = try ErrataServer(catalogs: loaded)
        // The server's own application: HTTP routes, and WebSocket upgrades for /mock/{catalog}/ws.
        let app = server.application(
            configuration: .init(address: .hostname(host, port: port), serverName: "errata"),
            logger: logger
        )
        try await app.runService()
    }
}
