public import Errata
public import Hummingbird

/// Lets an ``Errata/APIError`` answer on its own where no ``ErrataMiddleware`` is installed.
///
/// Without the middleware there is no catalog to take the envelope from, so the error renders as RFC 9457
/// problem details from its entry (status, title, message, headers, retry-after). Install the middleware to get
/// the catalog's own envelope, negotiation, logging and metrics.
extension APIError: HTTPResponseError {
    public var status: HTTPResponse.Status {
        entry.status ?? .internalServerError
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let renderer = try ErrorRenderer(
            catalog: ErrorCatalog(id: "errata", title: "Errata", envelope: .problem, entries: [entry]),
            envelope: .problem
        )
        return Response(renderer.render(self), for: request)
    }
}
