import Synchronization

/// What `errata serve` remembers between mock requests: how far each `flaky` sequence has got, and each `seed=`'s
/// random number generator. Both are keyed by the client's own `key=` and `seed=`, so that tests running in
/// parallel against one server do not see each other's answers.
///
/// A class because it is state shared by every request of one server; a `Mutex` makes that safe. Each map holds
/// at most ``capacity`` keys: when full, the oldest key is forgotten, so no client can grow the server's memory
/// without bound.
final class MockState: Sendable {
    static let capacity = 10_000

    private struct Keyed<Value> {
        var values: [String: Value] = [:]
        var order: [String] = []

        mutating func update(_ key: String, initial: () -> Value, _ body: (inout Value) -> Int) -> Int {
            if values[key] == nil {
                if order.count >= MockState.capacity { values[order.removeFirst()] = nil }
                order.append(key)
                values[key] = initial()
            }
            return body(&values[key]!)
        }
    }

    private let attempts = Mutex(Keyed<Int>())
    private let generators = Mutex(Keyed<SplitMix64>())

    /// Counts a request of the sequence `key`; returns its number, from 1.
    func nextAttempt(_ key: String) -> Int {
        attempts.withLock { keyed in
            keyed.update(key, initial: { 0 }) { count in
                count += 1
                return count
            }
        }
    }

    /// Draws a latency from the generator of `seed`, which starts at the seed the first time it is used.
    func draw(_ latency: MockLatency, seed: String) -> Int {
        generators.withLock { keyed in
            keyed.update(seed, initial: { SplitMix64(seed: Self.hash(seed)) }) { latency.draw(using: &$0) }
        }
    }

    /// A seed's number: itself when it is one, else a stable FNV-1a hash of its text (`hashValue` changes per run).
    private static func hash(_ seed: String) -> UInt64 {
        if let number = UInt64(seed) { return number }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
