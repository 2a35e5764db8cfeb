public import Errata
public import HTTPTypes
public import Logging
public import Metrics
import Synchronization

/// Turns any error into the response the catalog documents: the framework-neutral core that `ErrataMiddleware`
/// (Hummingbird), `ErrataErrorMiddleware` (ErrataVapor) and `errata serve` share.
///
/// Catalog errors render as declared; a framework's bare status (`HTTPError`, `Abort`) becomes the catalog's entry
/// for that status when there is one, else an RFC 9457 `about:blank` problem for the status that keeps its header
/// fields; anything else becomes the internal-error entry, with the original logged under the request id and never
/// put in the body. Every rendered error is counted in `errata_errors_total`.
///
/// A final class: every error reads it from a middleware, and a struct this size was copied on each read (a retain
/// and a release of each of its references, about 3 µs of Vapor's 89 µs per error response in `perf`).
public final class CatalogErrorResponder: Sendable {
    /// The catalog.
    public let catalog: ErrorCatalog
    @_spi(ErrataIntegration) public let primary: ErrorRenderer
    let problem: ErrorRenderer?
    let statusProblems: ErrorRenderer
    let entriesByStatus: [Int: ErrorEntry]
    /// The 400 entry that carries per-field errors (PluralKit's `InvalidJSONModel`), for request bodies whose fields
    /// failed.
    let fieldErrorsEntry: ErrorEntry?
    /// Every counter the responder made up front, by entry name: for entries found neither way below.
    let counters: [String: Counter]
    /// The counters of the catalog's entries by position, and of the per-status problems by position in
    /// ``statusProblems``' catalog: a rendered error's counter is found by its entry's identity, with no name hashed.
    let entryCounters: [Counter]
    let statusCounters: [Counter]
    let factory: any MetricsFactory
    /// The catalog's operations that have a route, with it.
    let operations: [(route: RoutePattern, operation: Operation)]
    /// Every route known to answer, for 405 answers.
    let routes: [RoutePattern]
    let contractMode: OperationContractMode
    let violations: Counter
    let clientErrorLogLevel: Logger.Level
    /// For each operation of ``operations``, whether it declares each catalog entry, by the entry's position:
    /// the contract check of a rendered catalog entry reads one flag, where comparing its name with each declared
    /// name ran on every error of a route.
    let declaredByOperation: [[Bool]]
    /// The operation (its index in ``operations``) that each matched route answers for, found by walking
    /// ``operations`` the first time the route errs: the walk measured 1.5 µs per error for PluralKit's operations
    /// on Vapor, a lookup here a hash and a lock. A route given as an object of the router's is keyed by its
    /// identity, and the entry holds the object, so that its address is not reused while the entry stands.
    /// Bounded: past ``maximumCachedEndpoints`` (a router that makes routes as it goes) the walk is done every time.
    private let operationIndexByEndpoint = Mutex<[EndpointKey: CachedOperation]>([:])
    static let maximumCachedEndpoints = 1024

    private struct EndpointKey: Hashable {
        var method: HTTPRequest.Method
        var route: Route

        enum Route: Hashable {
            case endpoint(String)
            case object(ObjectIdentifier)
        }
    }

    private struct CachedOperation {
        var index: Int?
        /// The route object the key identifies, kept alive by the cache.
        var route: (any AnyObject & Sendable)?
    }

    /// Creates a responder.
    ///
    /// - Parameters:
    ///   - catalog: The catalog.
    ///   - internalErrorEntry: The entry for errors that are not catalog errors (default the first 500 entry).
    ///   - routes: Extra routes (`GET /path`, as the catalog writes them) to consider for 405 answers.
    ///   - contractMode: What to do when a route answers with an error its operation does not declare.
    ///   - clientErrorLogLevel: The level 4xx answers are logged at (default `debug`, so that a flood of client
    ///     errors costs what a flood of successes costs).
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
        self.fieldErrorsEntry = catalog.entries.first {
            $0.origin == .server && $0.status?.code == 400 && $0.hasFieldErrors && $0.parameterNames.isEmpty
        }
        self.factory = metricsFactory
        var counters: [String: Counter] = [:]
        // Catalog entries, the internal-error entry and the per-status problems: every error the responder renders
        // has its counter made here, so that counting one allocates nothing.
        for entry in catalog.entries + [primary.internalErrorEntry] + statusEntries where counters[entry.name] == nil {
            counters[entry.name] = Self.counter(catalog: catalog.id, entry: entry, factory: metricsFactory)
        }
        self.counters = counters
        self.entryCounters = catalog.entries.map { counters[$0.name]! }
        self.statusCounters = statusEntries.map { counters[$0.name]! }

        var operations: [(route: RoutePattern, operation: Operation)] = []
        var patterns: [RoutePattern] = []
        for operation in catalog.operations {
            guard let route = operation.route, let pattern = RoutePattern(route) else { continue }
            // Two operations on one route (a catalog mistake): the first is the one the route answers for.
            if !operations.contains(where: { $0.route == pattern }) { operations.append((pattern, operation)) }
            patterns.append(pattern)
        }
        patterns += routes.compactMap(RoutePattern.init)
        self.operations = operations
        self.declaredByOperation = operations.map { _, operation in
            catalog.entries.map { operation.codes.contains($0.name) }
        }
        self.routes = patterns
        self.contractMode = contractMode
        self.clientErrorLogLevel = clientErrorLogLevel
        self.violations = Counter(
            label: "errata_contract_violations_total",
            dimensions: [("catalog", catalog.id)],
            factory: metricsFactory
        )
    }

    static func counter(catalog: String, entry: ErrorEntry, factory: any MetricsFactory) -> Counter {
        Counter(
            label: "errata_errors_total",
            dimensions: [
                ("catalog", catalog), ("name", entry.name),
                ("status", String((entry.status ?? .internalServerError).code)),
            ],
            factory: factory
        )
    }

    /// Whether the catalog routes any operation: when it does not, an adapter need not build the matched route's
    /// path for ``rendered(for:error:request:logger:requestID:)``.
    @_spi(ErrataIntegration)
    public var checksOperations: Bool { !operations.isEmpty }

    /// Whether the answer depends on the request's `Accept` header: the catalog names an RFC 9457 alternative to
    /// negotiate. An adapter reads the header only then; it is a search through the request's fields, on every
    /// error, for catalogs that have nothing to negotiate.
    @_spi(ErrataIntegration)
    public var negotiatesEnvelope: Bool { problem != nil }

    // MARK: The whole error path

    /// The rendered answer to a failure: negotiated, mapped, checked against the route's operation, counted and
    /// logged. Adapters turn it into their framework's response.
    ///
    /// - Parameters:
    ///   - failure: What the framework's error means, as the adapter classified it. Consumed: a catalog error's
    ///     occurrence moves into the rendered error instead of being copied.
    ///   - error: The original error, for the log; `nil` for a catalog error the caller built and hands over as it
    ///     is (the occurrence's own underlying error is logged then).
    ///   - request: The request's method, path, `Accept` and matched route.
    ///   - logger: The request's logger.
    ///   - requestID: The request id for the log line, read only when a line is written.
    @_spi(ErrataIntegration)
    public func rendered(
        for failure: consuming ResponderFailure,
        error: (any Error)?,
        request: ResponderRequest,
        logger: Logger,
        requestID: () -> String?
    ) -> RenderedError {
        // The renderer is passed down borrowed, not bound to a local: a local is a copy of the struct, a retain and a
        // release of each of its references on every error (measured on Vapor's load test).
        if let problem, AcceptHeader.prefersProblem(request.accept) {
            return rendered(
                for: consume failure,
                error: error,
                request: request,
                logger: logger,
                requestID: requestID,
                by: problem
            )
        }
        return rendered(
            for: consume failure,
            error: error,
            request: request,
            logger: logger,
            requestID: requestID,
            by: primary
        )
    }

    /// The rendered answer to a catalog error the caller built itself (the mock's answers), as
    /// ``rendered(for:error:request:logger:requestID:)`` gives it: taken as it is, not boxed as `any Error` for the
    /// log only to be cast back (an allocation and two copies of the occurrence).
    @_spi(ErrataIntegration)
    public func rendered(
        for apiError: consuming APIError,
        request: ResponderRequest,
        logger: Logger,
        requestID: () -> String?
    ) -> RenderedError {
        rendered(for: .catalog(apiError), error: nil, request: request, logger: logger, requestID: requestID)
    }

    private func rendered(
        for failure: consuming ResponderFailure,
        error: (any Error)?,
        request: ResponderRequest,
        logger: Logger,
        requestID: () -> String?,
        by renderer: borrowing ErrorRenderer
    ) -> RenderedError {
        var rendered: RenderedError
        switch consume failure {
        case .catalog(let apiError):
            rendered = renderer.render(apiError)
        case .status(let status, let headers):
            rendered = self.rendered(status: status, headers: headers, renderer: renderer)
        case .badRequest(let fieldErrors):
            if !fieldErrors.isEmpty, let entry = fieldErrorsEntry {
                rendered = renderer.render(APIError(unchecked: entry, fieldErrors: fieldErrors))
            } else if let entry = entriesByStatus[400] {
                rendered = renderer.render(APIError(unchecked: entry, fieldErrors: fieldErrors))
            } else {
                rendered = self.rendered(status: .badRequest, headers: [:], renderer: renderer)
            }
        case .unmatched:
            if let allowed = allowedMethods(path: request.path, refusing: request.method) {
                rendered = self.rendered(
                    status: .methodNotAllowed,
                    headers: [.allow: allowed.joined(separator: ", ")],
                    renderer: renderer
                )
            } else {
                rendered = self.rendered(status: .notFound, headers: [:], renderer: renderer)
            }
        case .other(let error):
            rendered = renderer.render(error)
        }
        // By index, so that no operation is copied out of the array on the way.
        if !rendered.isInternalError, let index = operationIndex(for: request),
            !declares(operation: index, rendered)
        {
            let operation = operations[index].operation
            violations.increment()
            logger.warning(
                "operation \(operation.name) answered with \(rendered.entry.name), which it does not declare",
                metadata: ["errata.operation": "\(operation.name)", "errata.name": "\(rendered.entry.name)"]
            )
            if contractMode == .strict {
                rendered = primary.render(ContractViolation(operation: operation.name, entry: rendered.entry.name))
            }
        }
        record(rendered, error: error, logger: logger, requestID: requestID(), request: request)
        return rendered
    }

    /// Whether the operation at `index` declares the rendered entry: by the entry's position when it is the
    /// catalog's own (``RenderedError/index(in:)``), else by name.
    func declares(operation index: Int, _ rendered: RenderedError) -> Bool {
        if let position = rendered.index(in: catalog) { return declaredByOperation[index][position] }
        return operations[index].operation.codes.contains(rendered.entry.name)
    }

    /// The index in ``operations`` of the operation the request's matched route answers for, if any.
    func operationIndex(for request: ResponderRequest) -> Int? {
        switch request.endpointSource {
        case .none:
            return nil
        case .value(let endpoint):
            return operationIndex(endpoint: endpoint, method: request.method)
        case .route(let route, let endpoint):
            let key = EndpointKey(method: request.method, route: .object(ObjectIdentifier(route)))
            return operationIndex(key: key, route: route, endpoint: endpoint)
        }
    }

    /// The index in ``operations`` of the operation a matched route answers for, if any.
    func operationIndex(endpoint: String, method: HTTPRequest.Method) -> Int? {
        operationIndex(key: EndpointKey(method: method, route: .endpoint(endpoint)), route: nil) { endpoint }
    }

    private func operationIndex(
        key: EndpointKey,
        route: (any AnyObject & Sendable)?,
        endpoint: () -> String
    ) -> Int? {
        // The index alone out of the lock: the whole cached value would copy its route object out, a retain and a
        // release on every error.
        if let cached = operationIndexByEndpoint.withLock({ $0[key].map(\.index) }) { return cached }
        let endpoint = endpoint()
        let index = operations.firstIndex { $0.route.method == key.method && $0.route.matchesEndpoint(endpoint) }
        operationIndexByEndpoint.withLock { cache in
            if cache.count < Self.maximumCachedEndpoints { cache[key] = CachedOperation(index: index, route: route) }
        }
        return index
    }

    /// The renderer for a request's `Accept`: RFC 9457 when the client prefers it and the catalog names it as an
    /// alternative, else the catalog's own envelope.
    @_spi(ErrataIntegration)
    public func renderer(accept: String?) -> ErrorRenderer {
        if let problem, AcceptHeader.prefersProblem(accept) { return problem }
        return primary
    }

    /// The catalog's entry for a bare status, else an RFC 9457 problem for it, keeping the status and headers.
    ///
    /// A status that is not an error (1xx–3xx: a redirect thrown as an error) keeps its status and header fields
    /// and gets no body, never the internal error's.
    @_spi(ErrataIntegration)
    public func rendered(status: HTTPResponse.Status, headers: HTTPFields, renderer: ErrorRenderer) -> RenderedError {
        if let entry = entriesByStatus[status.code] {
            return renderer.render(APIError(unchecked: entry, headerFields: headers))
        }
        let entry = ErrorEntry(name: "Status\(status.code)", status: status)
        var problem = statusProblems.render(APIError(unchecked: entry, headerFields: headers))
        guard problem.isInternalError else { return problem }
        // Not in the registry's 4xx and 5xx: answer with that status and those headers all the same.
        problem.status = status
        problem.entry = entry
        problem.isInternalError = false
        problem.body = []
        problem.headerFields = headers.filter { !$0.name.framesBody }  // As the renderer leaves them out.
        // A status that is not an error keeps no body; an error status no catalog or registry names gets a problem
        // from a one-entry renderer, built when it happens because it is rare.
        if status.code >= 400,
            let renderer = try? ErrorRenderer(
                catalog: ErrorCatalog(id: catalog.id, title: catalog.title, envelope: .problem, entries: [entry]),
                envelope: .problem
            )
        {
            problem = renderer.render(APIError(unchecked: entry, headerFields: headers))
        }
        return problem
    }

    /// The methods to list in `Allow` for an unmatched request, `nil` when the answer is a 404: the methods the
    /// routes know for the path, never the one just refused (a route the catalog declares but the router lacks is a
    /// 404, not a 405 that allows what it refused).
    func allowedMethods(path: String, refusing method: HTTPRequest.Method) -> [String]? {
        var allowed = Set(routes.filter { $0.matchesPath(path) }.map(\.method.rawValue))
        // A server that answers GET answers HEAD; one that refused GET refused HEAD too.
        if allowed.contains("GET") { allowed.insert("HEAD") }
        allowed.remove(method.rawValue)
        if method == .head || method == .get {
            allowed.remove("GET")
            allowed.remove("HEAD")
        }
        return allowed.isEmpty ? nil : allowed.sorted()
    }

    // MARK: Counting and logging

    /// Counts a rendered error and logs it: failures (internal errors, 5xx) at `error` with the original error (or,
    /// without one, the occurrence's underlying error), 4xx at the client-error level.
    @_spi(ErrataIntegration)
    public func record(
        _ rendered: RenderedError,
        error: (any Error)?,
        logger: Logger,
        requestID: @autoclosure () -> String?,
        request: ResponderRequest
    ) {
        if let index = rendered.index(in: catalog) {
            entryCounters[index].increment()
        } else if let index = rendered.index(in: statusProblems.catalog) {
            statusCounters[index].increment()
        } else if let counter = counters[rendered.entry.name] {
            // The internal-error entry when the catalog has none of its own, or an entry of another catalog.
            counter.increment()
        } else {
            // An entry of another catalog, or a status outside the registry: rare, so its counter is made here.
            Self.counter(catalog: catalog.id, entry: rendered.entry, factory: factory).increment()
        }
        let isFailure = rendered.isInternalError || rendered.status.code >= 500
        // During an error flood most answers are 4xx at a level below the logger's: the metadata costs more than the
        // rendering, so it is built only for a line that will be written.
        guard isFailure || logger.logLevel <= clientErrorLogLevel || !rendered.droppedHeaderFields.isEmpty else {
            return
        }
        var metadata: Logger.Metadata = [
            "errata.name": "\(rendered.entry.name)", "errata.status": "\(rendered.status.code)",
        ]
        if let requestID = requestID() { metadata["errata.request_id"] = "\(requestID)" }
        if isFailure {
            // The original error's text goes to the log only, never to the client. Without one (an occurrence the
            // caller built and handed over as it is), what went wrong inside is the occurrence's own to say.
            let cause: String? =
                if let error { (error as? APIError)?.underlyingError.map { "\($0)" } ?? "\(error)" } else {
                    rendered.underlyingError.map { "\($0)" }
                }
            if let cause { metadata["errata.error"] = "\(cause)" }
            logger.error("\(request.method) \(request.path) failed", metadata: metadata)
        } else {
            logger.log(
                level: clientErrorLogLevel,
                "\(request.method) \(request.path) answered with a catalog error",
                metadata: metadata
            )
        }
        for name in rendered.droppedHeaderFields {
            logger.warning("dropped header \(name): \(name.droppedBecause)", metadata: metadata)
        }
    }
}
