import Errata
import ErrataClient
import HTTPTypes
import Synchronization
import Testing

/// What ``RetryPolicy`` decides from the catalog, the status registry and the response, and how
/// ``CatalogClient/execute(_:isReplayable:attempt:)`` runs it: exact waits, with an injected clock and randomness.
@Suite struct RetryPolicyTests {
    static let get = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/x")
    static let post = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/x")

    static func error(
        _ status: Int,
        _ body: String,
        headers: [(String, String)] = [],
        catalog: ErrorCatalog? = nil
    ) throws -> CatalogResponseError {
        let client = CatalogClient(catalog: try catalog ?? TestCatalogs.load(TestCatalogs.retryYAML))
        return client.error(
            status: HTTPResponse.Status(code: status),
            headerFields: TestCatalogs.headers(headers),
            body: Array(body.utf8)
        )
    }

    static func decide(
        _ error: CatalogResponseError,
        policy: RetryPolicy = .default,
        attempt: Int = 1,
        request: HTTPRequest = get,
        random: Double = 0.5
    ) -> RetryDecision {
        policy.decision(after: .response(error), attempt: attempt, request: request, random: random)
    }

    // MARK: The server's advice

    /// A catalog naming a retry header, as Stripe's does with `Stripe-Should-Retry`.
    static let adviceYAML = """
        errata: 1
        id: advice
        title: Advice
        version: 1.0.0
        retryHeader: Stripe-Should-Retry
        envelope: { format: json, body: { code: "{code}", message: "{message}" } }
        codes:
          - { name: LockTimeout, code: 1, status: 409, message: "Locked.", retry: never }
          - { name: APIFailure, code: 2, status: 500, message: "Failed.", retry: after }
        """

    @Test func theServersRetryHeaderOverridesTheEntrysRule() throws {
        let catalog = try TestCatalogs.load(Self.adviceYAML)
        let policy = RetryPolicy(maximumAttempts: 5, backoff: .init(base: .milliseconds(100), cap: .seconds(1)))
        // The entry never retries, but the server says this request may be.
        let locked = try Self.error(
            409,
            #"{"code":1,"message":"Locked."}"#,
            headers: [("Stripe-Should-Retry", "true")],
            catalog: catalog
        )
        #expect(locked.decoded.retryAdvice == true)
        #expect(Self.decide(locked, policy: policy) == .retry(after: .milliseconds(50), .serverAdvisedRetry))
        // With a Retry-After too, the delay is the server's.
        let lockedWithDelay = try Self.error(
            409,
            #"{"code":1,"message":"Locked."}"#,
            headers: [("Stripe-Should-Retry", "true"), ("Retry-After", "2")],
            catalog: catalog
        )
        #expect(Self.decide(lockedWithDelay, policy: policy) == .retry(after: .seconds(2), .serverAdvisedRetry))
        // The entry retries, but the server says not this one.
        let failed = try Self.error(
            500,
            #"{"code":2,"message":"Failed."}"#,
            headers: [("Stripe-Should-Retry", "False ")],
            catalog: catalog
        )
        #expect(failed.decoded.retryAdvice == false)
        #expect(Self.decide(failed, policy: policy) == .stop(.serverAdvisedAgainst))
        // Advice does not make a POST without an Idempotency-Key safe to repeat.
        #expect(Self.decide(locked, policy: policy, request: Self.post) == .stop(.notIdempotent))
        // A value that is not true or false says nothing: the entry's rule holds.
        let unclear = try Self.error(
            500,
            #"{"code":2,"message":"Failed."}"#,
            headers: [("Stripe-Should-Retry", "yes")],
            catalog: catalog
        )
        #expect(unclear.decoded.retryAdvice == nil)
        #expect(Self.decide(unclear, policy: policy) == .retry(after: .milliseconds(50), .backoff))
    }

    @Test func aCatalogWithoutARetryHeaderIgnoresOne() throws {
        let throttled = try Self.error(
            409,
            #"{"code":1,"message":"Out of stock."}"#,
            headers: [("Stripe-Should-Retry", "true")]
        )
        #expect(throttled.decoded.retryAdvice == nil)
        #expect(Self.decide(throttled) == .stop(.entryNeverRetries))
    }

    // MARK: The entry's rule

    @Test func anEntryThatNeverRetriesIsNotRetriedEvenOnARetryableStatus() throws {
        let outOfStock = try Self.error(409, #"{"code":1,"message":"Out of stock."}"#)
        #expect(outOfStock.entry?.name == "OutOfStock")
        #expect(Self.decide(outOfStock) == .stop(.entryNeverRetries))
        // 503 is retryable in the registry, but this catalog's 503 entry says never.
        let down = try Self.error(503, #"{"code":4,"message":"Down for maintenance."}"#)
        #expect(Self.decide(down) == .stop(.entryNeverRetries))
    }

    @Test func anEntryThatRetriesImmediatelyWaitsNothing() throws {
        let race = try Self.error(409, #"{"code":3,"message":"Try again."}"#)
        #expect(Self.decide(race) == .retry(after: .zero, .entryRetriesImmediately))
    }

    @Test func anEntryThatRetriesAfterWaitsTheRetryAfterHeader() throws {
        let throttled = try Self.error(429, #"{"code":2,"message":"Slow down."}"#, headers: [("Retry-After", "7")])
        #expect(Self.decide(throttled) == .retry(after: .seconds(7), .serverDelay))
    }

    @Test func aRetryAfterDateIsRelativeToTheResponsesDate() throws {
        let throttled = try Self.error(
            429,
            #"{"code":2,"message":"Slow down."}"#,
            headers: [("Retry-After", "Sun, 06 Nov 1994 08:50:27 GMT"), ("Date", "Sun, 06 Nov 1994 08:49:37 GMT")]
        )
        #expect(Self.decide(throttled) == .retry(after: .seconds(50), .serverDelay))
        // Without a Date, relative to the environment's clock (which RecordingEnvironment fixes at 08:49:37).
        let recording = RecordingEnvironment()
        let client = CatalogClient(
            catalog: try TestCatalogs.load(TestCatalogs.retryYAML),
            environment: recording.environment
        )
        let noDate = client.error(
            status: .tooManyRequests,
            headerFields: TestCatalogs.headers([("Retry-After", "Sun, 06 Nov 1994 08:49:47 GMT")]),
            body: Array(#"{"code":2,"message":"Slow down."}"#.utf8)
        )
        #expect(Self.decide(noDate) == .retry(after: .seconds(10), .serverDelay))
    }

    @Test func theBodysRetryMemberCountsInTheEnvelopesUnit() throws {
        // This catalog's `retry_in` is in seconds …
        let seconds = try Self.error(429, #"{"code":2,"message":"Slow down.","retry_in":3}"#)
        #expect(Self.decide(seconds) == .retry(after: .seconds(3), .serverDelay))
        // … and PluralKit's `retry_after` in milliseconds.
        let pluralKit = try Self.error(
            429,
            #"{"code":0,"message":"Too many requests.","retry_after":1500}"#,
            catalog: TestCatalogs.bundled("pluralkit")
        )
        #expect(pluralKit.entry?.name == "TooManyRequests")
        #expect(Self.decide(pluralKit) == .retry(after: .milliseconds(1500), .serverDelay))
    }

    @Test func withoutAServerDelayTheBackoffIsFullJitterUnderTheCap() throws {
        let throttled = try Self.error(429, #"{"code":2,"message":"Slow down."}"#)
        let policy = RetryPolicy(maximumAttempts: 10, backoff: .init(base: .milliseconds(100), cap: .seconds(1)))
        #expect(
            Self.decide(throttled, policy: policy, attempt: 1, random: 0.5)
                == .retry(after: .milliseconds(50), .backoff)
        )
        #expect(
            Self.decide(throttled, policy: policy, attempt: 3, random: 0.5)
                == .retry(after: .milliseconds(200), .backoff)
        )
        #expect(Self.decide(throttled, policy: policy, attempt: 3, random: 0) == .retry(after: .zero, .backoff))
        // 100 ms × 2⁷ = 12.8 s, capped at 1 s.
        #expect(
            Self.decide(throttled, policy: policy, attempt: 8, random: 0.75)
                == .retry(after: .milliseconds(750), .backoff)
        )
        #expect(policy.backoff.ceiling(forRetry: 1_000) == .seconds(1))
    }

    // MARK: Responses that are no entry

    @Test(arguments: [(503, true), (502, true), (429, true), (500, true), (404, false), (400, false), (501, false)])
    func anUnrecognisedResponseRetriesByTheStatusRegistry(_ status: Int, _ isRetried: Bool) throws {
        let html = try Self.error(status, "<html>proxy error</html>")
        #expect(html.entry == nil)
        let decision = Self.decide(html)
        #expect(decision.isRetry == isRetried)
        if !isRetried { #expect(decision == .stop(.statusNotRetryable)) }
    }

    @Test func aNewerServersUnknownCodeIsRetriedOnlyByItsStatus() throws {
        let unknown = try Self.error(503, #"{"code":99,"message":"Something new."}"#, headers: [("Retry-After", "2")])
        #expect(unknown.entry == nil)
        #expect(unknown.decoded.code == .integer(99))
        #expect(Self.decide(unknown) == .retry(after: .seconds(2), .serverDelay))
    }

    // MARK: RateLimit fields

    @Test(arguments: [
        ([("RateLimit", #""default";r=0;t=12"#)], Duration.seconds(12)),
        ([("RateLimit", #""burst";r=5;t=1, "daily";r=0;t=40"#)], .seconds(40)),
        ([("RateLimit", #""default";r=0"#), ("RateLimit-Policy", #""default";q=100;w=30"#)], .seconds(30)),
        ([("RateLimit", "limit=100, remaining=0, reset=9")], .seconds(9)),
        // Retry-After wins over RateLimit.
        ([("RateLimit", #""default";r=0;t=12"#), ("Retry-After", "3")], .seconds(3)),
    ])
    func anExhaustedRateLimitQuotaGivesTheWait(_ headers: [(String, String)], _ wait: Duration) throws {
        let throttled = try Self.error(429, #"{"code":2,"message":"Slow down."}"#, headers: headers)
        #expect(Self.decide(throttled) == .retry(after: wait, .serverDelay))
    }

    @Test(arguments: [
        #""default";r=3;t=12"#, "not a structured field ;;; ==", #""default";r=0;t=-4"#, "remaining=1, reset=5",
    ])
    func aRateLimitWithQuotaLeftOrUnreadableLeavesTheBackoff(_ value: String) throws {
        let throttled = try Self.error(429, #"{"code":2,"message":"Slow down."}"#, headers: [("RateLimit", value)])
        #expect(Self.decide(throttled, random: 0.5) == .retry(after: .milliseconds(50), .backoff))
    }

    // MARK: Which requests are repeated

    @Test func aPostIsRetriedOnlyWithAnIdempotencyKeyOrWhenTheCallerSaysSo() throws {
        let throttled = try Self.error(429, #"{"code":2,"message":"Slow down."}"#, headers: [("Retry-After", "1")])
        #expect(Self.decide(throttled, request: Self.post) == .stop(.notIdempotent))
        var keyed = Self.post
        keyed.headerFields[RetryPolicy.idempotencyKey] = "8e03978e-40d5-43e8-bc93-6894a57f9324"
        #expect(Self.decide(throttled, request: keyed) == .retry(after: .seconds(1), .serverDelay))
        var policy = RetryPolicy.default
        policy.retriesNonIdempotentRequests = true
        #expect(Self.decide(throttled, policy: policy, request: Self.post) == .retry(after: .seconds(1), .serverDelay))
        for method in [HTTPRequest.Method.put, .delete, .head, .options] {
            let request = HTTPRequest(method: method, scheme: nil, authority: nil, path: "/x")
            #expect(RetryPolicy.isSafeToRepeat(request), "\(method)")
        }
        #expect(!RetryPolicy.isSafeToRepeat(HTTPRequest(method: .patch, scheme: nil, authority: nil, path: "/x")))
    }

    @Test func theLastAttemptAndTooLongAServerDelayAreNotRetried() throws {
        let throttled = try Self.error(429, #"{"code":2,"message":"Slow down."}"#, headers: [("Retry-After", "3600")])
        #expect(Self.decide(throttled) == .stop(.serverDelayTooLong))
        let soon = try Self.error(429, #"{"code":2,"message":"Slow down."}"#, headers: [("Retry-After", "1")])
        #expect(Self.decide(soon, attempt: 3) == .stop(.attemptsExhausted))
        #expect(Self.decide(soon, policy: .never) == .stop(.attemptsExhausted))
    }

    // MARK: The loop

    struct Dropped: Error {}

    @Test func theLoopWaitsWhatEachResponseSaysAndReturnsTheSuccess() async throws {
        let recording = RecordingEnvironment(randoms: [0.25])
        let client = CatalogClient(
            catalog: try TestCatalogs.load(TestCatalogs.retryYAML),
            retryPolicy: RetryPolicy(maximumAttempts: 4),
            environment: recording.environment
        )
        let attempts = Mutex<[Int]>([])
        let result = try await client.execute(Self.get) { number in
            attempts.withLock { $0.append(number) }
            switch number {
            case 1: throw Dropped()
            case 2:
                throw client.error(
                    status: .tooManyRequests,
                    headerFields: TestCatalogs.headers([("Retry-After", "2")]),
                    body: Array(#"{"code":2,"message":"Slow down."}"#.utf8)
                )
            case 3:
                throw client.error(
                    status: .conflict,
                    headerFields: [:],
                    body: Array(#"{"code":3,"message":"Try again."}"#.utf8)
                )
            default: return "done"
            }
        }
        #expect(result == "done")
        #expect(attempts.withLock { $0 } == [1, 2, 3, 4])
        // Backoff for the dropped connection (100 ms × 0.25), the server's 2 s, and nothing for `immediately`
        // (a zero wait is not slept).
        #expect(recording.recordedSleeps == [.milliseconds(25), .seconds(2)])
    }

    @Test func theJitterIsDrawnOnlyForABackoff() async throws {
        let recording = RecordingEnvironment(randoms: [0.25, 0.5, 0.75])
        let client = CatalogClient(
            catalog: try TestCatalogs.load(TestCatalogs.retryYAML),
            retryPolicy: RetryPolicy(maximumAttempts: 4),
            environment: recording.environment
        )
        // A backoff (draws one), the server's delay, an `immediately` entry and the last attempt's stop (none).
        await #expect(throws: CatalogResponseError.self) {
            _ = try await client.execute(Self.get) { number -> Int in
                switch number {
                case 1: throw Dropped()
                case 2:
                    throw client.error(
                        status: .tooManyRequests,
                        headerFields: TestCatalogs.headers([("Retry-After", "2")]),
                        body: Array(#"{"code":2,"message":"Slow down."}"#.utf8)
                    )
                default:
                    throw client.error(
                        status: .conflict,
                        headerFields: [:],
                        body: Array(#"{"code":3,"message":"Try again."}"#.utf8)
                    )
                }
            }
        }
        #expect(recording.recordedSleeps == [.milliseconds(25), .seconds(2)])
        #expect(recording.remainingRandoms == [0.5, 0.75])

        let once = CatalogClient(decoder: client.decoder, retryPolicy: .never, environment: recording.environment)
        await #expect(throws: Dropped.self) { _ = try await once.execute(Self.get) { _ -> Int in throw Dropped() } }
        #expect(recording.remainingRandoms == [0.5, 0.75])
    }

    @Test func theLastErrorIsThrownWithItsAttemptCount() async throws {
        let recording = RecordingEnvironment()
        let client = CatalogClient(
            catalog: try TestCatalogs.load(TestCatalogs.retryYAML),
            environment: recording.environment
        )
        await #expect {
            _ = try await client.execute(Self.get) { _ -> Int in
                throw client.error(
                    status: .tooManyRequests,
                    headerFields: TestCatalogs.headers([("Retry-After", "1")]),
                    body: Array(#"{"code":2,"message":"Slow down."}"#.utf8)
                )
            }
        } throws: { error in
            let error = error as? CatalogResponseError
            return error?.entry?.name == "Throttled" && error?.attempts == 3
        }
        #expect(recording.recordedSleeps == [.seconds(1), .seconds(1)])
    }

    @Test func aSharedBudgetStopsRetriesWhenItRunsOut() async throws {
        let recording = RecordingEnvironment()
        let budget = RetryBudget(maximumTokens: 2, depositPerRequest: 0.5)
        let client = CatalogClient(
            catalog: try TestCatalogs.load(TestCatalogs.retryYAML),
            retryPolicy: RetryPolicy(maximumAttempts: 10),
            budget: budget,
            environment: recording.environment
        )
        let count = Mutex(0)
        await #expect(throws: Dropped.self) {
            _ = try await client.execute(Self.get) { _ -> Int in
                count.withLock { $0 += 1 }
                throw Dropped()
            }
        }
        // Full at 2 tokens (the first attempt's deposit is capped): two retries, then none.
        #expect(count.withLock { $0 } == 3)
        #expect(budget.balance == 0)
        #expect(!budget.withdraw())
        budget.deposit()
        budget.deposit()
        #expect(budget.balance == 1)
    }

    @Test func aOneShotBodyIsSentOnce() async throws {
        let client = CatalogClient(
            catalog: try TestCatalogs.load(TestCatalogs.retryYAML),
            environment: RecordingEnvironment().environment
        )
        let count = Mutex(0)
        await #expect(throws: Dropped.self) {
            _ = try await client.execute(Self.get, isReplayable: false) { _ -> Int in
                count.withLock { $0 += 1 }
                throw Dropped()
            }
        }
        #expect(count.withLock { $0 } == 1)
    }

    @Test func cancellationDuringAWaitEndsTheLoop() async throws {
        let client = CatalogClient(
            catalog: try TestCatalogs.load(TestCatalogs.retryYAML),
            retryPolicy: RetryPolicy(maximumAttempts: 100),
            // A real wait, long enough that only cancellation ends it.
            environment: RetryEnvironment(
                sleep: { _ in try await Task.sleep(for: .seconds(60)) },
                now: { 0 },
                random: { 0.5 }
            )
        )
        let count = Mutex(0)
        let task = Task {
            try await client.execute(Self.get) { _ -> Int in
                count.withLock { $0 += 1 }
                throw Dropped()
            }
        }
        while count.withLock({ $0 }) == 0 { await Task.yield() }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(count.withLock { $0 } == 1)
    }
}
