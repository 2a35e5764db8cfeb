#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How long a mock answer waits before it is sent: `latency=` in the query or a `Prefer` header.
///
/// | spelling | wait |
/// |---|---|
/// | `250` or `fixed:250` | 250 ms |
/// | `uniform:100:500` | uniformly in 100 … 500 ms |
/// | `lognormal:200:0.5` | log-normal with a median of 200 ms and σ = 0.5 (a long tail, like real servers) |
///
/// Every wait is at most ``ErrataServer/maximumDelay``: a bound over it is refused, and a log-normal draw is cut
/// there.
struct MockLatency: Sendable, Hashable {
    private enum Distribution: Hashable, Sendable {
        case fixed(Double)
        case uniform(Double, Double)
        case lognormal(median: Double, sigma: Double)
    }

    private let distribution: Distribution

    /// Parses a spelling; the error text says what is wrong.
    init(parsing text: String, maximum: Int) throws(MockFault.ParseError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let limit = Double(maximum)
        func milliseconds(_ text: String) throws(MockFault.ParseError) -> Double {
            guard let value = Double(text), value.isFinite, value >= 0, value <= limit else {
                throw MockFault.ParseError("latency '\(text)' is not a number of milliseconds in 0...\(maximum)")
            }
            return value
        }
        switch (parts.first, parts.count) {
        case (_, 1):
            distribution = .fixed(try milliseconds(parts[0]))
        case ("fixed", 2):
            distribution = .fixed(try milliseconds(parts[1]))
        case ("uniform", 3):
            let low = try milliseconds(parts[1])
            let high = try milliseconds(parts[2])
            guard low <= high else {
                throw MockFault.ParseError("latency=uniform:\(parts[1]):\(parts[2]) has its bounds reversed")
            }
            distribution = .uniform(low, high)
        case ("lognormal", 3):
            let median = try milliseconds(parts[1])
            guard let sigma = Double(parts[2]), sigma.isFinite, sigma >= 0, sigma <= 10 else {
                throw MockFault.ParseError("latency=lognormal needs a sigma in 0...10, not '\(parts[2])'")
            }
            distribution = .lognormal(median: median, sigma: sigma)
        default:
            throw MockFault.ParseError(
                "latency '\(text)' is none of MS, fixed:MS, uniform:MIN:MAX, lognormal:MEDIAN:SIGMA"
            )
        }
        self.maximum = limit
    }

    private let maximum: Double

    /// A wait, in milliseconds, drawn with `generator`.
    func draw(using generator: inout some RandomNumberGenerator) -> Int {
        let value: Double
        switch distribution {
        case .fixed(let milliseconds):
            value = milliseconds
        case .uniform(let low, let high):
            value = low == high ? low : Double.random(in: low...high, using: &generator)
        case .lognormal(let median, let sigma):
            // Box–Muller: a standard normal from two uniforms (the first kept away from 0 for the logarithm).
            let u1 = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &generator)
            let u2 = Double.random(in: 0..<1, using: &generator)
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            value = median * exp(sigma * normal)
        }
        return Int(min(max(value, 0), maximum).rounded())
    }
}
