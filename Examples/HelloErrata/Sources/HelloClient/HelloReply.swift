public import Errata
import HTTPTypes
public import HelloAPI

/// What the Hello API answered: a greeting, or one of its errors recognised as a generated case.
public enum HelloReply: Sendable {
    /// A 2xx answer: the greeting.
    case greeting(String)
    /// An error answer: the case `HelloErrors.Case` recognised, and everything the decoder read (status, code,
    /// message, `Retry-After`, the raw body).
    case error(HelloErrors.Case, DecodedError)

    /// A sentence for the user: the greeting, or what to do about the error.
    public var text: String {
        switch self {
        case .greeting(let greeting):
            return greeting
        case .error(let error, let decoded):
            return Self.explanation(of: error, decoded: decoded)
        }
    }

    /// Says what to do about each error the catalog declares, with the parameters the decoder read back as their
    /// declared types. The switch is exhaustive: when the catalog gains an entry, the generated `Case` gains a
    /// case and this stops compiling until the client handles it.
    static func explanation(of error: HelloErrors.Case, decoded: DecodedError) -> String {
        switch error {
        case .nameTooLong(let length, let maximum):
            return "Shorten the name by \(length - maximum) characters."
        case .strangerNotGreeted(let name):
            return "The server does not greet \(name)."
        case .routeNotFound:
            return "The server has no such route; is this the Hello API?"
        case .tooManyGreetings:
            let delay = decoded.retryAfter.map { "in \($0.components.seconds) seconds" } ?? "later"
            return "Try again \(delay)."
        case .internalServerError:
            return "The server failed; try again later."
        case .unrecognized(let other):
            // Another API's error (a proxy's 502), or a code a newer server added: show what it said.
            let status = other.status.map { String($0.code) } ?? "?"
            let code = other.code.map { " (\($0))" } ?? ""
            let said = other.message ?? other.title ?? other.problem.map { "unreadable body (\($0))" } ?? "no message"
            return "Unexpected error \(status)\(code): \(said)"
        }
    }
}
