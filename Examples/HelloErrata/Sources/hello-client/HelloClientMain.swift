import ErrataClient
import Foundation
import HelloAPI
import HelloClient

/// `hello-client NAME [BASE-URL]`: asks hello-server to greet NAME and prints the greeting, or what the error means.
///
/// A NAME starting with `/` is sent as a path (`/busy`, `/fail`, `/nowhere`). Exits 1 when the server answered with
/// an error, 2 when it did not answer.
@main struct HelloClientMain {
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first else {
            print("usage: hello-client NAME [BASE-URL]")
            exit(2)
        }
        let base = arguments.dropFirst().first ?? "http://127.0.0.1:\(Hello.defaultPort)"
        guard let baseURL = URL(string: base) else {
            print("error: '\(base)' is not a URL")
            exit(2)
        }
        // Retried as the catalog says, but a person at a terminal is not kept waiting: an answer that asks for more
        // than 5 s (`/busy` asks for 30) is shown at once instead of waited for.
        let client = HelloClient(baseURL: baseURL, retryPolicy: RetryPolicy(maximumServerDelay: .seconds(5)))
        do {
            let reply =
                name.hasPrefix("/") ? try await client.get(String(name.dropFirst())) : try await client.greet(name)
            print(reply.text)
            if case .error = reply { exit(1) }
        } catch {
            print("error: no answer from \(base): \(error)")
            exit(2)
        }
    }
}
