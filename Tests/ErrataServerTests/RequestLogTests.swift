import ErrataServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// `errata serve` logs every request at the level it was given, with Hummingbird's request line.
@Suite struct RequestLogTests {
    /// The log lines at `level`, as "message path method".
    struct Lines: LogHandler {
        final class Store: Sendable {
            let lines = Mutex<[String]>([])
        }
        let store = Store()
        let level: Logger.Level
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.level == level else { return }
            let fields = ["hb.request.path", "hb.request.method"].map { event.metadata?[$0].map { "\($0)" } ?? "-" }
            store.lines.withLock { $0.append((["\(event.message)"] + fields).joined(separator: " ")) }
        }
    }

    @Test func everyRequestIsLoggedOnceAtTheGivenLevel() async throws {
        let lines = Lines(level: .notice)
        let application = Application(
            router: try ErrataServer(catalogs: ErrataServerTests.catalogs).router(logLevel: .notice),
            logger: Logger(label: "serve") { _ in lines }
        )
        try await application.test(.router) { client in
            try await client.execute(uri: "/mock/pluralkit/20003?memberRef=x", method: .post) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/mock/nowhere/1", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(
            lines.store.lines.withLock { $0 } == [
                "Request /mock/pluralkit/20003?memberRef=x POST", "Request /mock/nowhere/1 GET",
            ]
        )
    }
}
