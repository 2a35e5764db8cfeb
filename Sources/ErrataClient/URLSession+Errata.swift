public import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif

extension URLSession {
    /// Sends a request, retrying as the catalog and the policy say, and returns the first answer that is not an
    /// error.
    ///
    /// A status of 400 or more is decoded against the catalog and thrown as a ``CatalogResponseError``, recognised
    /// or not, with the response's status, headers and body; it is first retried when ``CatalogClient/retryPolicy``
    /// allows. A request with an `httpBodyStream` is sent once (a stream cannot be sent again).
    ///
    /// ```swift
    /// let (data, response) = try await URLSession.shared.data(for: request, errors: client)
    /// ```
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - client: The catalog's decoder, retry policy and budget.
    /// - Returns: The body and response of the first answer under 400.
    /// - Throws: ``CatalogResponseError`` for an error response; the session's error (a `URLError`) when the last
    ///   attempt got no response; `CancellationError` when the task is cancelled.
    public func data(for request: URLRequest, errors client: CatalogClient) async throws -> (Data, HTTPURLResponse) {
        try await client.execute(Self.httpRequest(request), isReplayable: request.httpBodyStream == nil) { _ in
            let (data, response) = try await self.data(for: request)
            return try client.checked(data, response)
        }
    }

    /// The method and header fields the retry policy reads.
    static func httpRequest(_ request: URLRequest) -> HTTPRequest {
        var fields = HTTPFields()
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let method = HTTPRequest.Method(request.httpMethod ?? "GET") ?? .get
        return HTTPRequest(method: method, scheme: nil, authority: nil, path: nil, headerFields: fields)
    }
}
