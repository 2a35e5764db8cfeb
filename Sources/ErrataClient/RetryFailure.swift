/// What a failed attempt ended with, as a ``RetryPolicy`` sees it.
public enum RetryFailure: Sendable {
    /// An error response, decoded against the catalog.
    case response(CatalogResponseError)
    /// No response: the connection was refused, dropped or timed out, or the body was cut short.
    case transport(any Error)
}
