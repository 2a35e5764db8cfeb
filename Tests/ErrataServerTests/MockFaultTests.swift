import Errata
import ErrataCatalogs
import ErrataServer
import ErrataTools
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The mock's faults, latencies and flaky sequences, as far as a router test can see them: what is refused and
/// why, what each answer says, and that sequences and seeds are reproducible and kept apart. The faults on the
/// wire (dropped connections, cut bodies) are exercised by `ErrataClientTests`, over a real connection.
@Suite struct MockFaultTests {
    static func application() throws -> some ApplicationProtocol {
        Application(router: try ErrataServer(catalogs: ErrataServerTests.catalogs).router(logLevel: .debug))
    }

    static let prefer = HTTPField.Name("Prefer")!
    static let attempt = HTTPField.Name("Errata-Attempt")!
    static let latency = HTTPField.Name("Errata-Latency")!

    @Test(arguments: [
        ("fault=explode", "fault=explode is none of drop-before-headers, drop-after-headers, truncate, dribble"),
        ("latency=20000", "latency '20000' is not a number of milliseconds in 0...10000"),
        ("latency=uniform:50:10", "latency=uniform:50:10 has its bounds reversed"),
        ("latency=lognormal:100:99", "latency=lognormal needs a sigma in 0...10, not '99'"),
        ("latency=gamma:1:2", "latency 'gamma:1:2' is none of MS, fixed:MS, uniform:MIN:MAX, lognormal:MEDIAN:SIGMA"),
        ("fault=dribble&interval=5000", "interval=5000 is not a whole number of milliseconds in 0...1000"),
        (
            "fault=dribble&interval=1000",
            "fault=dribble at 1000 ms a byte would take 52000 ms for this 52-byte body, over the limit of 10000 ms"
        ),
    ])
    func aBadFaultIsRefusedWithWhatIsWrong(_ query: String, _ problem: String) async throws {
        try await Self.application().test(.router) { client in
            let uri = "/mock/pluralkit/MemberRefNotFound?memberRef=abcde&\(query)"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                let body = try ErrataServerTests.json(response.body)
                #expect(body["detail"] as? String == problem)
            }
        }
    }

    @Test func aDribbledAnswerIsTheWholeAnswer() async throws {
        try await Self.application().test(.router) { client in
            let uri = "/mock/pluralkit/MemberRefNotFound?memberRef=abcde&fault=dribble&interval=0"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentLength] == "52")
                #expect(
                    ErrataServerTests.text(response.body) == #"{"code":20003,"message":"Member 'abcde' not found."}"#
                )
            }
        }
    }

    @Test func theSameSeedGivesTheSameLatenciesOnEveryServer() async throws {
        func latencies(seed: String) async throws -> [String] {
            try await Self.application().test(.router) { client in
                var values: [String] = []
                for _ in 0..<4 {
                    let uri = "/mock/pluralkit/SystemNotFound?latency=uniform:0:5&seed=\(seed)"
                    let value = try await client.execute(uri: uri, method: .get) { response in
                        response.headers[Self.latency]
                    }
                    values.append(try #require(value))
                }
                return values
            }
        }
        let first = try await latencies(seed: "42")
        let again = try await latencies(seed: "42")
        #expect(again == first)
        #expect(first.allSatisfy { (Int($0) ?? -1) >= 0 && (Int($0) ?? 99) <= 5 })
        // Another seed gives another sequence (of these 6⁴ possible, the two share at most a coincidence).
        let other = try await latencies(seed: "tests-b")
        #expect(other != first)
    }

    @Test func aLatencyFromAPreferHeaderIsWaited() async throws {
        try await Self.application().test(.router) { client in
            let start = ContinuousClock.now
            let value = try await client.execute(
                uri: "/mock/pluralkit/SystemNotFound",
                method: .get,
                headers: [Self.prefer: "latency=fixed:30"]
            ) { response in
                #expect(response.status == .notFound)
                return response.headers[Self.latency]
            }
            #expect(value == "30")
            #expect(ContinuousClock.now - start >= .milliseconds(30))
        }
    }

    /// The query is read once: a control item given twice keeps its first value, and one in the query wins over
    /// the same item in the `Prefer` header.
    @Test func theQueryKeepsAControlItemsFirstValueAndWinsOverPrefer() async throws {
        try await Self.application().test(.router) { client in
            let latency = try await client.execute(
                uri: "/mock/pluralkit/TooManyRequests?retryAfter=2&retryAfter=7&latency=fixed:1&latency=fixed:40",
                method: .get,
                headers: [Self.prefer: "latency=fixed:60"]
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "2")
                #expect(
                    String(buffer: response.body) == #"{"code":0,"message":"Too many requests.","retry_after":2000}"#
                )
                return response.headers[Self.latency]
            }
            #expect(latency == "1")
        }
    }

    @Test func aFlakySequenceFailsThenSucceedsPerKey() async throws {
        try await Self.application().test(.router) { client in
            /// "status attempt body".
            func get(_ key: String) async throws -> String {
                try await client.execute(uri: "/mock/pluralkit/flaky?key=\(key)&fail=2&retryAfter=1", method: .get) {
                    "\($0.status.code) \($0.headers[Self.attempt] ?? "-") \(ErrataServerTests.text($0.body))"
                }
            }
            // Two keys, interleaved: each has its own sequence.
            let throttled = #"{"code":0,"message":"Too many requests.","retry_after":1000}"#
            var answers: [String] = []
            for key in ["a", "b", "a", "a", "a", "b"] { answers.append(try await get(key)) }
            #expect(
                answers == [
                    "429 1 \(throttled)", "429 1 \(throttled)", "429 2 \(throttled)", #"200 3 {"attempt":3}"#,
                    #"200 4 {"attempt":4}"#, "429 2 \(throttled)",
                ]
            )
        }
    }

    @Test func aFlakySequenceCanNameEachFailureAndItsEnd() async throws {
        try await Self.application().test(.router) { client in
            let uri = "/mock/batchdata/flaky?key=k&fail=ServiceUnavailable,TooManyRequests&then=InvalidToken"
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(try await client.execute(uri: uri, method: .get) { $0.status.code })
            }
            #expect(statuses == [503, 429, 401])
        }
    }

    @Test(arguments: [
        ("/mock/pluralkit/flaky?fail=2", "flaky needs key=K, so that each test's sequence is its own"),
        ("/mock/pluralkit/flaky?key=k&fail=101", "fail=101 is not a count in 0...100"),
        ("/mock/pluralkit/flaky?key=k&then=500", "then=500 is no 2xx or 3xx status nor an entry"),
    ])
    func aBadFlakySequenceIsRefused(_ uri: String, _ problem: String) async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                let body = try ErrataServerTests.json(response.body)
                #expect(body["detail"] as? String == problem)
            }
        }
    }
}
