public import Errata
public import HTTPTypes

/// What a framework's error means to the catalog, as an adapter (Hummingbird, Vapor) classifies it.
///
/// The responder core knows no framework: each adapter maps its own error types (`HTTPError`, `Abort`) to one of
/// these, and the core decides the rest the same way for every framework.
@_spi(ErrataIntegration)
public enum ResponderFailure: Sendable {
    /// A catalog error, rendered as declared.
    case catalog(APIError)
    /// A bare status from the framework (`HTTPError`, `Abort`): the catalog's entry for it, else RFC 9457
    /// `about:blank` for that status, keeping the status and the header fields.
    case status(HTTPResponse.Status, HTTPFields)
    /// A request body that did not decode: the catalog's 400 entry, with per-field errors where there are some.
    case badRequest([FieldError])
    /// The router has no route for the request: the catalog's 404, or 405 with `Allow` when the catalog routes the
    /// path with other methods.
    case unmatched
    /// Anything else: the internal-error entry for this error, which goes to the log, never to the body.
    case other(any Error)
}
