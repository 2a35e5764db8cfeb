import Errata
import HTTPTypes
import Hummingbird
import NIOCore

extension ErrataServer {
    /// What a mock request asked to go wrong: a fault, a latency and its seed, read from the query or, failing
    /// that, a `Prefer` header (`Prefer: fault=truncate, latency=uniform:10:50, seed=7`).
    struct MockFaults: Sendable {
        var fault: MockFault?
        var latency: MockLatency?
        var seed: String?
        /// Milliseconds between the bytes of a dribbled body.
        var interval: Int

        var isEmpty: Bool { fault == nil && latency == nil }
    }

    /// The longest `interval=` between dribbled bytes, in milliseconds.
    static let maximumDribbleInterval = 1_000

    func mockFaults(_ query: MockQuery) throws -> MockFaults {
        do {
            var faults = MockFaults(
                fault: nil,
                latency: nil,
                seed: query.faultItem(query.seed, named: "seed"),
                interval: 20
            )
            if let name = query.faultItem(query.fault, named: "fault") {
                guard let fault = MockFault(name: name) else {
                    throw MockFault.ParseError(
                        "fault=\(name) is none of \(MockFault.names.joined(separator: ", "))"
                    )
                }
                faults.fault = fault
            }
            if let text = query.faultItem(query.latency, named: "latency") {
                faults.latency = try MockLatency(parsing: text, maximum: Self.maximumDelay)
            }
            if let text = query.faultItem(query.interval, named: "interval") {
                guard let interval = Int(text), (0...Self.maximumDribbleInterval).contains(interval) else {
                    throw MockFault.ParseError(
                        "interval=\(text) is not a whole number of milliseconds in 0...\(Self.maximumDribbleInterval)"
                    )
                }
                faults.interval = interval
            }
            return faults
        } catch let error as MockFault.ParseError {
            throw ServeErrors.error("InvalidQuery", ["problem": error.problem])
        }
    }

    /// Sends a mock answer as the faults say: after the latency, and broken the way the fault says.
    func deliver(_ response: Response, _ faults: MockFaults, context: ServeRequestContext) async throws -> Response {
        var response = response
        if let latency = faults.latency {
            let milliseconds: Int
            if let seed = faults.seed {
                milliseconds = state.draw(latency, seed: seed)
            } else {
                var generator = SystemRandomNumberGenerator()
                milliseconds = latency.draw(using: &generator)
            }
            // Said in a header, so that a client can check a seeded sequence without timing it.
            response.headers[.errataLatency] = String(milliseconds)
            try await Task.sleep(for: .milliseconds(milliseconds))
        }
        guard let fault = faults.fault else { return response }
        if fault == .dropBeforeHeaders {
            // Closed before the response is written: the write that follows fails, and the client sees the
            // connection end with no response at all.
            try? await context.channel.close()
            return response
        }
        let body = try await Self.bytes(of: response.body)
        response.headers[.contentLength] = String(body.count)
        let interval = faults.interval
        if fault == .dribble, body.count * interval > Self.maximumDelay {
            throw ServeErrors.error(
                "InvalidQuery",
                [
                    "problem":
                        "fault=dribble at \(interval) ms a byte would take \(body.count * interval) ms for this \(body.count)-byte body, over the limit of \(Self.maximumDelay) ms"
                ]
            )
        }
        response.body = ResponseBody(contentLength: body.count) { writer in
            switch fault {
            case .dropAfterHeaders:
                throw MockFault.Dropped()
            case .truncate:
                if body.count > 1 { try await writer.write(ByteBuffer(bytes: body.prefix(body.count / 2))) }
                throw MockFault.Dropped()
            default:
                for byte in body {
                    try await writer.write(ByteBuffer(bytes: [byte]))
                    if interval > 0 { try await Task.sleep(for: .milliseconds(interval)) }
                }
                try await writer.finish(nil)
            }
        }
        return response
    }

    /// A response body's bytes (the mock's are one buffer, so this copies once).
    static func bytes(of body: ResponseBody) async throws -> [UInt8] {
        let collector = MockFault.Collector()
        try await body.write(collector)
        return collector.bytes
    }
}

extension HTTPField.Name {
    /// The latency a mock answer waited, in milliseconds.
    static let errataLatency = HTTPField.Name("Errata-Latency")!
    /// The number of a `flaky` answer in its sequence, from 1.
    static let errataAttempt = HTTPField.Name("Errata-Attempt")!
}
