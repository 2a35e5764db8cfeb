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
        throw error(
            status: status,
            headerFields: Self.headerFields(of: response),
            body: Array(data.prefix(maximumErrorBodySize))
        )
    }

    /// A URLSession response's header fields. URLSession joins a repeated field's values with commas, as RFC 9110
    /// allows.
    ///
    /// The fields are cast to `[String: String]` in one go, as swift-http-types' `HTTPURLResponse.httpResponse`
    /// does, and element by element only when that fails: casting each `AnyHashable` key and `Any` value measured
    /// as a quarter of the URLSession error path on Linux.
    static func headerFields(of response: HTTPURLResponse) -> HTTPFields {
        let all = response.allHeaderFields
        var fields = HTTPFields()
        fields.reserveCapacity(all.count)
        if let strings = all as? [String: String] {
            for (key, value) in strings {
                if let name = HTTPField.Name(key) { fields.append(HTTPField(name: name, value: value)) }
            }
            return fields
        }
        for (key, value) in all {
            guard let key = key as? String, let name = HTTPField.Name(key) else { continue }
            fields.append(HTTPField(name: name, value: value as? String ?? "\(value)"))
        }
        return fields
    }
}
