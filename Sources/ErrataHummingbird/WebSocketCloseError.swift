/// A Close frame that cannot be sent as asked: the catalog has no such close code, or the code is one that
/// RFC 6455 forbids in a Close frame.
///
/// Both are mistakes in server code, not in what a client sent. Thrown out of a WebSocket handler, it ends the
/// session with 1011 (Internal Error), as any other handler error does.
public struct WebSocketCloseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
