public import AsyncHTTPClient
public import ErrataClient
import HTTPTypes
import NIOCore
import NIOHTTP1

extension CatalogClient {
    /// Checks an AsyncHTTPClient response: returns it, its body unread, when its status is under 400; else reads its
    /// body (up to the decoder's limit) and throws it as a ``CatalogResponseError`` decoded against the catalog.
    ///
    /// `HTTPClient.execute(_:timeout:isReplayable:errors:)` calls this for each attempt; call it yourself to check
    /// a response you executed another way.
    ///
    /// - Throws: ``CatalogResponseError`` for a status of 400 or more; the body's error when it breaks off.
    public func checked(_ response: HTTPClientResponse) async throws -> HTTPClientResponse {
        let status = HTTPResponse.Status(code: Int(response.status.code))
        guard Self.isError(status) else { return response }
        // Only the first bytes are read; the rest is dropped with the response (and its connection with it), so
        // an oversized error body costs no more memory than the limit.
        let limit = maximumErrorBodySize
        var body: [UInt8] = []
        for try await buffer in response.body {
            body.append(contentsOf: buffer.readableBytesView.prefix(limit - body.count))
            if body.count >= limit { break }
        }
        var fields = HTTPFields()
        fields.reserveCapacity(response.headers.count)
        for (name, value) in response.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        throw error(status: status, headerFields: fields, body: body)
    }
}
