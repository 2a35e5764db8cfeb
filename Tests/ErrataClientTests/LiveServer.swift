import Errata
import ErrataServer
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// A live `errata serve` on loopback, on a port the system picks, for as long as a test runs.
enum LiveServer {
    @discardableResult
    static func run<Value: Sendable>(
        catalogs: [ErrorCatalog],
        _ test: @Sendable (_ baseURL: String) async throws -> Value
    ) async throws -> Value {
        var logger = Logger(label: "errata.client-tests")
        logger.logLevel = .critical
        let app = try ErrataServer(catalogs: catalogs).application(
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logLevel: .trace,
            logger: logger
        )
        return try await app.test(.live) { client in
            let port = try #require(client.port)
            return try await test("http://127.0.0.1:\(port)")
        }
    }
}
