@_spi(ErrataIntegration) public import Errata
@_spi(ErrataIntegration) public import ErrataResponder
import HTTPTypes
public import Logging
public import Metrics
import NIOCore
public import Vapor

/// Answers every error of the routes behind it as the catalog documents: the replacement for Vapor's
/// `ErrorMiddleware`.
///
/// ```swift
/// app.middleware = Middlewares()
/// app.middleware.use(try ErrataErrorMiddleware(catalog: catalog))
/// app.get("members", ":memberRef") { request -> String in
///     throw try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": request.parameters.get("memberRef")!])
/// }
/// ```
///
/// - Catalog errors (``Errata/APIError`` and `APIErrorConvertible`) render as declared.
/// - Vapor's `Abort` (and any `AbortError`) becomes the catalog's entry for its status, else an RFC 9457
///   `about:blank` problem that keeps its status and headers.
/// - `DecodingError` and Vapor's `ValidationsError` become the catalog's 400 entry, with one field error per
///   failing field where the envelope has field errors.
/// - Unmatched routes answer 404 through the catalog; a path that the catalog's operations route with other
///   methods answers 405 with `Allow`, which never lists the refused method.
/// - Anything else becomes the internal-error entry; the original is logged once at `error` level under the request
///   id and never put in the body. 4xx answers are logged at `debug` (configurable), where Vapor's `ErrorMiddleware`
///   logs every `Abort` at `warning`.
/// - A request whose `Accept` prefers `application/problem+json` gets RFC 9457 when the catalog's envelope names a
///   problem alternative.
/// - Operation contracts and metrics (`errata_errors_total`, `errata_contract_violations_total`) as in the
///   Hummingbird integration: both share `CatalogErrorResponder` (ErrataResponder).
///
/// A final class, as Vapor's own middlewares are: the error closure captures one reference, where a struct would be
/// copied into it whole (a retain and a release of every reference the responder holds, on every error).
public final class ErrataErrorMiddleware: Middleware {
    let responder: CatalogErrorResponder
    /// The catalog entries' static bodies as buffers, so that a static error's response shares one.
    let staticBodies: StaticBodies<ByteBuffer>

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - catalog: The catalog.
    ///   - internalErrorEntry: The entry for errors that are not catalog errors (default the first 500 entry).
    ///   - routes: Extra routes (`GET /path`, as the catalog writes them) to consider for 405 answers.
    ///   - contractMode: What to do when a route answers with an error its operation does not declare.
    ///   - clientErrorLogLevel: The level 4xx answers are logged at.
    ///   - metricsFactory: Where the counters go (default the bootstrapped system).
    /// - Throws: `ErrorRenderer.ConfigurationError` when `internalErrorEntry` names no entry.
    public init(
        catalog: ErrorCatalog,
        internalErrorEntry: String? = nil,
        routes: [String] = [],
        contractMode: OperationContractMode = .log,
        clientErrorLogLevel: Logger.Level = .debug,
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) throws {
        self.responder = try CatalogErrorResponder(
            catalog: catalog,
            internalErrorEntry: internalErrorEntry,
            routes: routes,
            contractMode: contractMode,
            clientErrorLogLevel: clientErrorLogLevel,
            metricsFactory: metricsFactory
        )
        self.staticBodies = StaticBodies(responder.primary) { ByteBuffer(bytes: $0) }
    }

    public func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        // The future form, as Vapor's own ErrorMiddleware: no task hop on the success path.
        next.respond(to: request).flatMapErrorThrowing { error in
            self.response(for: error, request: request)
        }
    }

    /// The response for an error, logged and counted.
    func response(for error: any Error, request: Request) -> Response {
        let rendered = responder.rendered(
            for: Self.failure(for: error, isUnmatched: request.route == nil),
            error: error,
            request: ResponderRequest(
                method: HTTPRequest.Method(request.method.rawValue) ?? .get,
                // Vapor's `URI.path` percent-decodes on every read: read only for an unmatched route or a log line.
                path: { request.url.path },
                // Searched for only when the catalog has an envelope to negotiate.
                accept: responder.negotiatesEnvelope ? request.headers.first(name: .accept) : nil,
                // Found by the route's identity; its endpoint string is built only the first time the route errs,
                // and only for a catalog with operations to check it against.
                route: responder.checksOperations ? request.route : nil,
                endpoint: { request.route.map { Self.endpoint($0.path) } ?? "" }
            ),
            logger: request.logger,
            requestID: { request.id }
        )
        return Self.response(rendered, request: request, sharing: staticBodies.buffer(for: rendered))
    }

    /// What a Vapor error means to the catalog.
    static func failure(for error: any Error, isUnmatched: Bool) -> ResponderFailure {
        switch error {
        case let apiError as APIError:
            return .catalog(apiError)
        case let convertible as any APIErrorConvertible:
            return .catalog(convertible.apiError)
        case let decoding as DecodingError:
            return .badRequest(FieldErrors.fieldErrors(for: decoding))
        case let validations as ValidationsError:
            return .badRequest(FieldErrors.fieldErrors(for: validations))
        case is RouteNotFound:
            return .unmatched
        case let abort as any AbortError:
            if isUnmatched && abort.status == .notFound { return .unmatched }
            return .status(
                HTTPResponse.Status(code: Int(abort.status.code), reasonPhrase: abort.status.reasonPhrase),
                HTTPFields(abort.headers)
            )
        default:
            return .other(error)
        }
    }

    /// A route's path as the responder matches it against the catalog's operations: `/members/:memberRef`.
    ///
    /// Built the first time a route errs, when the catalog has operations; the responder then knows the route by
    /// its identity.
    static func endpoint(_ path: [PathComponent]) -> String {
        "/" + path.map(\.description).joined(separator: "/")
    }

    /// A Vapor response for a rendered error: the body written once into scratch space and copied into a buffer of
    /// its size from the request's allocator, or `shared`, a buffer already holding it. Vapor's server leaves the
    /// body out for HEAD.
    ///
    /// The header fields are converted with room for `Content-Length`, which is added here, and handed to Vapor as
    /// they are: `Response(status:headers:body:)` would scan them again to remove `Transfer-Encoding` and replace
    /// `Content-Length`, which a rendered error never carries (the responder leaves framing fields out).
    static func response(_ rendered: RenderedError, request: Request, sharing shared: ByteBuffer? = nil) -> Response {
        let status = HTTPResponseStatus(statusCode: rendered.status.code, reasonPhrase: rendered.status.reasonPhrase)
        var buffer = shared
        if buffer == nil {
            rendered.withBodyBytes { bytes in
                guard !bytes.isEmpty else { return }
                var written = request.byteBufferAllocator.buffer(capacity: bytes.count)
                written.writeBytes(bytes)
                buffer = written
            }
        }
        var headers = HTTPHeaders()
        headers.reserveCapacity(rendered.headerFields.count + 1)
        for field in rendered.headerFields {
            headers.add(name: field.name.rawName, value: field.value)
        }
        headers.add(name: .contentLength, value: String(buffer?.readableBytes ?? 0))
        let body: Response.Body = buffer.map { .init(buffer: $0) } ?? .empty
        return Response(status: status, version: .http1_1, headersNoUpdate: headers, body: body)
    }
}
