public import Errata
@_spi(ErrataIntegration) import ErrataResponder
import NIOCore
import NIOWebSocket
public import WebSocketKit

/// Catalog status packets and close frames, for Vapor WebSocket handlers.
///
/// ```swift
/// let renderer = try ErrorRenderer(catalog: catalog, internalErrorEntry: "InternalServerError")
/// app.webSocket("session") { _, ws in
///     ws.onText { ws, name in
///         Task {
///             // {"id":7,"status":3}
///             try? await ws.send(statusPacket: APIError("NotAuthorized", in: catalog), requestID: 7, using: renderer)
///             // Close frame 4201, "rate limit hit"
///             try? await ws.close(named: "RateLimitHit", using: renderer)
///         }
///     }
/// }
/// ```
///
/// The callbacks go in the synchronous closures: an `async` upgrade closure runs in a `Task` and an `async` text
/// callback is installed later on the event loop, so a message sent right after the upgrade could find neither.
extension WebSocket {
    /// Sends the status packet that answers one request, as a text frame.
    ///
    /// The packet is the catalog's envelope with `requestID` filled in (BlazeAuth's `{"id":7,"status":3}`),
    /// rendered by `ErrorRenderer.statusPacket(_:requestID:)`. An entry the renderer's catalog does not have, or a
    /// client-origin one (which a server never sends), goes out as the internal-error entry, still answering
    /// `requestID`.
    ///
    /// - Parameters:
    ///   - error: The status to send; its own `requestID` is replaced.
    ///   - requestID: The id of the request answered.
    ///   - renderer: The renderer of the catalog.
    /// - Throws: An error when the frame cannot be written.
    public func send(statusPacket error: APIError, requestID: JSONValue, using renderer: ErrorRenderer) async throws {
        try await send(raw: renderer.statusPacket(error, requestID: requestID), opcode: .text)
    }

    /// Closes the session with one of the catalog's close codes and its reason.
    ///
    /// The reason is the catalog's, cut to the 123 bytes a Close frame holds on a character boundary.
    ///
    /// - Parameters:
    ///   - name: The close code's name in the catalog, such as `RateLimitHit`.
    ///   - renderer: The renderer of the catalog.
    /// - Throws: `WebSocketCloseError` when the catalog has no close code of that name, or its code may not be
    ///   sent in a Close frame; an error when the frame cannot be written.
    public func close(named name: String, using renderer: ErrorRenderer) async throws {
        let frame = try WebSocketCloseError.closeFrame(named: name, using: renderer)
        try await sendClose(frame.code, reason: frame.reason)
    }

    /// Closes the session with a close code and a reason that fits a Close frame.
    ///
    /// - Parameters:
    ///   - code: The close code, from the catalog or a registered one.
    ///   - reason: The reason, already cut to 123 bytes; an empty one sends the code alone.
    /// - Throws: `WebSocketCloseError` for a code RFC 6455 forbids in a Close frame (1005, 1006, 1015, …), which
    ///   a client would take as a protocol error; an error when the frame cannot be written.
    public func close(_ code: WebSocketCloseCode, reason: WebSocketCloseReason) async throws {
        try WebSocketCloseError.check(code)
        try await sendClose(code, reason: reason)
    }

    private func sendClose(_ code: WebSocketCloseCode, reason: WebSocketCloseReason) async throws {
        let nioCode = WebSocketErrorCode(codeNumber: Int(code.rawValue))
        guard !reason.text.isEmpty, !isClosed else {
            try await close(code: nioCode)
            return
        }
        // WebSocketKit 2.16 sends a Close frame with a code only. With a reason, the frame is written here and
        // WebSocketKit's `close(code:)` then runs the closing handshake as usual (it waits for the client's Close
        // and ends the connection, and `closeCode` reports this code); the code-only frame it sends behind ours
        // reaches a client that has already received a Close, which discards it (RFC 6455 §1.4).
        var payload = ByteBuffer()
        payload.reserveCapacity(2 + reason.utf8ByteCount)
        payload.write(webSocketErrorCode: nioCode)
        payload.writeString(reason.text)
        try await send(raw: payload.readableBytesView, opcode: .connectionClose)
        try await close(code: nioCode)
    }
}
