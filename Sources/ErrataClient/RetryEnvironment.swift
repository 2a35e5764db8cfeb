#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a retrying client takes from the world: how it waits, what time it is, and its randomness. Tests replace
/// all three so that waits are asserted without being waited and jitter is reproducible.
public struct RetryEnvironment: Sendable {
    /// Waits for a duration; throws `CancellationError` when the task is cancelled during the wait.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Seconds since 1970, for a `Retry-After` HTTP-date when the response has no `Date`.
    public var now: @Sendable () -> Int64
    /// A random number in `0 ..< 1`, for the backoff's jitter.
    public var random: @Sendable () -> Double

    /// Creates an environment.
    public init(
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        now: @escaping @Sendable () -> Int64,
        random: @escaping @Sendable () -> Double
    ) {
        self.sleep = sleep
        self.now = now
        self.random = random
    }

    /// `ContinuousClock`'s sleep (which honours cancellation), the system's wall clock and the system's random
    /// number generator.
    public static let live = RetryEnvironment(
        sleep: { try await ContinuousClock().sleep(for: $0) },
        now: {
            var spec = timespec()
            clock_gettime(CLOCK_REALTIME, &spec)
            return Int64(spec.tv_sec)
        },
        random: { Double.random(in: 0..<1) }
    )
}
