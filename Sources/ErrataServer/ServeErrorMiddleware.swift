import Errata
import Hummingbird
import Logging
import NIOCore

/// Answers `errata serve`'s own bad requests (unknown catalog, missing parameter, …) as RFC 9457 problems.
///
/// Mock answers are ordinary responses and pass through untouched.
struct ServeErrorMiddleware: RouterMiddleware {
    typealias Context = ServeRequestContext

    let renderer: ErrorRenderer

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
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
