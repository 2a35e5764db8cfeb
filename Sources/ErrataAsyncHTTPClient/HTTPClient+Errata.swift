public import AsyncHTTPClient
public import ErrataClient
import HTTPTypes
public import NIOCore
import NIOHTTP1

extension HTTPClient {
    /// Executes a request, retrying as the catalog and the policy say, and returns the first response that is not
    /// an error, its body unread.
    ///
    /// A status of 400 or more has its body read (up to the decoder's limit), is decoded against the catalog and
    /// thrown as a ``CatalogResponseError``, recognised or not; it is first retried when
    /// ``CatalogClient/retryPolicy`` allows. A failure without a response (the connection dropped, a timeout) is
    /// retried with the backoff when the request is safe to repeat.
    ///
    /// ```swift
    /// let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10), errors: client)
    /// let body = try await response.body.collect(upTo: 1 << 20)
    /// ```
    ///
    /// - Parameters:
    ///   - request: The request. Its body is sent again on a retry: pass `isReplayable: false` for a one-shot stream.
    ///   - timeout: Each attempt's deadline, from when it starts.
    ///   - isReplayable: Whether the body can be sent again.
    ///   - client: The catalog's decoder, retry policy and budget.
    /// - Returns: The first response under 400.
    /// - Throws: ``CatalogResponseError`` for an error response; the client's error when the last attempt got no
    ///   response; `CancellationError` when the task is cancelled.
    public func execute(
        _ request: HTTPClientRequest,
        timeout: TimeAmount,
        isReplayable: Bool = true,
        errors client: CatalogClient
    ) async throws -> HTTPClientResponse {
        try await client.execute(Self.httpRequest(request), isReplayable: isReplayable) { _ in
            try await client.checked(self.execute(request, timeout: timeout))
        }
    }

    static func httpRequest(_ request: HTTPClientRequest) -> HTTPRequest {
        var fields = HTTPFields()
        for (name, value) in request.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let method = HTTPRequest.Method(request.method.rawValue) ?? .get
        return HTTPRequest(method: method, scheme: nil, authority: nil, path: nil, headerFields: fields)
    }
}
