import HelloAPI
import HelloServer
import Hummingbird

/// Serves the Hello API on 127.0.0.1, port 8080 or the one given as the first argument.
@main struct HelloServerMain {
    static func main() async throws {
        let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? Hello.defaultPort
        let app = Application(
            router: try HelloRouter.build(),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "hello-server")
        )
        try await app.runService()
    }
}
