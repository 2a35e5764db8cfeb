public import Errata
@_spi(ErrataIntegration) public import ErrataResponder
public import Hummingbird
public import Logging
public import Metrics

/// Answers every error of the routes behind it as the catalog documents.
///
/// ```swift
/// let router = Router()
/// router.add(middleware: try ErrataMiddleware(catalog: catalog))
/// router.get("/members/{memberRef}") { _, context in
///     throw try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": context.parameters.get("memberRef")!])
/// }
/// ```
///
/// - Catalog errors (``Errata/APIError`` and `APIErrorConvertible`) render as declared.
/// - Hummingbird's `HTTPError` becomes the catalog's entry for its status, else an RFC 9457 `about:blank`
///   problem that keeps its status and headers (a 503 with `Retry-After` stays one); request-decoding failures
///   become the catalog's 400 entry.
/// - Unmatched routes answer 404 through the catalog; a path that the catalog's operations route with other
///   methods answers 405 with `Allow`, which never lists the refused method.
/// - Anything else becomes the internal-error entry; the original is logged at `error` level under the request id
///   and never put in the body. 4xx answers are logged at `debug` (configurable).
/// - A request whose `Accept` prefers `application/problem+json` gets RFC 9457 when the catalog's envelope names
///   a problem alternative.
/// - Operation contracts: when a route is one of the catalog's operations, an error the operation does not
///   declare is logged and counted (`errata_contract_violations_total`), and in
///   `OperationContractMode.strict` answered as an internal error.
/// - Every answer is counted in `errata_errors_total` by catalog, name and status.
public struct ErrataMiddleware<Context: RequestContext>: RouterMiddleware {
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

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return respond(to: error, request: request, context: context)
        }
    }

    private func respond(to error: any Error, request: Request, context: Context) -> Response {
        // Read once, and only when something needs it: each read of `endpointPath` takes a lock (it lives in a locked
        // box), measured at 3 % of the whole request when it was read three times. The route's operation needs it,
        // and an `HTTPError` to tell Hummingbird's not-found answer (its responder marks the endpoint "NotFound")
        // from a handler's own 404; for any other error of a catalog without operations, nothing does.
        let endpoint = responder.checksOperations || error is HTTPError ? context.endpointPath : nil
        let isUnmatched = endpoint == nil || endpoint == "NotFound"
        let rendered = responder.rendered(
            for: CatalogErrorResponder.failure(for: error, isUnmatched: isUnmatched),
            error: error,
            request: ResponderRequest(
                request,
                endpoint: isUnmatched ? nil : endpoint,
                readingAccept: responder.negotiatesEnvelope
            ),
            logger: context.logger,
            // The request id is read from the logger's metadata only when a line is logged.
            requestID: { context.logger[metadataKey: "hb.request.id"].map { "\($0)" } }
        )
        return Response(rendered, for: request, sharing: staticBodies.buffer(for: rendered))
    }
}
