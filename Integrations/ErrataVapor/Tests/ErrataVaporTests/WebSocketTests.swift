import Errata
import ErrataTools
import ErrataVapor
import Logging
import NIOWebSocket
import Synchronization
import Testing
import Vapor
import VaporTesting
import WSClient

/// The same behaviour as ErrataHummingbird's `WebSocketOutboundWriterTests`, on Vapor's WebSocketKit.
///
/// VaporTesting's live tester speaks HTTP only, so these tests start the application's server on a free port and
/// connect with swift-websocket's client, which reports the Close frame's reason (WebSocketKit's client does not).
///
/// The time limit makes a live session that hangs (a frame the test client misses) fail by name: it cancels
/// the test, and a cancelled swift-websocket session closes its channel.
@Suite(.timeLimit(.minutes(1))) struct WebSocketTests {
    /// The client's side of a session.
    typealias Client<Result> = @Sendable (WebSocketInboundStream, WebSocketOutboundWriter) async throws -> Result

    /// A renderer of blazeauth, whose internal-error status is its own `InternalServerError` (6).
    static func blazeauthRenderer() throws -> ErrorRenderer {
        try ErrorRenderer(
            catalog: try ErrataErrorMiddlewareTests.catalog("blazeauth"),
            internalErrorEntry: "InternalServerError"
        )
    }

    /// Runs `client` against a live application whose `/session` WebSocket runs `onText` for every text message.
    static func withSession<Result: Sendable>(
        renderer: ErrorRenderer,
        onText: @escaping @Sendable (WebSocket, String, ErrorRenderer) async throws -> Void,
        client: @escaping Client<Result>
    ) async throws -> (result: Result, close: WebSocketCloseFrame?) {
        try await withApp { app in
            app.logger.logLevel = .warning
            // Both closures are the synchronous variants on purpose. Vapor runs an `async` upgrade closure in a
            // Task, and WebSocketKit installs an `async` text callback with `eventLoop.execute`; a message that
            // arrived first found no callback, was dropped, and the session waited for an answer until the time
            // limit (CI, 2026-12-04). Installed synchronously, the callback is in place before the first frame is read.
            app.webSocket("session") { _, ws in
                ws.onText { ws, text in
                    Task {
                        do {
                            try await onText(ws, text, renderer)
                        } catch {
                            try? await ws.send("unexpected: \(error)")
                        }
                    }
                }
            }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let box = ResultBox<Result>()
            let close: WebSocketCloseFrame?
            do {
                close = try await WebSocketClient.connect(
                    url: "ws://127.0.0.1:\(port)/session",
                    logger: Logger(label: "test-client")
                ) { inbound, outbound, _ in
                    box.value = try await client(inbound, outbound)
                }
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
            return (try #require(box.value), close)
        }
    }

    /// Sends one message and collects every text message until the server closes.
    static func texts(after message: String) -> Client<[String]> {
        { inbound, outbound in
            try await outbound.write(.text(message))
            var texts: [String] = []
            for try await message in inbound.messages(maxSize: 1 << 16) {
                if case .text(let text) = message { texts.append(text) }
            }
            return texts
        }
    }

    @Test func statusPacketGoesOutAsOneTextFrameAndDecodesBack() async throws {
        let renderer = try Self.blazeauthRenderer()
        let names = ["NotAuthorized", "Ok", "LicenseNotFound", "FileChecksumMismatch"]
        let (packets, close) = try await Self.withSession(renderer: renderer) { ws, text, renderer in
            // "7 NotAuthorized": the request id, then the status to answer with.
            let parts = text.split(separator: " ")
            let error = try APIError(String(parts[1]), in: renderer.catalog)
            try await ws.send(statusPacket: error, requestID: .integer(Int(parts[0]) ?? 0), using: renderer)
        } client: { inbound, outbound in
            var iterator = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
            var packets: [String] = []
            for (offset, name) in names.enumerated() {
                try await outbound.write(.text("\(7 + offset) \(name)"))
                guard case .text(let packet) = try await iterator.next() else { break }
                packets.append(packet)
            }
            return packets
        }
        #expect(packets.count == names.count)
        #expect(packets.first == #"{"id":7,"status":3}"#)
        // Client-origin: a server never sends it, so the internal-error status answers instead.
        #expect(packets.last == #"{"id":10,"status":6}"#)
        let decoder = ErrorDecoder(catalog: renderer.catalog)
        for (offset, packet) in packets.enumerated() {
            let decoded = decoder.decodeStatusPacket(Array(packet.utf8))
            #expect(decoded.requestID == .integer(7 + offset))
            #expect(decoded.name == (offset == 3 ? "InternalServerError" : names[offset]))
        }
        // The client ended the session; the server answered its Close.
        #expect(close?.closeCode == .normalClosure)
    }

    @Test func closeNamedSendsTheCatalogCodeAndReason() async throws {
        let (texts, close) = try await Self.withSession(renderer: try Self.blazeauthRenderer()) { ws, _, renderer in
            try await ws.close(named: "RateLimitHit", using: renderer)
        } client: { inbound, outbound in
            try await Self.texts(after: "hello")(inbound, outbound)
        }
        #expect(texts.isEmpty)
        let frame = try #require(close)
        #expect(frame.closeCode == .unknown(4201))
        #expect(frame.reason == "rate limit hit")
    }

    @Test(arguments: WebSocketReasons.long)
    func closeCutsALongReasonOnACharacterBoundary(reason: String, expected: String) async throws {
        let catalog = ErrorCatalog(
            id: "long-reasons",
            title: "Long reasons",
            entries: [],
            closeCodes: [CloseCodeEntry(code: 4000, name: "Wordy", reason: reason)]
        )
        let (_, close) = try await Self.withSession(renderer: try ErrorRenderer(catalog: catalog)) { ws, _, renderer in
            try await ws.close(named: "Wordy", using: renderer)
        } client: { inbound, outbound in
            try await Self.texts(after: "hello")(inbound, outbound)
        }
        let frame = try #require(close)
        #expect(frame.closeCode == .unknown(4000))
        let received = try #require(frame.reason)
        #expect(received == expected)
        #expect(received.utf8.count <= 123)
    }

    @Test func closeWithACodeAndReasonOrACodeAlone() async throws {
        let renderer = try Self.blazeauthRenderer()
        let (_, withReason) = try await Self.withSession(renderer: renderer) { ws, _, _ in
            try await ws.close(.policyViolation, reason: WebSocketCloseReason(truncating: "no"))
        } client: { inbound, outbound in
            try await Self.texts(after: "hello")(inbound, outbound)
        }
        #expect(withReason?.closeCode == .policyViolation)
        #expect(withReason?.reason == "no")

        let (_, alone) = try await Self.withSession(renderer: renderer) { ws, _, _ in
            try await ws.close(4201, reason: WebSocketCloseReason(truncating: ""))
        } client: { inbound, outbound in
            try await Self.texts(after: "hello")(inbound, outbound)
        }
        #expect(alone?.closeCode == .unknown(4201))
        #expect(alone?.reason == nil)
    }

    @Test func closeMistakesThrowAndSayWhy() async throws {
        let (texts, close) = try await Self.withSession(renderer: try Self.blazeauthRenderer()) { ws, _, renderer in
            do {
                try await ws.close(named: "NoSuchCode", using: renderer)
            } catch let error as WebSocketCloseError {
                try await ws.send(error.description)
            }
            do {
                try await ws.close(.noStatusReceived, reason: WebSocketCloseReason(truncating: ""))
            } catch let error as WebSocketCloseError {
                try await ws.send(error.description)
            }
            try await ws.send("done")
        } client: { inbound, outbound in
            try await outbound.write(.text("hello"))
            var texts: [String] = []
            for try await message in inbound.messages(maxSize: 1 << 16) {
                guard case .text(let text) = message else { continue }
                if text == "done" { break }
                texts.append(text)
            }
            return texts
        }
        #expect(
            texts == [
                "catalog 'blazeauth' has no close code named 'NoSuchCode' (its close codes: RateLimitHit)",
                "close code 1005 No Status Received may not be sent in a Close frame (RFC 6455 §7.4)",
            ]
        )
        // Nothing was sent by the failed calls: the client ends the session and the server answers normally.
        #expect(close?.closeCode == .normalClosure)
    }
}

/// Reasons over 123 bytes of multi-byte characters, and the longest whole-character prefix that fits.
enum WebSocketReasons {
    static let long: [(reason: String, expected: String)] = [
        // 1 + 60 × 3 bytes; 40 euro signs make 121 bytes, a 41st would make 124.
        ("a" + String(repeating: "€", count: 60), "a" + String(repeating: "€", count: 40)),
        // Flags are 8 bytes each (two regional indicators): 15 make 121 bytes; cutting inside one would leave half.
        ("x" + String(repeating: "🇫🇷", count: 20), "x" + String(repeating: "🇫🇷", count: 15)),
    ]
}

/// The client handler's result, handed out of its `@Sendable` closure.
final class ResultBox<Value: Sendable>: Sendable {
    private let storage = Mutex<Value?>(nil)

    var value: Value? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
