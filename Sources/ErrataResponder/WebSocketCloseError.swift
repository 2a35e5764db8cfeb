public import Errata

/// A Close frame that cannot be sent as asked: the catalog has no such close code, or the code is one that
/// RFC 6455 forbids in a Close frame.
///
/// Both are mistakes in server code, not in what a client sent. Thrown out of a WebSocket handler, it ends the
/// session as any other handler error does (1011, Internal Error, in Hummingbird).
public struct WebSocketCloseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    init(_ description: String) {
        self.description = description
    }

    /// The code and reason of a catalog close code, checked as every integration sends them.
    ///
    /// - Throws: ``WebSocketCloseError`` when the renderer's catalog has no close code named `name` (the message
    ///   lists the ones it has), or its code may not be sent in a Close frame.
    @_spi(ErrataIntegration)
    public static func closeFrame(
        named name: String,
        using renderer: ErrorRenderer
    ) throws(WebSocketCloseError) -> (code: WebSocketCloseCode, reason: WebSocketCloseReason) {
        guard let frame = renderer.closeFrame(named: name) else {
            let names = renderer.catalog.closeCodes.map(\.name)
            throw WebSocketCloseError(
                "catalog '\(renderer.catalog.id)' has no close code named '\(name)'"
                    + (names.isEmpty ? "; it declares none" : " (its close codes: \(names.joined(separator: ", ")))")
            )
        }
        try check(frame.code)
        return frame
    }

    /// Refuses a code RFC 6455 forbids in a Close frame (1005, 1006, 1015, …), which a client would take as a
    /// protocol error.
    ///
    /// - Throws: ``WebSocketCloseError`` for such a code.
    @_spi(ErrataIntegration)
    public static func check(_ code: WebSocketCloseCode) throws(WebSocketCloseError) {
        guard code.mayBeSentInCloseFrame else {
            throw WebSocketCloseError("close code \(code) may not be sent in a Close frame (RFC 6455 §7.4)")
        }
    }
}
