package import HTTPTypes

extension HTTPField.Name {
    /// Whether the field frames the body (`Content-Length`, `Transfer-Encoding`): only the adapter writing the body
    /// knows its value, so the renderer never passes one on from a catalog entry or an occurrence, and the linter
    /// says so of an entry that declares one.
    package var framesBody: Bool {
        self == .contentLength || self == .transferEncoding
    }

    /// Why the renderer left this field out (``RenderedError/droppedHeaderFields``): the one reason the log and
    /// `errata render` give.
    package var droppedBecause: String {
        framesBody ? "it frames the body, which the server sets" : "its value held CR, LF or NUL"
    }
}
