import ErrataClient
import Synchronization

/// A ``RetryEnvironment`` that records every wait instead of waiting, at a fixed time, with scripted randomness:
/// the retry tests assert the waits exactly and run in no time.
final class RecordingEnvironment: Sendable {
    let sleeps = Mutex<[Duration]>([])
    let randoms: Mutex<[Double]>
    /// Seconds since 1970 (Sun, 06 Nov 1994 08:49:37 GMT).
    let now: Int64

    init(randoms: [Double] = [], now: Int64 = 784_111_777) {
        self.randoms = Mutex(randoms)
        self.now = now
    }

    var recordedSleeps: [Duration] { sleeps.withLock { $0 } }

    /// The scripted random numbers not drawn yet.
    var remainingRandoms: [Double] { randoms.withLock { $0 } }

    var environment: RetryEnvironment {
        RetryEnvironment(
            sleep: { duration in
                self.sleeps.withLock { $0.append(duration) }
                // A real suspension point, so cancellation is seen as it would be in a real wait.
                try Task.checkCancellation()
                await Task.yield()
                try Task.checkCancellation()
            },
            now: { self.now },
            random: { self.randoms.withLock { $0.isEmpty ? 0.5 : $0.removeFirst() } }
        )
    }
}
