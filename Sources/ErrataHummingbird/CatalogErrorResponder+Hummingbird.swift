@_spi(ErrataIntegration) import Errata
@_spi(ErrataIntegration) public import ErrataResponder
import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore

extension CatalogErrorResponder {
    /// The response for an error of a request no route answered for a catalog operation, logged and counted.
    ///
    /// For a handler that catches errors itself (as `errata serve` does); ``ErrataMiddleware`` does this for every
    /// route behind it.
    public func response(for error: any Error, request: Request, logger: Logger, requestID: String?) -> Response {
        let rendered = rendered(
            for: Self.failure(for: error, isUnmatched: false),
            error: error,
            request: ResponderRequest(request, endpoint: nil, readingAccept: negotiatesEnvelope),
            logger: logger,
            requestID: { requestID }
        )
        return Response(rendered, for: request)
    }

    /// The response for a catalog error the handler built itself, logged and counted as
    /// the `any Error` form above does it.
    ///
    /// Taken as it is: passed as `any Error`, the occurrence would be boxed only to be cast back.
    public func response(
        for error: consuming APIError,
        request: Request,
        logger: Logger,
        requestID: String?
    ) -> Response {
        let rendered = rendered(
            for: error,
            request: ResponderRequest(request, endpoint: nil, readingAccept: negotiatesEnvelope),
            logger: logger,
            requestID: { requestID }
        )
        return Response(rendered, for: request)
    }

    /// What a Hummingbird error means to the catalog.
    static func failure(for error: any Error, isUnmatched: Bool) -> ResponderFailure {
        switch error {
        case let apiError as APIError:
            return .catalog(apiError)
        case let convertible as any APIErrorConvertible:
            return .catalog(convertible.apiError)
        case let httpError as HTTPError:
            if isUnmatched && httpError.status == .notFound { return .unmatched }
            return .status(httpError.status, httpError.headers)
        case let responseError as any HTTPResponseError:
            return .status(responseError.status, [:])
        case is DecodingError:
            return .badRequest([])
        default:
            return .other(error)
        }
    }
}

extension ResponderRequest {
    /// The facts the responder core needs from a Hummingbird request; `Accept` only when `readingAccept` (the
    /// responder's ``CatalogErrorResponder/negotiatesEnvelope``).
    ///
    /// The request is borrowed (an initializer takes its arguments owned, which made the caller copy the whole
    /// request, a retain and a release for each of its references), as is the rendered error below.
    init(_ request: borrowing Request, endpoint: String?, readingAccept: Bool) {
        // The target, not `uri.path`: the path is a new string on each read, and only an unmatched route's answer
        // and a log line need it.
        self.init(
            method: request.method,
            target: request.uri.string,
            accept: readingAccept ? request.headers[.accept] : nil,
            endpoint: endpoint
        )
    }
}

extension Response {
    /// A Hummingbird response for a rendered error: the body written once into scratch space and copied into a
    /// response buffer of its size (no intermediate array), or `shared`, a buffer already holding it; none for HEAD.
    init(_ rendered: borrowing RenderedError, for request: borrowing Request, sharing shared: ByteBuffer? = nil) {
        var headers = rendered.headerFields
        var buffer = shared
        if buffer == nil { rendered.withBodyBytes { if !$0.isEmpty { buffer = ByteBuffer(bytes: $0) } } }
        if let buffer {
            // Appended here, built from a plain integer conversion: left to Hummingbird, it is searched for,
            // formatted with `String(describing:)` and set through the replacing setter, measured at twice the
            // cost. A rendered error never carries one of its own (the responder leaves framing fields out).
            headers.append(HTTPField(name: .contentLength, value: String(buffer.readableBytes)))
        }
        guard let buffer, request.method != .head else {
            self.init(status: rendered.status, headers: headers)
            return
        }
        self.init(status: rendered.status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}
