import Errata
import Hummingbird
import Logging
import NIOCore

/// Logs each request of `errata serve` and answers its own bad requests (unknown catalog, missing parameter, …) as
/// RFC 9457 problems.
///
/// Mock answers are ordinary responses and pass through untouched. The request log line is Hummingbird's
/// `LogRequestsMiddleware`'s (`Request`, with `hb.request.path` and `hb.request.method`), written here rather than
/// by that middleware in front of this one: one middleware fewer on every request measured 100–280 ns faster of a
/// mock answer's 3 µs in process (interleaved A/B runs).
struct ServeErrorMiddleware: RouterMiddleware {
    typealias Context = ServeRequestContext

    /// The level each request is logged at.
    let logLevel: Logger.Level
    let renderer: ErrorRenderer

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        context.logger.log(
            level: logLevel,
            "Request",
            metadata: [
                "hb.request.path": .stringConvertible(request.uri),
                "hb.request.method": .string(request.method.rawValue),
            ]
        )
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Self.response(renderer.render(error))
        } catch let error as HTTPError where error.status == .notFound {
            return Self.response(renderer.render(ServeErrors.error("NotFound", ["path": request.uri.path])))
        } catch {
            context.logger.error("errata serve failed: \(error)")
            return Self.response(renderer.render(error))
        }
    }

    static func response(_ rendered: RenderedError) -> Response {
        Response(
            status: rendered.status,
            headers: rendered.headerFields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: rendered.body))
        )
    }
}
