public import ErrataClient
public import OpenAPIRuntime

extension ClientError {
    /// The catalog error a ``CatalogErrorMiddleware`` threw, which the generated client wrapped.
    public var catalogResponseError: CatalogResponseError? {
        underlyingError as? CatalogResponseError
    }
}
