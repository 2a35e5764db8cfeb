public import Errata
public import Hummingbird
public import Logging
public import Metrics
import NIOCore

/// Turns any error into the response the catalog documents: the shared core of ``ErrataMiddleware`` and
/// `errata serve`.
///
/// Catalog errors render as declared; Hummingbird's `HTTPError` (and other `HTTPResponseError`s) become the
/// catalog's entry for that status when there is one, else an RFC 9457 `about:blank` problem for the status;
/// anything else becomes the internal-error entry, with the original logged under the request id and never
/// put in the body.
public struct CatalogErrorResponder: Sendable {
    /// The catalog.
    public let catalog: ErrorCatalog
    let primary: ErrorRenderer
    let problem: ErrorRenderer?
    let statusProblems: ErrorRenderer
    let entriesByStatus: [Int: ErrorEntry]
    let counters: [String: Counter]
    let factory: any MetricsFactory

    /// Creates a responder.
    ///
    /// - Parameters:
    ///   - catalog: The catalog.
    ///   - internalErrorEntry: The entry for errors that are not catalog errors (default the first 500 entry).
    ///   - metricsFactory: Where the `errata_errors_total` counter goes (default the bootstrapped system).
    /// - Throws: `ErrorRenderer.ConfigurationError` when `internalErrorEntry` names no entry.
    public init(
        catalog: ErrorCatalog,
        internalErrorEntry: String? = nil,
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) throws {
        self.catalog = catalog
        self.primary = try ErrorRenderer(catalog: catalog, internalErrorEntry: internalErrorEntry)
        if catalog.envelope.format != .problem,
            let alternative = catalog.envelope.alternatives.first(where: { $0.format == .problem })
        {
            self.problem = try ErrorRenderer(
                catalog: catalog,
                envelope: alternative,
                internalErrorEntry: internalErrorEntry
            )
        } else {
            self.problem = nil
        }
        // One problem entry per registered status, for statuses the catalog has no entry for.
        let statusEntries = HTTPStatusRegistry.standard.definitions.filter { $0.code >= 400 }.map {
            ErrorEntry(name: "Status\($0.code)", status: $0.status)
        }
        self.statusProblems = try ErrorRenderer(
            catalog: ErrorCatalog(id: catalog.id, title: catalog.title, envelope: .problem, entries: statusEntries),
            envelope: .problem
        )
        var byStatus: [Int: ErrorEntry] = [:]
        // The entry a bare status maps to: the first server entry on it, preferring one without parameters.
        for entry in catalog.entries where entry.origin == .server {
            guard let code = entry.status?.code else { continue }
            if let existing = byStatus[code], existing.parameterNames.isEmpty || !entry.parameterNames.isEmpty {
                continue
            }
            byStatus[code] = entry
        }
        self.entriesByStatus = byStatus
        self.factory = metricsFactory
        var counters: [String: Counter] = [:]
        for entry in catalog.entries + [primary.internalErrorEntry] where counters[entry.name] == nil {
            counters[entry.name] = Counter(
                label: "errata_errors_total",
                dimensions: [
                    ("catalog", catalog.id), ("name", entry.name),
                    ("status", String((entry.status ?? .internalServerError).code)),
                ],
                factory: metricsFactory
            )
        }
        self.counters = counters
    }

    /// The catalog error for any error, and the renderer to use for this request.
    func rendered(for error: any Error, request: Request) -> RenderedError {
        let renderer = (problem != nil && AcceptHeader.prefersProblem(request.headers[.accept])) ? problem! : primary
        switch error {
        case let apiError as APIError:
            return renderer.render(apiError)
        case let convertible as any APIErrorConvertible:
            return renderer.render(convertible.apiError)
        case let httpError as HTTPError:
            return rendered(status: httpError.status, headers: httpError.headers, renderer: renderer)
        case let responseError as any HTTPResponseError:
            return rendered(status: responseError.status, headers: [:], renderer: renderer)
        case is DecodingError:
            return rendered(status: .badRequest, headers: [:], renderer: renderer)
        default:
            return renderer.render(error)
        }
    }

    /// The catalog's entry for a bare status, else an RFC 9457 problem for it.
    func rendered(status: HTTPResponse.Status, headers: HTTPFields, renderer: ErrorRenderer) -> RenderedError {
        if let entry = entriesByStatus[status.code] {
            return renderer.render(APIError(unchecked: entry, headerFields: headers))
        }
        if status.code >= 500 {
            return renderer.render(InternalFailure())
        }
        var problem = statusProblems.render(
            APIError(unchecked: ErrorEntry(name: "Status\(status.code)", status: status), headerFields: headers)
        )
        if problem.isInternalError {
            // A status outside the registry: still answer with that status.
            problem.status = status
        }
        return problem
    }

    /// The response for an error, logged and counted.
    public func response(for error: any Error, request: Request, logger: Logger, requestID: String?) -> Response {
        let rendered = rendered(for: error, request: request)
        record(rendered, error: error, logger: logger, requestID: requestID, request: request)
        return Self.response(rendered, request: request)
    }

    func record(
        _ rendered: RenderedError,
        error: any Error,
        logger: Logger,
        requestID: @autoclosure () -> String?,
        request: Request
    ) {
        counters[rendered.entry.name]?.increment()
        let isFailure = rendered.isInternalError || rendered.status.code >= 500
        // During an error flood most answers are 4xx at a level above `debug`: the metadata costs more than the
        // rendering, so it is built only for a line that will be written.
        guard isFailure || logger.logLevel <= .debug || !rendered.droppedHeaderFields.isEmpty else { return }
        var metadata: Logger.Metadata = [
            "errata.name": "\(rendered.entry.name)", "errata.status": "\(rendered.status.code)",
        ]
        if let requestID = requestID() { metadata["errata.request_id"] = "\(requestID)" }
        if isFailure {
            // The original error's text goes to the log only, never to the client.
            let cause = (error as? APIError)?.underlyingError.map { "\($0)" } ?? "\(error)"
            metadata["errata.error"] = "\(cause)"
            logger.error("\(request.method) \(request.uri.path) failed", metadata: metadata)
        } else {
            logger.debug("\(request.method) \(request.uri.path) answered with a catalog error", metadata: metadata)
        }
        for name in rendered.droppedHeaderFields {
            logger.warning("dropped header \(name): its value held CR, LF or NUL", metadata: metadata)
        }
    }

    /// A Hummingbird response for a rendered error: the body written straight into the response buffer, sized
    /// once (no intermediate array); none for HEAD.
    static func response(_ rendered: RenderedError, request: Request) -> Response {
        var headers = rendered.headerFields
        let count = rendered.bodyByteCount
        if request.method == .head || count == 0 {
            if count > 0 { headers[.contentLength] = String(count) }
            return Response(status: rendered.status, headers: headers)
        }
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { rendered.writeBody(into: $0) }
        return Response(status: rendered.status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// Stands in for a 5xx `HTTPError` with no catalog entry: it renders as the internal-error entry.
    private struct InternalFailure: Error {}
}
