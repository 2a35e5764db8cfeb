import Hummingbird

/// The error the floor route throws: nothing in it, nothing to render.
package struct FloorError: Error {
    package init() {}
}

/// Answers ``FloorError`` with the catalog route's answer, fixed: the same status, `Content-Type` and 52 bytes,
/// built once. What any error middleware costs on Hummingbird, and nothing more: a thrown error caught, a response
/// handed out; nothing looked up, rendered, counted or logged. The catalog route over this one is what Errata's
/// error path costs (`load.sh` on the wire, `ErrataMiddlewareBenchmarks` in process).
package struct FloorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The catalog route's body for `/catalog/abcde`, byte for byte.
    package static var body: String { #"{"code":20003,"message":"Member 'abcde' not found."}"# }

    let buffer = ByteBuffer(string: Self.body)
    /// With `Content-Length` already there, so that Hummingbird's `Response` leaves the fields as they are.
    let headers: HTTPFields = [.contentType: "application/json", .contentLength: String(Self.body.utf8.count)]

    package init() {}

    package func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is FloorError {
            return Response(status: .notFound, headers: headers, body: ResponseBody(byteBuffer: buffer))
        }
    }
}
