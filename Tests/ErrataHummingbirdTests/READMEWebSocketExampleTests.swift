import Errata
import ErrataCatalogs
import ErrataHummingbird
import ErrataTools
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import HummingbirdWebSocket
import NIOWebSocket
import Testing

/// The README's WebSocket example, as the README writes it, run against a live server: ten status packets, then the
/// catalog's close code.
///
/// The time limit makes a live session that hangs (a frame the test client misses) fail by name: it cancels
/// the test, and a cancelled swift-websocket session closes its channel.
@Suite(.timeLimit(.minutes(1))) struct READMEWebSocketExampleTests {
    /// The README's router, word for word apart from where the catalog file is found.
    static func readmeRouter() throws -> Router<BasicWebSocketRequestContext> {
        let path = try #require(BundledCatalogs.path(forID: "blazeauth"))
        // README from here.
        let catalog = CatalogLoader().load(path: path).catalog!
        let renderer = try ErrorRenderer(catalog: catalog, internalErrorEntry: "InternalServerError")

        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/session") { inbound, outbound, _ in
            var requestID = 0
            for try await _ in inbound.messages(maxSize: 1 << 16) {
                requestID += 1
                guard requestID <= 10 else {
                    // A Close frame: 4201 and "rate limit hit", the reason cut to 123 bytes on a character boundary.
                    try await outbound.close(named: "RateLimitHit", using: renderer)
                    return
                }
                // {"id":1,"status":3}: the status packet that answers request 1.
                let error = try APIError("NotAuthorized", in: catalog)
                try await outbound.write(statusPacket: error, requestID: .integer(requestID), using: renderer)
            }
        }
        // README to here.
        return router
    }

    @Test func tenStatusPacketsThenTheCatalogCloseCode() async throws {
        let app = Application(
            router: Router(),
            server: .http1WebSocketUpgrade(webSocketRouter: try Self.readmeRouter()),
            configuration: .init(address: .hostname("127.0.0.1", port: 0))
        )
        try await app.test(.live) { client in
            let (texts, close) = try await WebSocketOutboundWriterTests.session(
                client,
                sending: (1...11).map { "request \($0)" }
            )
            #expect(texts == (1...10).map { #"{"id":\#($0),"status":3}"# })
            let frame = try #require(close)
            #expect(frame.closeCode == .unknown(4201))
            #expect(frame.reason == "rate limit hit")
        }
    }
}
