import Errata
import ErrataCatalogs
import ErrataServer
import ErrataTools
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import Synchronization
import Testing

/// `/mock/{catalog}/ws`, through the application `errata serve` runs, on a live port with a real WebSocket client.
///
/// The time limit makes a live session that hangs (a frame the test client misses) fail by name: it cancels
/// the test, and a cancelled swift-websocket session closes its channel.
@Suite(.timeLimit(.minutes(1))) struct MockWebSocketTests {
    static func application(_ catalogs: [ErrorCatalog] = ErrataServerTests.catalogs) throws -> some ApplicationProtocol
    {
        try ErrataServer(catalogs: catalogs).application(
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logLevel: .debug
        )
    }

    /// What one session saw: each answer to `messages`, in order, and the close frame.
    struct Session {
        var answers: [WebSocketMessage] = []
        var close: WebSocketCloseFrame?

        var texts: [String] {
            answers.compactMap { if case .text(let text) = $0 { text } else { nil } }
        }
    }

    /// Sends each message and waits for its answer; stops at the server's close.
    static func session(
        _ client: some TestClientProtocol,
        catalog: String = "blazeauth",
        _ messages: [WebSocketOutboundWriter.OutboundFrame]
    ) async throws -> Session {
        let answers = Answers()
        let close = try await client.ws("/mock/\(catalog)/ws") { inbound, outbound, _ in
            var iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            for message in messages {
                try await outbound.write(message)
                guard let answer = try await iterator.next() else { return }
                answers.append(answer)
            }
        }
        return Session(answers: answers.messages, close: close)
    }

    /// The answers a client handler collects, read after it returns.
    final class Answers: Sendable {
        private let storage = Mutex<[WebSocketMessage]>([])

        func append(_ message: WebSocketMessage) {
            storage.withLock { $0.append(message) }
        }

        var messages: [WebSocketMessage] {
            storage.withLock { $0 }
        }
    }

    @Test func statusAnswersTheRequestIDByNameOrCode() async throws {
        try await Self.application().test(.live) { client in
            let session = try await Self.session(
                client,
                [
                    .text(#"{"id": 7, "status": "NotAuthorized"}"#),
                    .text(#"{"id": 8, "status": 3}"#),
                    .text(#"{"status": "Ok", "id": "req-9"}"#),
                    .text(#"{"id": 10, "status": "101"}"#),
                ]
            )
            #expect(
                session.texts == [
                    #"{"id":7,"status":3}"#,
                    #"{"id":8,"status":3}"#,
                    #"{"id":"req-9","status":1}"#,
                    #"{"id":10,"status":101}"#,
                ]
            )
            // The client ended the session; the server's answer to its close is a normal one.
            #expect(session.close?.closeCode == .normalClosure)
        }
    }

    @Test func statusPacketsDecodeBackToTheirEntries() async throws {
        let blazeauth = try #require(ErrataServerTests.catalogs.first { $0.id == "blazeauth" })
        let names = blazeauth.entries.filter { $0.origin == .server }.map(\.name)
        try await Self.application().test(.live) { client in
            let session = try await Self.session(
                client,
                names.enumerated().map { .text(#"{"id": \#($0.offset), "status": "\#($0.element)"}"#) }
            )
            let decoder = ErrorDecoder(catalog: blazeauth)
            #expect(session.texts.count == names.count)
            for (offset, packet) in session.texts.enumerated() {
                let decoded = decoder.decodeStatusPacket(Array(packet.utf8))
                #expect(decoded.requestID == .integer(offset))
                #expect(decoded.name == names[offset])
            }
        }
    }

    @Test(arguments: [#"{"close": "RateLimitHit"}"#, #"{"close": 4201}"#, #"{"close": "4201"}"#])
    func closeSendsTheCatalogCloseCode(message: String) async throws {
        try await Self.application().test(.live) { client in
            let session = try await Self.session(client, [.text(message)])
            #expect(session.answers.isEmpty)
            let frame = try #require(session.close)
            #expect(frame.closeCode == .unknown(4201))
            #expect(frame.reason == "rate limit hit")
        }
    }

    @Test func closeCutsALongReasonOnACharacterBoundary() async throws {
        // 2 + 50 × 4 bytes of emoji (U+1F6A6), then more: the cut keeps 30 whole emoji (122 bytes), never part of one.
        let reason = "ok" + String(repeating: "🚦", count: 50) + " and more"
        let catalog = ErrorCatalog(
            id: "wordy",
            title: "Wordy",
            entries: [ErrorEntry(name: "Fine", code: .integer(1))],
            closeCodes: [CloseCodeEntry(code: 4400, name: "TooWordy", reason: reason)]
        )
        try await Self.application([catalog]).test(.live) { client in
            let session = try await Self.session(client, catalog: "wordy", [.text(#"{"close": "TooWordy"}"#)])
            let frame = try #require(session.close)
            #expect(frame.closeCode == .unknown(4400))
            let received = try #require(frame.reason)
            #expect(Array(received.utf8) == Array(("ok" + String(repeating: "🚦", count: 30)).utf8))
            #expect(received.utf8.count == 122)
        }
    }

    /// Bad messages and the detail each answer gives.
    static let badMessages: [(message: String, detail: String)] = [
        ("hello", #"the message is not JSON; send {\"id\": 7, \"status\": NAME} or {\"close\": NAME}"#),
        ("[1, 2]", #"the message is not a JSON object; send {\"id\": 7, \"status\": NAME} or {\"close\": NAME}"#),
        (
            "{}",
            #"the message has neither 'status' nor 'close'; send {\"id\": 7, \"status\": NAME} or {\"close\": NAME}"#
        ),
        (
            #"{"id": 1, "status": "Ok", "close": "RateLimitHit"}"#,
            #"the message has both 'status' and 'close'; send one of {\"id\": 7, \"status\": NAME} or {\"close\": NAME}"#
        ),
        (#"{"status": "Ok"}"#, "the message needs an 'id' (a number or a string) for the status packet to answer"),
        (
            #"{"id": null, "status": "Ok"}"#,
            "the message needs an 'id' (a number or a string) for the status packet to answer"
        ),
        (#"{"id": 1, "status": true}"#, #"'status' must be an entry name or code, like \"NotAuthorized\" or 3"#),
        (
            #"{"id": 1, "status": "NoSuchStatus"}"#,
            "Catalog 'blazeauth' has no entry with the name or code 'NoSuchStatus'."
        ),
        (#"{"id": 1, "status": 999}"#, "Catalog 'blazeauth' has no entry with the name or code '999'."),
        (
            #"{"id": 1, "status": "FileChecksumMismatch"}"#,
            "'FileChecksumMismatch' is a client-side status; a server never sends it"
        ),
        (#"{"close": "Bye"}"#, "catalog 'blazeauth' has no close code 'Bye'; its close codes: RateLimitHit (4201)"),
        (#"{"close": 1.5}"#, #"'close' must be a close code name or number, like \"RateLimitHit\" or 4201"#),
    ]

    @Test func badMessagesGetAnAnswerAndTheSessionGoesOn() async throws {
        try await Self.application().test(.live) { client in
            let messages = Self.badMessages.map { WebSocketOutboundWriter.OutboundFrame.text($0.message) }
            let session = try await Self.session(client, messages + [.text(#"{"id": 1, "status": "Ok"}"#)])
            let expected = Self.badMessages.map { #"{"error":"InvalidMessage","detail":""# + $0.detail + #""}"# }
            #expect(session.texts == expected + [#"{"id":1,"status":1}"#])
            #expect(session.close?.closeCode == .normalClosure)
        }
    }

    @Test func aBinaryMessageClosesWithUnsupportedData() async throws {
        try await Self.application().test(.live) { client in
            let session = try await Self.session(client, [.binary(ByteBuffer(bytes: [0x7B, 0x7D]))])
            #expect(session.answers.isEmpty)
            #expect(session.close?.closeCode == .unacceptableData)
            #expect(session.close?.reason == "send text messages, not binary")
        }
    }

    @Test func textThatIsNotUTF8ClosesWith1007() async throws {
        try await Self.application().test(.live) { client in
            let frame = WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(bytes: [0x7B, 0xC3, 0x28, 0x7D]))
            let session = try await Self.session(client, [.custom(frame)])
            #expect(session.answers.isEmpty)
            #expect(session.close?.closeCode == .dataInconsistentWithMessage)
        }
    }

    @Test func aMessageOverTheLimitClosesWith1009() async throws {
        try await Self.application().test(.live) { client in
            let big =
                #"{"id": 1, "status": ""# + String(repeating: "x", count: ErrataServer.maximumWebSocketMessageSize)
                + #""}"#
            let session = try await Self.session(client, [.text(big)])
            #expect(session.answers.isEmpty)
            #expect(session.close?.closeCode == .messageTooLarge)
        }
    }

    @Test(arguments: ["pluralkit", "no-such-catalog"])
    func upgradesAreDeclinedWhereThereIsNoWebSocket(catalog: String) async throws {
        try await Self.application().test(.live) { client in
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await client.ws("/mock/\(catalog)/ws") { _, _, _ in }
            }
            // The raw answer to the upgrade request: hummingbird-websocket's empty 400 for a declined upgrade.
            let upgrade: HTTPFields = [
                .connection: "Upgrade", .upgrade: "websocket", .secWebSocketVersion: "13",
                .secWebSocketKey: "dGhlIHNhbXBsZSBub25jZQ==",
            ]
            try await client.execute(uri: "/mock/\(catalog)/ws", method: .get, headers: upgrade) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func theEndpointWithoutAnUpgradeSaysWhatItNeeds() async throws {
        try await ErrataServerTests.application().test(.router) { client in
            try await client.execute(uri: "/mock/blazeauth/ws", method: .get) { response in
                #expect(response.status == .upgradeRequired)
                #expect(response.headers[.upgrade] == "websocket")
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try ErrataServerTests.json(response.body)
                #expect(problem["status"] as? Int == 426)
                #expect((problem["detail"] as? String)?.hasPrefix("/mock/blazeauth/ws is a WebSocket endpoint") == true)
            }
            try await client.execute(uri: "/mock/pluralkit/ws", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try ErrataServerTests.json(response.body)
                #expect(problem["title"] as? String == "Bad Request")
                #expect(
                    problem["detail"] as? String
                        == "Catalog 'pluralkit' has no WebSocket semantics (no close codes, no statuses without an HTTP "
                        + "status), so /mock/pluralkit/ws is not served; ask for its errors at /mock/pluralkit/NAME."
                )
            }
            try await client.execute(uri: "/mock/no-such-catalog/ws", method: .get) { response in
                #expect(response.status == .notFound)
            }
            // The other mock routes are as they were.
            try await client.execute(uri: "/mock/blazeauth/NotAuthorized?requestID=7", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"id":7,"status":3}"#)
            }
        }
    }
}
