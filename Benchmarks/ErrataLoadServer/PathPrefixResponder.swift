import Hummingbird

/// Sends requests whose path starts with a prefix to one responder and the rest to another: two routers in one
/// server, each with its own middleware.
///
/// A string prefix test per request, which costs every route the same.
struct PathPrefixResponder<Context>: HTTPResponder {
    let prefix: String
    let matching: any HTTPResponder<Context>
    let otherwise: any HTTPResponder<Context>

    func respond(to request: Request, context: Context) async throws -> Response {
        if request.uri.path.hasPrefix(prefix) {
            return try await matching.respond(to: request, context: context)
        }
        return try await otherwise.respond(to: request, context: context)
    }
}
