import Errata
import ErrataClient
import Foundation
import HTTPTypes
import HelloAPI
import HelloClient
import HelloServer
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// The client's reading of error responses: the generated cases with their typed parameters, and what it makes of
/// errors the catalog does not know.
@Suite struct HelloClientTests {
    /// The server's answers, read back through HummingbirdTesting's router client.
    @Test func recognisesEachOfTheServersErrors() async throws {
        let app = Application(router: try HelloRouter.build())
        try await app.test(.router) { client in
            let stranger = try await client.execute(uri: "/hello/stranger", method: .get)
            guard case .error(.strangerNotGreeted(let name), _) = reply(to: stranger) else {
                Issue.record("not strangerNotGreeted: \(reply(to: stranger))")
                return
            }
            #expect(name == "stranger")

            let long = try await client.execute(uri: "/hello/" + String(repeating: "b", count: 23), method: .get)
            guard case .error(.nameTooLong(let length, let maximum), _) = reply(to: long) else {
                Issue.record("not nameTooLong: \(reply(to: long))")
                return
            }
            #expect(length == 23)
            #expect(maximum == Hello.maximumNameLength)
            #expect(reply(to: long).text == "Shorten the name by 3 characters.")

            let busy = try await client.execute(uri: "/busy", method: .get)
            guard case .error(.tooManyGreetings, let decoded) = reply(to: busy) else {
                Issue.record("not tooManyGreetings: \(reply(to: busy))")
                return
            }
            #expect(decoded.retryAfter == .seconds(30))
            #expect(reply(to: busy).text == "Try again in 30 seconds.")

            let nowhere = try await client.execute(uri: "/nowhere", method: .get)
            guard case .error(.routeNotFound, _) = reply(to: nowhere) else {
                Issue.record("not routeNotFound: \(reply(to: nowhere))")
                return
            }

            let failure = try await client.execute(uri: "/fail", method: .get)
            guard case .error(.internalServerError, _) = reply(to: failure) else {
                Issue.record("not internalServerError: \(reply(to: failure))")
                return
            }
        }
    }

    /// A code a newer server added: in the catalog's envelope, but unknown to this version of the catalog.
    @Test func aCodeFromANewerServerIsUnrecognized() {
        let body =
            #"{"type":"https://example.com/hello/errors#NameReserved","title":"Name reserved","status":409,"#
            + #""detail":"The name 'admin' is reserved.","code":"HELLO_NAME_RESERVED"}"#
        let reply = HelloClient.reply(
            status: .conflict,
            headerFields: [.contentType: "application/problem+json"],
            body: Array(body.utf8)
        )
        guard case .error(.unrecognized(let decoded), _) = reply else {
            Issue.record("not unrecognized: \(reply)")
            return
        }
        #expect(decoded.code == .string("HELLO_NAME_RESERVED"))
        #expect(decoded.message == "The name 'admin' is reserved.")
        #expect(reply.text == "Unexpected error 409 (HELLO_NAME_RESERVED): The name 'admin' is reserved.")
    }

    /// Another API's error, from a proxy in front of the server.
    @Test func aProxysErrorIsUnrecognized() {
        let reply = HelloClient.reply(
            status: .badGateway,
            headerFields: [.contentType: "application/json"],
            body: Array(#"{"message":"upstream timed out"}"#.utf8)
        )
        guard case .error(.unrecognized, _) = reply else {
            Issue.record("not unrecognized: \(reply)")
            return
        }
        #expect(reply.text == "Unexpected error 502: upstream timed out")
    }

    /// The whole way: hello-server's router on a real port, and the client over URLSession.
    @Test func greetsAndRecognisesErrorsOverTheNetwork() async throws {
        let app = Application(
            router: try HelloRouter.build(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0))
        )
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // Waits are recorded, not waited: the 429 says 30 seconds, and the test takes none of them.
            let waits = Mutex<[Duration]>([])
            let hello = HelloClient(
                baseURL: try #require(URL(string: "http://127.0.0.1:\(port)")),
                environment: RetryEnvironment(
                    sleep: { duration in waits.withLock { $0.append(duration) } },
                    now: { 0 },
                    random: { 0.5 }
                )
            )

            let greeting = try await hello.greet("Ann")
            #expect(greeting.text == "Hello, Ann!")

            let refusal = try await hello.greet("stranger")
            guard case .error(.strangerNotGreeted(let name), _) = refusal else {
                Issue.record("not strangerNotGreeted: \(refusal)")
                return
            }
            #expect(name == "stranger")

            let busy = try await hello.get("busy")
            #expect(busy.text == "Try again in 30 seconds.")
            // TooManyGreetings is `retry: after`: the client retried twice, each time after the server's 30 s.
            #expect(waits.withLock { $0 } == [.seconds(30), .seconds(30)])
            // StrangerNotGreeted is `retry: never`: no wait for it.
        }
    }

    private func reply(to response: TestResponse) -> HelloReply {
        HelloClient.reply(status: response.status, headerFields: response.headers, body: Array(buffer: response.body))
    }
}
