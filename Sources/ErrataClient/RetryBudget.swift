import Synchronization

/// A budget of retries shared by the requests of one client, so that a failing server is not sent a multiple of
/// its normal load.
///
/// A token bucket, as in gRPC's retry throttling and Finagle's retry budgets: it holds at most
/// ``maximumTokens``, starts full, gains ``depositPerRequest`` with every request sent for the first time, and each
/// retry spends one token; a retry is allowed only while a whole token is left. In the long run, retries are at most
/// `depositPerRequest` of requests (10 % by default) plus a burst of `maximumTokens`.
///
/// It is a class because the budget is state that every request of a client shares; a `Mutex` keeps it safe to
/// share between tasks.
public final class RetryBudget: Sendable {
    /// The most tokens the budget holds (the burst of retries it allows).
    public let maximumTokens: Double
    /// The tokens a first attempt adds.
    public let depositPerRequest: Double

    private let tokens: Mutex<Double>

    /// Creates a full budget.
    ///
    /// - Parameters:
    ///   - maximumTokens: The most tokens the budget holds; at least 1.
    ///   - depositPerRequest: The tokens each first attempt adds, in `0 ... 1`.
    public init(maximumTokens: Double = 10, depositPerRequest: Double = 0.1) {
        self.maximumTokens = max(1, maximumTokens)
        self.depositPerRequest = min(max(0, depositPerRequest), 1)
        self.tokens = Mutex(self.maximumTokens)
    }

    /// The tokens left.
    public var balance: Double { tokens.withLock { $0 } }

    /// Records a first attempt.
    public func deposit() {
        tokens.withLock { $0 = min(maximumTokens, $0 + depositPerRequest) }
    }

    /// Spends a token for a retry, if one is left.
    ///
    /// - Returns: Whether the retry may go ahead.
    public func withdraw() -> Bool {
        tokens.withLock { tokens in
            guard tokens >= 1 else { return false }
            tokens -= 1
            return true
        }
    }
}
