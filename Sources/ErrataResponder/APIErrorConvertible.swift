public import Errata

/// An error that carries a catalog error, so that the server answers with it: Hummingbird, Vapor and `errata serve` alike.
///
/// Conform your own error types to answer with catalog errors without building an ``Errata/APIError`` at the
/// throw site.
public protocol APIErrorConvertible: Error {
    /// The catalog error to answer with.
    var apiError: APIError { get }
}
