public import Errata
public import NIOWebSocket

extension WebSocketErrorCode {
    /// The NIO close code for a catalog close code, for `WebSocketOutboundWriter.close(_:reason:)`.
    ///
    /// Every code converts, registered or not: 4201 becomes `.unknown(4201)`.
    ///
    /// - Parameter code: The close code.
    public init(_ code: WebSocketCloseCode) {
        self.init(codeNumber: Int(code.rawValue))
    }
}

extension WebSocketCloseCode {
    /// The close code of a NIO close code, such as the one a `WebSocketCloseFrame` carries.
    ///
    /// - Parameter code: The NIO close code.
    public init(_ code: WebSocketErrorCode) {
        self.init(rawValue: UInt16(webSocketErrorCode: code))
    }
}
