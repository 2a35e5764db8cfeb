import ErrataServer
import ErrataTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `errata serve` logs every request at the level it was given, with Hummingbird's request line.
@Suite struct RequestLogTests {
    @Test func everyRequestIsLoggedOnceAtTheGivenLevel() async throws {
        let handler = RecordingLogHandler()
        let application = Application(
            router: try ErrataServer(catalogs: ErrataServerTests.catalogs).router(logLevel: .notice),
            logger: Logger(label: "serve") { _ in handler }
        )
        try await application.test(.router) { client in
            try await client.execute(uri: "/mock/pluralkit/20003?memberRef=x", method: .post) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/mock/nowhere/1", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        // Each line as "message path method".
        let lines = handler.lines.all.filter { $0.level == .notice }.map { event in
            let fields = ["hb.request.path", "hb.request.method"].map { event.metadata?[$0].map { "\($0)" } ?? "-" }
            return (["\(event.message)"] + fields).joined(separator: " ")
        }
        #expect(lines == ["Request /mock/pluralkit/20003?memberRef=x POST", "Request /mock/nowhere/1 GET"])
    }
}
