import Errata
import ErrataHummingbird
import HelloAPI
public import Hummingbird

/// The Hello API: `GET /hello/{name}` greets, or answers with one of the catalog's errors.
///
/// Routes throw the constructors generated from `hello.errata.yaml` (`HelloErrors.nameTooLong(…)`);
/// `ErrataMiddleware` renders them as the catalog documents, answers unmatched paths with the catalog's 404 entry,
/// and turns every other error into `InternalServerError` without letting its text reach the client.
public enum HelloRouter {
    /// The router, for an `Application` or for tests.
    ///
    /// - Throws: `ErrorRenderer.ConfigurationError` when the catalog has no entry for internal errors (it has).
    public static func build() throws -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: try ErrataMiddleware(catalog: HelloErrors.catalog))
        router.get("hello/:name") { _, context -> String in
            let name = try context.parameters.require("name")
            guard name.count <= Hello.maximumNameLength else {
                throw HelloErrors.nameTooLong(length: name.count, maximum: Hello.maximumNameLength)
            }
            guard name != "stranger" else {
                throw HelloErrors.strangerNotGreeted(name: name)
            }
            return "Hello, \(name)!"
        }
        // Always busy: shows how `retry: after` becomes a `Retry-After` header.
        router.get("busy") { _, _ -> String in
            throw HelloErrors.tooManyGreetings.with(retryAfter: .seconds(30))
        }
        // A failure that is not a catalog error, as a database driver would throw it.
        router.get("fail") { _, _ -> String in
            throw GreetingStoreError(reason: "connection to greetings-db:5432 refused")
        }
        return router
    }
}

/// An internal failure with details the client must never see; `ErrataMiddleware` logs it and answers with the
/// catalog's `InternalServerError`.
struct GreetingStoreError: Error, CustomStringConvertible {
    var reason: String

    var description: String { "greeting store unavailable: \(reason)" }
}
