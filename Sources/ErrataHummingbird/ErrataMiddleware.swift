public import Errata
public import Hummingbird
import Logging
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
/// - Catalog errors (``Errata/APIError`` and ``APIErrorConvertible``) render as declared.
/// - Hummingbird's `HTTPError` becomes the catalog's entry for its status, else an RFC 9457 `about:blank`
///   problem; request-decoding failures become the catalog's 400 entry.
/// - Unmatched routes answer 404 through the catalog; a path that the catalog's operations route with other
///   methods answers 405 with `Allow`.
/// - Anything else becomes the internal-error entry; the original is logged at `error` level under the request id
///   and never put in the body.
/// - A request whose `Accept` prefers `application/problem+json` gets RFC 9457 when the catalog's envelope names
///   a problem alternative.
/// - Operation contracts: when a route is one of the catalog's operations, an error the operation does not
///   declare is logged and counted (`errata_contract_violations_total`), and in ``OperationContractMode/strict`` answered
///   as an internal error.
public struct ErrataMiddleware<Context: RequestContext>: RouterMiddleware {
    let responder: CatalogErrorResponder
    /// The catalog's operations that have a route, with it.
    let operations: [(route: RoutePattern, operation: Operation)]
    let routes: [RoutePattern]
    let contractMode: OperationContractMode
    let violations: Counter

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - catalog: The catalog.
    ///   - internalErrorEntry: The entry for errors that are not catalog errors (default the first 500 entry).
    ///   - routes: Extra routes (`GET /path`, as the catalog writes them) to consider for 405 answers.
    ///   - contractMode: What to do when a route answers with an error its operation does not declare.
    ///   - metricsFactory: Where the counters go (default the bootstrapped system).
    public init(
        catalog: ErrorCatalog,
        internalErrorEntry: String? = nil,
        routes: [String] = [],
        contractMode: OperationContractMode = .log,
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) throws {
        self.responder = try CatalogErrorResponder(
            catalog: catalog,
            internalErrorEntry: internalErrorEntry,
            metricsFactory: metricsFactory
        )
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
        self.routes = patterns
        self.contractMode = contractMode
        self.violations = Counter(
            label: "errata_contract_violations_total",
            dimensions: [("catalog", catalog.id)],
            factory: metricsFactory
        )
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
        var error = error
        // Hummingbird's not-found responder marks its endpoint "NotFound".
        let isUnmatched = context.endpointPath == nil || context.endpointPath == "NotFound"
        if isUnmatched, let httpError = error as? HTTPError, httpError.status == .notFound {
            // Unmatched: a known path with another method is a 405 with Allow.
            let path = request.uri.path
            let methods = routes.filter { $0.matchesPath(path) }.map(\.method.rawValue)
            if !methods.isEmpty {
                var allowed = Array(Set(methods)).sorted()
                if allowed.contains("GET") && !allowed.contains("HEAD") { allowed.append("HEAD") }
                error = HTTPError(.methodNotAllowed, headers: [.allow: allowed.joined(separator: ", ")])
            }
        }
        var rendered = responder.rendered(for: error, request: request)
        if !isUnmatched, let endpoint = context.endpointPath,
            let operation = operations.first(where: {
                $0.route.method == request.method && $0.route.matchesEndpoint(endpoint)
            })?.operation,
            !rendered.isInternalError, !operation.codes.contains(rendered.entry.name)
        {
            violations.increment()
            context.logger.warning(
                "operation \(operation.name) answered with \(rendered.entry.name), which it does not declare",
                metadata: ["errata.operation": "\(operation.name)", "errata.name": "\(rendered.entry.name)"]
            )
            if contractMode == .strict {
                rendered = responder.primary.render(ContractViolation(operation: operation.name, entry: rendered.entry.name))
            }
        }
        // The request id is read from the logger's metadata only when a line is logged.
        responder.record(
            rendered,
            error: error,
            logger: context.logger,
            requestID: context.logger[metadataKey: "hb.request.id"].map { "\($0)" },
            request: request
        )
        return CatalogErrorResponder.response(rendered, request: request)
    }
}

/// An error a route answered with that its operation does not declare (``OperationContractMode/strict``).
public struct ContractViolation: Error, CustomStringConvertible {
    /// The operation.
    public var operation: String
    /// The undeclared entry.
    public var entry: String

    public var description: String {
        "operation \(operation) answered with \(entry), which it does not declare"
    }
}

/// What ``ErrataMiddleware`` does when a route answers with an error its operation does not declare.
public struct OperationContractMode: Sendable, Hashable {
    private enum Base { case log, strict }
    private let base: Base

    /// Log and count the violation; the error is still sent as it is.
    public static let log = OperationContractMode(base: .log)
    /// Also answer with the internal-error entry, so that tests fail loudly.
    public static let strict = OperationContractMode(base: .strict)
}
