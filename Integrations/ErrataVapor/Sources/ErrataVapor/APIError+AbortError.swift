public import Errata
import HTTPTypes
public import NIOHTTP1
public import Vapor

/// Lets an ``Errata/APIError`` keep its status, message and headers where Vapor's own `ErrorMiddleware` answers it
/// (no ``ErrataErrorMiddleware`` installed): `{"error":true,"reason":"Member 'x' not found."}` with a 404, not a 500.
///
/// Install ``ErrataErrorMiddleware`` to get the catalog's own envelope, negotiation, logging and metrics.
extension APIError: @retroactive AbortError {
    public var status: HTTPResponseStatus {
        let status = entry.status ?? .internalServerError
        return HTTPResponseStatus(statusCode: status.code, reasonPhrase: status.reasonPhrase)
    }

    public var reason: String {
        message ?? entry.title ?? status.reasonPhrase
    }

    public var headers: HTTPHeaders {
        var headers = HTTPHeaders(headerFields)
        if let retryAfter, !headers.contains(name: .retryAfter) {
            // Whole seconds, rounded up, as the catalog renderer sends it: a client never retries early.
            let (seconds, attoseconds) = retryAfter.components
            let whole = max(0, attoseconds > 0 ? seconds + 1 : seconds)
            headers.add(name: .retryAfter, value: String(whole))
        }
        return headers
    }
}
