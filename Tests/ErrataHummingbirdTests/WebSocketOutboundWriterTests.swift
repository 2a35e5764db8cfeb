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
import Synchronization
import Testing

/// The time limit makes a live session that hangs (a frame the test client misses) fail by name: it cancels
/// the test, and a cancelled swift-websocket session closes its channel.
@Suite(.timeLimit(.minutes(1))) struct WebSocketOutboundWriterTests {
    static func blazeauth() throws -> ErrorCatalog {
        let loaded = CatalogLoader().load(path: try #require(BundledCatalogs.path(forID: "blazeauth")))
        return try #require(loaded.catalog)
    }

    /// A renderer of blazeauth, whose internal-error status is its own `InternalServerError` (6): the catalog has no
    /// HTTP statuses, so there is no 500 entry to find.
    static func blazeauthRenderer() throws -> ErrorRenderer {
        try ErrorRenderer(catalog: try blazeauth(), internalErrorEntry: "InternalServerError")
    }

    /// A live server whose one WebSocket route runs `handler` with `renderer`.
    static func application(
        renderer: ErrorRenderer,
        handler:
            @escaping @Sendable (WebSocketInboundStream, WebSocketOutboundWriter, ErrorRenderer) async throws -> Void
    ) throws -> some ApplicationProtocol {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/session") { inbound, outbound, _ in
            try await handler(inbound, outbound, renderer)
        }
        return Application(
            router: Router(),
            server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname("127.0.0.1", port: 0))
        )
    }

    /// Waits for the client's first message.
    ///
    /// Handlers that write before reading wait for it: the test client (swift-websocket 1.6.2) can miss a frame that
    /// arrives right behind the 101 response, and the session then hangs (seen here when tests ran in parallel).
    static func firstMessage(_ inbound: WebSocketInboundStream) async throws {
        var iterator = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
        _ = try await iterator.next()
    }

    /// Every text message the client receives until the server closes, and the close frame; the client speaks first.
    static func session(
        _ client: some TestClientProtocol,
        sending messages: [String] = ["hello"]
    ) async throws -> (texts: [String], close: WebSocketCloseFrame?) {
        let received = TextLog()
        let close = try await client.ws("/session") { inbound, outbound, _ in
            for message in messages {
                try await outbound.write(.text(message))
            }
            for try await message in inbound.messages(maxSize: 1 << 16) {
                if case .text(let text) = message { received.append(text) }
            }
        }
        return (received.texts, close)
    }

    @Test func statusPacketGoesOutAsOneTextFrameAndDecodesBack() async throws {
        let catalog = try Self.blazeauth()
        let app = try Self.application(renderer: try Self.blazeauthRenderer()) { inbound, outbound, renderer in
            var requestID = 7
            for try await message in inbound.messages(maxSize: 1 << 16) {
                guard case .text(let name) = message else { continue }
                let error = try APIError(name, in: renderer.catalog)
                try await outbound.write(statusPacket: error, requestID: .integer(requestID), using: renderer)
                requestID += 1
            }
        }
        try await app.test(.live) { client in
            let names = ["NotAuthorized", "Ok", "LicenseNotFound", "FileChecksumMismatch"]
            let close = try await client.ws("/session") { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                let decoder = ErrorDecoder(catalog: catalog)
                for (offset, name) in names.enumerated() {
                    try await outbound.write(.text(name))
                    let message = try await iterator.next()
                    guard case .text(let packet) = message else {
                        Issue.record("expected a text frame, got \(String(describing: message))")
                        return
                    }
                    let decoded = decoder.decodeStatusPacket(Array(packet.utf8))
                    #expect(decoded.requestID == .integer(7 + offset))
                    if name == "FileChecksumMismatch" {
                        // Client-origin: a server never sends it, so the internal-error status answers instead.
                        #expect(packet == #"{"id":10,"status":6}"#)
                        #expect(decoded.name == "InternalServerError")
                    } else {
                        #expect(decoded.name == name)
                    }
                    if name == "NotAuthorized" { #expect(packet == #"{"id":7,"status":3}"#) }
                }
            }
            #expect(close?.closeCode == .normalClosure)
        }
    }

    @Test func closeNamedSendsTheCatalogCodeAndReason() async throws {
        let app = try Self.application(renderer: try Self.blazeauthRenderer()) { inbound, outbound, renderer in
            try await Self.firstMessage(inbound)
            try await outbound.close(named: "RateLimitHit", using: renderer)
        }
        try await app.test(.live) { client in
            let (texts, close) = try await Self.session(client)
            #expect(texts.isEmpty)
            let frame = try #require(close)
            #expect(frame.closeCode == .unknown(4201))
            #expect(WebSocketCloseCode(frame.closeCode) == 4201)
            #expect(frame.reason == "rate limit hit")
        }
    }

    /// Reasons over 123 bytes of multi-byte characters, and the longest whole-character prefix that fits.
    static let longReasons: [(reason: String, expected: String)] = [
        // 1 + 60 × 3 bytes; 40 euro signs make 121 bytes, a 41st would make 124.
        ("a" + String(repeating: "€", count: 60), "a" + String(repeating: "€", count: 40)),
        // Flags are 8 bytes each (two regional indicators): 15 make 121 bytes; cutting inside one would leave half.
        ("x" + String(repeating: "🇫🇷", count: 20), "x" + String(repeating: "🇫🇷", count: 15)),
        // "é" as e + combining acute (3 bytes): 41 make 123 bytes exactly.
        (String(repeating: "e\u{301}", count: 50), String(repeating: "e\u{301}", count: 41)),
    ]

    @Test(arguments: longReasons)
    func closeCutsALongReasonOnACharacterBoundary(reason: String, expected: String) async throws {
        let catalog = ErrorCatalog(
            id: "long-reasons",
            title: "Long reasons",
            entries: [],
            closeCodes: [CloseCodeEntry(code: 4000, name: "Wordy", reason: reason)]
        )
        let app = try Self.application(renderer: try ErrorRenderer(catalog: catalog)) { inbound, outbound, renderer in
            try await Self.firstMessage(inbound)
            try await outbound.close(named: "Wordy", using: renderer)
        }
        try await app.test(.live) { client in
            let frame = try #require(try await Self.session(client).close)
            #expect(frame.closeCode == .unknown(4000))
            let received = try #require(frame.reason)
            #expect(received == expected)
            #expect(received.utf8.count <= 123)
            #expect(Array(received.utf8) == Array(reason.utf8.prefix(received.utf8.count)))
        }
    }

    @Test func closeWithACodeAndReason() async throws {
        let app = try Self.application(renderer: try Self.blazeauthRenderer()) { inbound, outbound, _ in
            try await Self.firstMessage(inbound)
            try await outbound.close(.policyViolation, reason: WebSocketCloseReason(truncating: "no"))
        }
        try await app.test(.live) { client in
            let frame = try #require(try await Self.session(client).close)
            #expect(frame.closeCode == .policyViolation)
            #expect(frame.reason == "no")
        }
    }

    @Test func closeMistakesThrowAndSayWhy() async throws {
        let app = try Self.application(renderer: try Self.blazeauthRenderer()) { inbound, outbound, renderer in
            try await Self.firstMessage(inbound)
            do {
                try await outbound.close(named: "NoSuchCode", using: renderer)
            } catch let error as WebSocketCloseError {
                try await outbound.write(.text(error.description))
            }
            do {
                try await outbound.close(.noStatusReceived, reason: WebSocketCloseReason(truncating: ""))
            } catch let error as WebSocketCloseError {
                try await outbound.write(.text(error.description))
            }
        }
        try await app.test(.live) { client in
            let (texts, close) = try await Self.session(client)
            #expect(
                texts == [
                    "catalog 'blazeauth' has no close code named 'NoSuchCode' (its close codes: RateLimitHit)",
                    "close code 1005 No Status Received may not be sent in a Close frame (RFC 6455 §7.4)",
                ]
            )
            // Nothing was sent by the failed calls, so the session ends normally.
            #expect(close?.closeCode == .normalClosure)
        }
    }

    @Test(arguments: [1000, 1003, 1008, 1011, 4201, 4999] as [UInt16])
    func closeCodesConvertBothWays(code: UInt16) {
        let nio = WebSocketErrorCode(WebSocketCloseCode(rawValue: code))
        #expect(UInt16(webSocketErrorCode: nio) == code)
        #expect(WebSocketCloseCode(nio) == WebSocketCloseCode(rawValue: code))
    }

    /// Texts collected by a WebSocket client handler, read after it returns.
    final class TextLog: Sendable {
        private let storage = Mutex<[String]>([])

        func append(_ text: String) {
            storage.withLock { $0.append(text) }
        }

        var texts: [String] {
            storage.withLock { $0 }
        }
    }
}
