public import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif

extension CatalogClient {
    /// Checks a URLSession answer: returns it when its status is under 400, else throws it as a
    /// ``CatalogResponseError`` decoded against the catalog.
    ///
    /// `URLSession.data(for:errors:)` calls this for each attempt; call it yourself to check an answer you got
    /// another way (a delegate, a download task's error body).
    ///
    /// - Throws: ``CatalogResponseError`` for a status of 400 or more; `URLError(.badServerResponse)` for a response
    ///   that is not HTTP.
    public func checked(_ data: Data, _ response: URLResponse) throws -> (Data, HTTPURLResponse) {
        guard let response = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        let status = HTTPResponse.Status(code: response.statusCode)
        guard Self.isError(status) else { return (data, response) }
        var fields = HTTPFields()
        for (key, value) in response.allHeaderFields {
            // URLSession joins a repeated field's values with commas, as RFC 9110 allows.
            guard let key = key as? String, let name = HTTPField.Name(key) else { continue }
            fields.append(HTTPField(name: name, value: value as? String ?? "\(value)"))
        }
        throw error(status: status, headerFields: fields, body: Array(data.prefix(maximumErrorBodySize)))
    }
}
