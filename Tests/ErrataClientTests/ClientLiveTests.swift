import AsyncHTTPClient
import Errata
import ErrataAsyncHTTPClient
import ErrataClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The clients as a user runs them: URLSession and AsyncHTTPClient against a live `errata serve` on loopback, with
/// its faults and its flaky sequences. Waits are recorded by an injected environment, so the tests are fast and the
/// waits are asserted.
@Suite(.timeLimit(.minutes(2))) struct ClientLiveTests {
    /// The two transports, behind one signature: send a GET, get the status and body of the success.
    enum Transport: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case urlSession, asyncHTTPClient

        var testDescription: String { rawValue }

        func get(_ url: String, headers: [String: String] = [:], client: CatalogClient) async throws -> (Int, String) {
            switch self {
            case .urlSession:
                var request = URLRequest(url: URL(string: url)!)
                request.timeoutInterval = 10
                for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
                let (data, response) = try await ClientLiveTests.session.data(for: request, errors: client)
                return (response.statusCode, String(decoding: data, as: UTF8.self))
            case .asyncHTTPClient:
                var request = HTTPClientRequest(url: url)
                for (name, value) in headers { request.headers.add(name: name, value: value) }
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10), errors: client)
                let body = try await response.body.collect(upTo: 1 << 20)
                return (Int(response.status.code), String(buffer: body))
            }
        }
    }

    /// An ephemeral session: no cache, no cookies between tests.
    static let session = URLSession(configuration: .ephemeral)

    static func client(
        _ recording: RecordingEnvironment,
        catalog: ErrorCatalog,
        policy: RetryPolicy = .default
    ) -> CatalogClient {
        CatalogClient(catalog: catalog, retryPolicy: policy, environment: recording.environment)
    }

    static func key() -> String { UUID().uuidString }

    @Test(arguments: Transport.allCases)
    func anErrorComesBackAsTheTypedCatalogError(_ transport: Transport) async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        let recording = RecordingEnvironment()
        try await LiveServer.run(catalogs: [catalog]) { base in
            await #expect {
                _ = try await transport.get(
                    "\(base)/mock/pluralkit/MemberRefNotFound?memberRef=abc",
                    client: Self.client(recording, catalog: catalog)
                )
            } throws: { error in
                guard let error = error as? CatalogResponseError else { return false }
                return error.entry?.name == "MemberRefNotFound" && error.decoded.parameters == ["memberRef": "abc"]
                    && error.status == .notFound && error.attempts == 1
                    && error.headerFields[.contentType]?.hasPrefix("application/json") == true
                    && String(decoding: error.body, as: UTF8.self).contains(#""code":20003"#)
            }
        }
        // A 404 that never retries was sent once and never waited.
        #expect(recording.recordedSleeps.isEmpty)
    }

    @Test(arguments: Transport.allCases)
    func twoRateLimitsThenSuccessWaitTheServersDelays(_ transport: Transport) async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        let recording = RecordingEnvironment()
        let (status, body) = try await LiveServer.run(catalogs: [catalog]) { base in
            try await transport.get(
                "\(base)/mock/pluralkit/flaky?key=\(Self.key())&fail=2&then=200&retryAfter=2",
                client: Self.client(recording, catalog: catalog)
            )
        }
        #expect(status == 200)
        #expect(body == #"{"attempt":3}"#)
        // Each 429 said two seconds (Retry-After: 2, and retry_after: 2000 in the body).
        #expect(recording.recordedSleeps == [.seconds(2), .seconds(2)])
    }

    @Test(arguments: Transport.allCases)
    func connectionsDroppedOrCutShortAreRetriedWithTheBackoff(_ transport: Transport) async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        let recording = RecordingEnvironment(randoms: [0.5, 0.5, 0.5])
        let policy = RetryPolicy(maximumAttempts: 4, backoff: .init(base: .milliseconds(100), cap: .seconds(1)))
        let (status, body) = try await LiveServer.run(catalogs: [catalog]) { base in
            try await transport.get(
                "\(base)/mock/pluralkit/flaky?key=\(Self.key())&fail=drop-before-headers,drop-after-headers,truncate",
                client: Self.client(recording, catalog: catalog, policy: policy)
            )
        }
        #expect(status == 200)
        #expect(body == #"{"attempt":4}"#)
        #expect(recording.recordedSleeps == [.milliseconds(50), .milliseconds(100), .milliseconds(200)])
    }

    @Test(arguments: Transport.allCases)
    func aDroppedConnectionIsThrownAsItsOwnErrorWhenNotRetried(_ transport: Transport) async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        let recording = RecordingEnvironment()
        try await LiveServer.run(catalogs: [catalog]) { base in
            await #expect {
                _ = try await transport.get(
                    "\(base)/mock/pluralkit/TooManyRequests?fault=drop-before-headers",
                    client: Self.client(recording, catalog: catalog, policy: .never)
                )
            } throws: { error in
                !(error is CatalogResponseError)
            }
        }
        #expect(recording.recordedSleeps.isEmpty)
    }

    @Test(arguments: Transport.allCases)
    func aDribbledErrorStillDecodes(_ transport: Transport) async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        try await LiveServer.run(catalogs: [catalog]) { base in
            await #expect {
                _ = try await transport.get(
                    "\(base)/mock/pluralkit/SystemNotFound?fault=dribble&interval=1",
                    client: Self.client(RecordingEnvironment(), catalog: catalog)
                )
            } throws: { error in
                (error as? CatalogResponseError)?.entry?.name == "SystemNotFound"
            }
        }
    }

    @Test(arguments: Transport.allCases)
    func aNewerServersUnknownCodeIsUnrecognisedNotAFailure(_ transport: Transport) async throws {
        // The server's catalog has an entry the client's does not: a newer release of the same API.
        let old = try TestCatalogs.bundled("pluralkit")
        let newer = ErrorCatalog(
            id: old.id,
            title: old.title,
            version: "1.1.0",
            docs: old.docs,
            envelope: old.envelope,
            groups: old.groups,
            entries: old.entries + [
                ErrorEntry(
                    name: "MemberArchived",
                    code: .integer(20099),
                    status: .gone,
                    title: "Member archived",
                    message: try MessageTemplate("Member archived.")
                )
            ]
        )
        try await LiveServer.run(catalogs: [newer]) { base in
            await #expect {
                _ = try await transport.get(
                    "\(base)/mock/pluralkit/MemberArchived",
                    client: Self.client(RecordingEnvironment(), catalog: old)
                )
            } throws: { error in
                guard let error = error as? CatalogResponseError else { return false }
                return !error.isRecognized && error.decoded.code == .integer(20099)
                    && error.decoded.message == "Member archived." && error.status == .gone
            }
        }
    }

    @Test(arguments: Transport.allCases)
    func cancellingAWaitingRequestEndsItAtOnce(_ transport: Transport) async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        try await LiveServer.run(catalogs: [catalog]) { base in
            let started = ContinuousClock.now
            let task = Task {
                try await transport.get(
                    "\(base)/mock/pluralkit/flaky?key=\(Self.key())&fail=5&retryAfter=30",
                    client: CatalogClient(catalog: catalog)
                )
            }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            await #expect(throws: CancellationError.self) { _ = try await task.value }
            // The live environment was asked to wait 30 s; cancellation ended the wait.
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }
}
