import Errata
import ErrataHummingbird
public import Hummingbird
public import HummingbirdWebSocket
import Logging
import NIOWebSocket

extension ErrataServer {
    /// The largest message (and frame) a client may send to `/mock/{catalog}/ws`, in bytes; a larger one closes
    /// the session with 1009 (Message Too Big).
    public static let maximumWebSocketMessageSize = 1 << 16

    /// The application `errata serve` runs: the ``router(logLevel:)`` for HTTP, and the ``webSocketRouter()``
    /// for upgrades to `/mock/{catalog}/ws`.
    ///
    /// - Parameters:
    ///   - configuration: Where to listen, and the server name.
    ///   - logLevel: The level requests are logged at.
    ///   - logger: The application's logger.
    public func application(
        configuration: ApplicationConfiguration = .init(),
        logLevel: Logger.Level = .info,
        logger: Logger? = nil
    ) -> some ApplicationProtocol {
        Application(
            router: router(logLevel: logLevel),
            server: .http1WebSocketUpgrade(
                webSocketRouter: webSocketRouter(),
                configuration: .init(
                    ws: .init(maxFrameSize: Self.maximumWebSocketMessageSize, validateUTF8: true)
                )
            ),
            configuration: configuration,
            logger: logger
        )
    }

    /// The router that decides WebSocket upgrades: `GET /mock/{catalog}/ws` for catalogs with WebSocket semantics.
    ///
    /// Any other upgrade request is declined; hummingbird-websocket answers a declined upgrade with an empty 400.
    /// The same URL without an upgrade goes to ``router(logLevel:)``, which says in a problem why it is no
    /// WebSocket endpoint (400) or that it needs a WebSocket client (426).
    public func webSocketRouter() -> Router<BasicWebSocketRequestContext> {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/mock/:catalog/ws") { _, context in
            guard let id = context.parameters.get("catalog"), webSocketRenderers[id] != nil else { return .dontUpgrade }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            // The upgrade was only accepted for a WebSocket catalog, which has a renderer.
            guard let id = context.requestContext.parameters.get("catalog"), let renderer = webSocketRenderers[id]
            else {
                return
            }
            try await mockSession(inbound, outbound, renderer: renderer, logger: context.logger)
        }
        return router
    }

    /// Whether a catalog speaks WebSocket: it declares close codes, or statuses that have no HTTP status and so
    /// travel only in status packets.
    static func hasWebSocketSemantics(_ catalog: ErrorCatalog) -> Bool {
        !catalog.closeCodes.isEmpty || catalog.entries.contains { $0.status == nil }
    }

    /// One mock session: answers each message until the client asks for a close or goes away.
    private func mockSession(
        _ inbound: WebSocketInboundStream,
        _ outbound: WebSocketOutboundWriter,
        renderer: ErrorRenderer,
        logger: Logger
    ) async throws {
        let catalog = renderer.catalog
        for try await message in inbound.messages(maxSize: Self.maximumWebSocketMessageSize) {
            guard case .text(let text) = message else {
                try await outbound.close(
                    .unsupportedData,
                    reason: WebSocketCloseReason(truncating: "send text messages, not binary")
                )
                return
            }
            switch mockRequest(text, in: catalog) {
            case .status(let entry, let requestID):
                logger.debug("mock status packet", metadata: ["catalog": "\(catalog.id)", "status": "\(entry.name)"])
                try await outbound.write(
                    statusPacket: APIError(unchecked: entry),
                    requestID: requestID,
                    using: renderer
                )
            case .close(let closeCode):
                logger.debug("mock close", metadata: ["catalog": "\(catalog.id)", "close": "\(closeCode.name)"])
                try await outbound.close(named: closeCode.name, using: renderer)
                return
            case .invalid(let problem):
                let error = APIError(
                    unchecked: ServeErrors.webSocketCatalog.entry(named: "InvalidMessage")!,
                    parameters: ["problem": problem]
                )
                try await outbound.write(.text(String(decoding: webSocketErrors.body(for: error), as: UTF8.self)))
            }
        }
    }

    /// What a client message asks for.
    enum MockRequest: Equatable {
        /// Answer request `requestID` with this status packet.
        case status(ErrorEntry, requestID: JSONValue)
        /// Close the session with this close code.
        case close(CloseCodeEntry)
        /// The message is not a request; the text says why.
        case invalid(String)
    }

    static let messageShapes = #"{"id": 7, "status": NAME} or {"close": NAME}"#

    /// Reads `{"id": 7, "status": NAME}` or `{"close": NAME}`, where NAME is a name or a code.
    func mockRequest(_ text: String, in catalog: ErrorCatalog) -> MockRequest {
        guard let message = try? JSONParser(maximumDepth: 8).parse(Array(text.utf8)) else {
            return .invalid("the message is not JSON; send \(Self.messageShapes)")
        }
        guard case .object = message else {
            return .invalid("the message is not a JSON object; send \(Self.messageShapes)")
        }
        switch (message["status"], message["close"]) {
        case (nil, nil):
            return .invalid("the message has neither 'status' nor 'close'; send \(Self.messageShapes)")
        case (.some, .some):
            return .invalid("the message has both 'status' and 'close'; send one of \(Self.messageShapes)")
        case (let status?, nil):
            guard let name = Self.nameOrCode(status) else {
                return .invalid("'status' must be an entry name or code, like \"NotAuthorized\" or 3")
            }
            guard let requestID = message["id"], Self.isRequestID(requestID) else {
                return .invalid("the message needs an 'id' (a number or a string) for the status packet to answer")
            }
            let entry: ErrorEntry
            do {
                entry = try Self.resolve(name, in: catalog)
            } catch {
                return .invalid(Self.detail(of: error))
            }
            guard entry.origin == .server else {
                return .invalid("'\(entry.name)' is a client-side status; a server never sends it")
            }
            return .status(entry, requestID: requestID)
        case (nil, let close?):
            guard let name = Self.nameOrCode(close) else {
                return .invalid("'close' must be a close code name or number, like \"RateLimitHit\" or 4201")
            }
            if let closeCode = catalog.closeCode(named: name)
                ?? UInt16(name).flatMap({ code in catalog.closeCodes.first { $0.code.rawValue == code } })
            {
                return .close(closeCode)
            }
            let known = catalog.closeCodes.map { "\($0.name) (\($0.code.rawValue))" }
            return .invalid(
                "catalog '\(catalog.id)' has no close code '\(name)'; "
                    + (known.isEmpty ? "it declares none" : "its close codes: \(known.joined(separator: ", "))")
            )
        }
    }

    private static func nameOrCode(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text) where !text.isEmpty: text
        case .number: value.integerValue.map(String.init)
        default: nil
        }
    }

    private static func isRequestID(_ value: JSONValue) -> Bool {
        switch value {
        case .string: true
        case .number: true
        default: false
        }
    }

    /// The detail text of one of `errata serve`'s own errors.
    private static func detail(of error: any Error) -> String {
        guard let error = error as? APIError else { return "the message cannot be answered" }
        return (try? error.entry.message?.render { error.parameters[$0] }) ?? error.entry.title ?? error.entry.name
    }
}
