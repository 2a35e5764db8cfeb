public import ErrataClient
public import Foundation
public import HTTPTypes
public import OpenAPIRuntime

/// A swift-openapi-generator `ClientMiddleware` that reads error responses against the catalog, retries as the
/// catalog and the policy say, and throws the typed error.
///
/// Every status of 400 or more becomes a ``CatalogResponseError`` (recognised or not), so the generated client's
/// `undocumented` cases and its hand-decoding of error bodies give way to catalog errors. The generated client wraps
/// what a middleware throws in a `ClientError`; ``OpenAPIRuntime/ClientError/catalogResponseError`` unwraps it.
///
/// ```swift
/// let client = Client(
///     serverURL: URL(string: "https://api.example.com")!,
///     transport: AsyncHTTPClientTransport(),
///     middlewares: [CatalogErrorMiddleware(client: catalogClient)]
/// )
/// do { _ = try await client.getMember(path: .init(memberRef: "abc")) }
/// catch let error as ClientError { error.catalogResponseError?.entry?.name }   // "MemberRefNotFound"
/// ```
///
/// A request body is sent again on a retry only when it can be iterated more than once
/// (`HTTPBody.IterationBehavior.multiple`, which bodies built from bytes are); otherwise it is sent once.
public struct CatalogErrorMiddleware: ClientMiddleware {
    /// The catalog's decoder, retry policy and budget.
    public var client: CatalogClient

    /// Creates the middleware.
    public init(client: CatalogClient) {
        self.client = client
    }

    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let isReplayable = body.map { $0.iterationBehavior == .multiple } ?? true
        let client = client
        return try await client.execute(request, isReplayable: isReplayable) { _ in
            let (response, responseBody) = try await next(request, body, baseURL)
            guard CatalogClient.isError(response.status) else { return (response, responseBody) }
            var bytes: [UInt8] = []
            if let responseBody {
                let limit = client.maximumErrorBodySize
                for try await chunk in responseBody {
                    bytes.append(contentsOf: chunk.prefix(limit - bytes.count))
                    if bytes.count >= limit { break }
                }
            }
            throw client.error(status: response.status, headerFields: response.headerFields, body: bytes)
        }
    }
}
