package import HTTPTypes

extension HTTPField.Name {
    /// Whether the field frames the body (`Content-Length`, `Transfer-Encoding`): only the adapter writing the body
    /// knows its value, so the renderer never passes one on from a catalog entry or an occurrence, and the linter
    /// says so of an entry that declares one.
    package var framesBody: Bool {
        self == .contentLength || self == .transferEncoding
    }
}
