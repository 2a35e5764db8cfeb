/// Whether to send a request again, and after how long: what ``RetryPolicy/decision(after:attempt:request:random:)``
/// returns.
public struct RetryDecision: Sendable, Hashable, CustomStringConvertible {
    /// The wait before the next attempt; `nil` when the request is not sent again.
    public let delay: Duration?
    /// Why.
    public let reason: Reason

    /// Whether the request is sent again.
    public var isRetry: Bool { delay != nil }

    /// Retry after `delay`.
    public static func retry(after delay: Duration, _ reason: Reason) -> RetryDecision {
        RetryDecision(delay: max(delay, .zero), reason: reason)
    }

    /// Do not retry.
    public static func stop(_ reason: Reason) -> RetryDecision {
        RetryDecision(delay: nil, reason: reason)
    }

    public var description: String {
        delay.map { "retry after \($0) (\(reason))" } ?? "stop (\(reason))"
    }

    /// Why a request is, or is not, sent again.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case serverDelay, backoff, entryRetriesImmediately, transportFailure
            case attemptsExhausted, notIdempotent, entryNeverRetries, statusNotRetryable, serverDelayTooLong
            case budgetExhausted, serverAdvisedRetry, serverAdvisedAgainst
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The server named the delay: `Retry-After`, the body's retry-after member, or `RateLimit`.
        public static let serverDelay = Reason(.serverDelay)
        /// The server named no delay; the policy's backoff drew one.
        public static let backoff = Reason(.backoff)
        /// The entry's rule is `immediately`.
        public static let entryRetriesImmediately = Reason(.entryRetriesImmediately)
        /// The attempt failed without a response (retried, or not when the policy says so).
        public static let transportFailure = Reason(.transportFailure)
        /// The policy's ``RetryPolicy/maximumAttempts`` were all made.
        public static let attemptsExhausted = Reason(.attemptsExhausted)
        /// The request is neither idempotent nor carries an `Idempotency-Key`.
        public static let notIdempotent = Reason(.notIdempotent)
        /// The catalog entry's rule is `never`.
        public static let entryNeverRetries = Reason(.entryNeverRetries)
        /// The response is no catalog entry and its status is not retryable.
        public static let statusNotRetryable = Reason(.statusNotRetryable)
        /// The server asked for a longer wait than ``RetryPolicy/maximumServerDelay``.
        public static let serverDelayTooLong = Reason(.serverDelayTooLong)
        /// The shared ``RetryBudget`` has no retry left.
        public static let budgetExhausted = Reason(.budgetExhausted)
        /// The server's retry header (the catalog's `retryHeader`, Stripe's `Stripe-Should-Retry: true`) says to
        /// retry, whatever the entry's rule.
        public static let serverAdvisedRetry = Reason(.serverAdvisedRetry)
        /// The server's retry header says not to retry (`Stripe-Should-Retry: false`), whatever the entry's rule.
        public static let serverAdvisedAgainst = Reason(.serverAdvisedAgainst)

        public var description: String { base.rawValue }
    }
}
