public import Errata
public import HTTPTypes

/// When and how long a client waits before repeating a request, as data.
///
/// A policy reads what the catalog and the response say: the entry's ``ErrorEntry/retry`` rule (`never`, `after`,
/// `immediately`), the status's retryability in the ``HTTPStatusRegistry`` when the response is no catalog entry,
/// the server's delay (`Retry-After` as delta-seconds or an HTTP-date, else the body's retry-after member in the
/// envelope's unit, else the IETF `RateLimit` fields), and otherwise an exponential backoff with full jitter under a
/// cap. Only requests that are safe to repeat are repeated: idempotent methods (RFC 9110 §9.2.2) and requests that
/// carry an `Idempotency-Key`, unless ``retriesNonIdempotentRequests`` says otherwise.
///
/// ```swift
/// var policy = RetryPolicy.default
/// policy.maximumAttempts = 4
/// policy.backoff = .init(base: .milliseconds(200), cap: .seconds(5))
/// ```
///
/// A decision is a pure function of the policy, the attempt and a random number, so it can be tested exactly:
/// ``decision(after:attempt:request:random:)``.
public struct RetryPolicy: Sendable {
    /// An exponential backoff with full jitter: attempt *n* waits a uniformly random time in
    /// `0 ... min(cap, base × 2ⁿ⁻¹)` (the "full jitter" of the AWS Architecture Blog's *Exponential Backoff And
    /// Jitter*), so that clients that failed together do not retry together.
    public struct Backoff: Sendable, Hashable {
        /// The ceiling of the first retry's wait.
        public var base: Duration
        /// The largest wait a backoff ever draws.
        public var cap: Duration

        /// Creates a backoff.
        public init(base: Duration = .milliseconds(100), cap: Duration = .seconds(10)) {
            self.base = base
            self.cap = cap
        }

        /// The ceiling of retry `retry`'s wait (1 for the first retry): `min(cap, base × 2^(retry − 1))`.
        public func ceiling(forRetry retry: Int) -> Duration {
            // Doubling past 2⁶² overflows; the cap is reached long before.
            let exponent = min(max(retry - 1, 0), 62)
            let scaled = base * Double(UInt64(1) << UInt64(exponent))
            return min(scaled, cap)
        }

        /// The wait for retry `retry`, given a random number in `0 ..< 1`.
        public func delay(forRetry retry: Int, random: Double) -> Duration {
            let unit = min(max(random, 0), 1)
            return ceiling(forRetry: retry) * unit
        }
    }

    /// How many times a request is sent at most, the first time included (1 never retries).
    public var maximumAttempts: Int
    /// The backoff used when the server names no delay.
    public var backoff: Backoff
    /// The longest delay a server may ask for: a response asking for more is not retried but thrown, so that a
    /// client does not sleep for an hour on a `Retry-After: 3600` without its caller knowing.
    public var maximumServerDelay: Duration
    /// Whether requests that are not idempotent and carry no `Idempotency-Key` are retried too. `false` by default:
    /// a `POST` that reached the server may have taken effect, and repeating it may do so twice.
    public var retriesNonIdempotentRequests: Bool
    /// Whether a request that failed without a response (the connection refused, dropped or timed out) is retried,
    /// with the backoff, when it is safe to repeat.
    public var retriesTransportFailures: Bool
    /// The registry whose ``HTTPStatusDefinition/isRetryable`` decides for responses that are no catalog entry.
    public var registry: HTTPStatusRegistry

    /// Creates a policy.
    public init(
        maximumAttempts: Int = 3,
        backoff: Backoff = Backoff(),
        maximumServerDelay: Duration = .seconds(60),
        retriesNonIdempotentRequests: Bool = false,
        retriesTransportFailures: Bool = true,
        registry: HTTPStatusRegistry = .standard
    ) {
        self.maximumAttempts = maximumAttempts
        self.backoff = backoff
        self.maximumServerDelay = maximumServerDelay
        self.retriesNonIdempotentRequests = retriesNonIdempotentRequests
        self.retriesTransportFailures = retriesTransportFailures
        self.registry = registry
    }

    /// Three attempts, a backoff from 100 ms capped at 10 s, server delays up to a minute.
    public static let `default` = RetryPolicy()

    /// Never retries: every request is sent once.
    public static let never = RetryPolicy(maximumAttempts: 1)

    /// Decides whether to send a request again after a failed attempt.
    ///
    /// - Parameters:
    ///   - failure: What the attempt ended with.
    ///   - attempt: The attempt that failed, 1 for the first.
    ///   - request: The request's method and header fields.
    ///   - random: A number in `0 ..< 1` for the backoff's jitter.
    /// - Returns: The wait before the next attempt, or why there is none.
    public func decision(
        after failure: RetryFailure,
        attempt: Int,
        request: HTTPRequest,
        random: Double
    ) -> RetryDecision {
        decision(after: failure, attempt: attempt, request: request, jitter: { random })
    }

    /// The decision, drawing the jitter only when a backoff delay is needed: ``CatalogClient`` passes
    /// ``RetryEnvironment/random``, whose live generator is a `getrandom` system call, measured as 3.5 % of a
    /// client's error path when it was drawn for every decision, including every `stop`.
    func decision(
        after failure: RetryFailure,
        attempt: Int,
        request: HTTPRequest,
        jitter: () -> Double
    ) -> RetryDecision {
        if attempt >= maximumAttempts { return .stop(.attemptsExhausted) }
        if !retriesNonIdempotentRequests && !Self.isSafeToRepeat(request) { return .stop(.notIdempotent) }
        var backoffDelay: Duration { backoff.delay(forRetry: attempt, random: jitter()) }
        switch failure {
        case .transport:
            return retriesTransportFailures ? .retry(after: backoffDelay, .transportFailure) : .stop(.transportFailure)
        case .response(let error):
            let serverDelay = error.retryAfter ?? RateLimitFields.delay(in: error.headerFields)
            if let serverDelay, serverDelay > maximumServerDelay { return .stop(.serverDelayTooLong) }
            // The server's own advice (`Stripe-Should-Retry`) knows this request; the catalog knows only its kind.
            if let advice = error.retryAdvice {
                guard advice else { return .stop(.serverAdvisedAgainst) }
                return .retry(after: serverDelay ?? backoffDelay, .serverAdvisedRetry)
            }
            if let retry = error.entry?.retry {
                if retry == .never { return .stop(.entryNeverRetries) }
                if retry == .immediately { return .retry(after: serverDelay ?? .zero, .entryRetriesImmediately) }
                return .retry(after: serverDelay ?? backoffDelay, serverDelay == nil ? .backoff : .serverDelay)
            }
            guard registry[error.status.code]?.isRetryable == true else { return .stop(.statusNotRetryable) }
            return .retry(after: serverDelay ?? backoffDelay, serverDelay == nil ? .backoff : .serverDelay)
        }
    }

    /// Idempotent methods (RFC 9110 §9.2.2), or any request with an `Idempotency-Key`
    /// (draft-ietf-httpapi-idempotency-key-header).
    public static func isSafeToRepeat(_ request: HTTPRequest) -> Bool {
        switch request.method {
        case .get, .head, .options, .trace, .put, .delete: return true
        default: return request.headerFields[Self.idempotencyKey] != nil
        }
    }

    /// `Idempotency-Key`.
    public static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
}
