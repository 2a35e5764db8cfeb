import Errata
public import ErrataClient
public import Foundation
public import HTTPTypes
import HelloAPI

#if canImport(FoundationNetworking)
// URLSession lives here on Linux.
public import FoundationNetworking
#endif

/// A client of the Hello API that turns error responses back into the cases generated from `hello.errata.yaml`,
/// and retries as the catalog says (`TooManyGreetings` is `retry: after`), through ErrataClient's URLSession path.
public struct HelloClient: Sendable {
    /// The server's base URL (`http://127.0.0.1:8080`).
    public var baseURL: URL
    /// How requests are sent.
    public var session: URLSession
    /// The catalog's decoder, the retry policy and the environment retries wait in.
    public var errors: CatalogClient

    /// The decoder for the catalog the generated code embeds: built once, shared by every request.
    static let decoder = ErrorDecoder(catalog: HelloErrors.catalog)

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: The server's base URL.
    ///   - session: How requests are sent; default `URLSession.shared`.
    ///   - retryPolicy: When to send a request again; by default up to three attempts, waiting what the server
    ///     says.
    ///   - environment: How waits are taken; tests record them instead.
    public init(
        baseURL: URL,
        session: URLSession = .shared,
        retryPolicy: RetryPolicy = .default,
        environment: RetryEnvironment = .live
    ) {
        self.baseURL = baseURL
        self.session = session
        self.errors = CatalogClient(decoder: Self.decoder, retryPolicy: retryPolicy, environment: environment)
    }

    /// Asks the server to greet `name`.
    ///
    /// - Parameter name: The name to greet.
    /// - Returns: The greeting, or the error the server answered with.
    /// - Throws: `URLError` when there is no answer at all (no server, a broken connection), after the retries.
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
        do {
            let (data, _) = try await session.data(for: request, errors: errors)
            return .greeting(String(decoding: data, as: UTF8.self))
        } catch let error as CatalogResponseError {
            return .error(HelloErrors.Case(error.decoded), error.decoded)
        }
    }

    /// Reads a response: a 2xx body is the greeting; anything else is decoded against the catalog.
    ///
    /// For the parts of a response from elsewhere (a test harness); over the network, ErrataClient does the same
    /// in ``greet(_:)``.
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
