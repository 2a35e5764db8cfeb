public import Errata
@_spi(ErrataIntegration) import ErrataResponder
public import HummingbirdWebSocket
import NIOWebSocket

/// Catalog status packets and close frames, for Hummingbird WebSocket handlers.
///
/// ```swift
/// let renderer = try ErrorRenderer(catalog: catalog)
/// router.ws("/session") { inbound, outbound, _ in
///     for try await message in inbound.messages(maxSize: 1 << 16) {
///         // {"id":7,"status":3}
///         try await outbound.write(statusPacket: try APIError("NotAuthorized", in: catalog), requestID: 7, using: renderer)
///     }
///     // Close frame 4201, "rate limit hit"
///     try await outbound.close(named: "RateLimitHit", using: renderer)
/// }
/// ```
extension WebSocketOutboundWriter {
    /// Sends the status packet that answers one request, as a text frame.
    ///
    /// The packet is the catalog's envelope with `requestID` filled in (BlazeAuth's `{"id":7,"status":3}`),
    /// rendered by `ErrorRenderer.statusPacket(_:requestID:)`. An entry the renderer's catalog does not
    /// have, or a client-origin one (which a server never sends), goes out as the internal-error entry, still
    /// answering `requestID`.
    ///
    /// - Parameters:
    ///   - error: The status to send; its own `requestID` is replaced.
    ///   - requestID: The id of the request answered.
    ///   - renderer: The renderer of the catalog.
    /// - Throws: When the frame cannot be written (the connection is closing or closed).
    public func write(statusPacket error: APIError, requestID: JSONValue, using renderer: ErrorRenderer) async throws {
        // The packet is JSON written by the renderer, so it is always valid UTF-8 and fits a text frame as is.
        let packet = renderer.statusPacket(error, requestID: requestID)
        try await write(.text(String(decoding: packet, as: UTF8.self)))
    }

    /// Closes the session with one of the catalog's close codes and its reason, cut to 123 bytes of UTF-8 on a
    /// character boundary.
    ///
    /// Send nothing more afterwards; return from the handler.
    ///
    /// - Parameters:
    ///   - name: The close code's name in the catalog (`RateLimitHit`).
    ///   - renderer: The renderer of the catalog.
    /// - Throws: `WebSocketCloseError` when the catalog has no close code of that name, or its code may not be
    ///   sent in a Close frame; an error when the frame cannot be written.
    public func close(named name: String, using renderer: ErrorRenderer) async throws {
        let frame = try WebSocketCloseError.closeFrame(named: name, using: renderer)
        try await close(WebSocketErrorCode(frame.code), reason: frame.reason.text.isEmpty ? nil : frame.reason.text)
    }

    /// Closes the session with a close code and a reason that fits a Close frame.
    ///
    /// Send nothing more afterwards; return from the handler. An empty reason sends the code alone.
    ///
    /// - Parameters:
    ///   - code: The close code; one that `WebSocketCloseCode.mayBeSentInCloseFrame`.
    ///   - reason: The reason, at most 123 bytes of UTF-8: build it with
    ///     `WebSocketCloseReason(truncating:)`.
    /// - Throws: `WebSocketCloseError` for a code RFC 6455 forbids in a Close frame (1005, 1006, 1015, …), which
    ///   a client would take as a protocol error; an error when the frame cannot be written.
    public func close(_ code: WebSocketCloseCode, reason: WebSocketCloseReason) async throws {
        try WebSocketCloseError.check(code)
        try await close(WebSocketErrorCode(code), reason: reason.text.isEmpty ? nil : reason.text)
    }
}
