import Errata
public import Foundation
public import HTTPTypes
import HelloAPI

#if canImport(FoundationNetworking)
// URLSession lives here on Linux.
public import FoundationNetworking
#endif

/// A client of the Hello API that turns error responses back into the cases generated from `hello.errata.yaml`.
public struct HelloClient: Sendable {
    /// The server's base URL (`http://127.0.0.1:8080`).
    public var baseURL: URL
    /// How requests are sent.
    public var session: URLSession

    /// The decoder for the catalog the generated code embeds: built once, shared by every request.
    static let decoder = ErrorDecoder(catalog: HelloErrors.catalog)

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: The server's base URL.
    ///   - session: How requests are sent; default `URLSession.shared`.
    public init(baseURL: URL, session: URLSession = .shared) {
        self.baseURL = baseURL
        self.session = session
    }

    /// Asks the server to greet `name`.
    ///
    /// - Parameter name: The name to greet.
    /// - Returns: The greeting, or the error the server answered with.
    /// - Throws: `URLError` when there is no answer at all (no server, a broken connection).
    public func greet(_ name: String) async throws -> HelloReply {
        let path = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
        let url = baseURL.appending(path: "hello").appending(path: path, directoryHint: .notDirectory)
        return try await send(url)
    }

    /// Sends `GET` to any path of the server (`busy`, `fail`, or one that does not exist).
    ///
    /// - Parameter path: The path, relative to ``baseURL``.
    /// - Returns: The body as text, or the error the server answered with.
    /// - Throws: `URLError` when there is no answer at all.
    public func get(_ path: String) async throws -> HelloReply {
        try await send(baseURL.appending(path: path, directoryHint: .notDirectory))
    }

    private func send(_ url: URL) async throws -> HelloReply {
        var request = URLRequest(url: url)
        // Ask for the catalog's envelope; an Errata server negotiates on this.
        request.setValue("application/problem+json, application/json;q=0.9", forHTTPHeaderField: "Accept")
        let (data, response) = try await session.data(for: request)
        guard let response = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headerFields = HTTPFields()
        for case (let name as String, let value as String) in response.allHeaderFields {
            if let name = HTTPField.Name(name) { headerFields.append(HTTPField(name: name, value: value)) }
        }
        return Self.reply(
            status: HTTPResponse.Status(code: response.statusCode),
            headerFields: headerFields,
            body: [UInt8](data)
        )
    }

    /// Reads a response: a 2xx body is the greeting; anything else is decoded against the catalog.
    ///
    /// Takes the parts of any HTTP client's response (URLSession, AsyncHTTPClient, a test harness), so it is the
    /// one place that knows how the Hello API's errors look.
    ///
    /// - Parameters:
    ///   - status: The response status.
    ///   - headerFields: The response headers (`Content-Type` picks the envelope, `Retry-After` the delay).
    ///   - body: The response body.
    /// - Returns: The greeting, or the error as a generated case.
    public static func reply(status: HTTPResponse.Status, headerFields: HTTPFields = [:], body: [UInt8]) -> HelloReply {
        if status.kind == .successful {
            return .greeting(String(decoding: body, as: UTF8.self))
        }
        let decoded = decoder.decode(status: status, headerFields: headerFields, body: body)
        return .error(HelloErrors.Case(decoded), decoded)
    }
}
