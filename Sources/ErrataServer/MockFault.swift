import HTTPTypes
import Hummingbird
import NIOCore

/// A way a mock answer goes wrong on the wire: `fault=` in the query or a `Prefer` header.
///
/// | fault | what the client sees |
/// |---|---|
/// | `drop-before-headers` | the connection closes before any byte of a response |
/// | `drop-after-headers` | the status and headers (with the body's `Content-Length`), then the connection closes |
/// | `truncate` | the headers and the first half of the body, then the connection closes |
/// | `dribble` | the whole answer, one byte every `interval=` ms (default 20); refused when the body would take over ``ErrataServer/maximumDelay`` |
struct MockFault: Hashable, Sendable {
    private enum Base: String, Hashable, Sendable, CaseIterable {
        case dropBeforeHeaders = "drop-before-headers"
        case dropAfterHeaders = "drop-after-headers"
        case truncate
        case dribble
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    static let dropBeforeHeaders = MockFault(.dropBeforeHeaders)
    static let dropAfterHeaders = MockFault(.dropAfterHeaders)
    static let truncate = MockFault(.truncate)
    static let dribble = MockFault(.dribble)

    /// Every spelling, for error messages and the docs.
    static let names = Base.allCases.map(\.rawValue)

    /// A fault by its spelling, `nil` for anything else.
    init?(name: String) {
        guard let base = Base(rawValue: name) else { return nil }
        self.base = base
    }

    var name: String { base.rawValue }

    /// A bad fault, latency or sequence; its text becomes the `InvalidQuery` problem's.
    struct ParseError: Error {
        let problem: String

        init(_ problem: String) {
            self.problem = problem
        }
    }

    /// The error a faulty body throws to make the server close the connection mid-response.
    struct Dropped: Error {}
}

extension MockFault {
    /// Collects a response body's bytes. A class, because `ResponseBody.write` consumes the writer it is given and
    /// the bytes must be read after it.
    final class Collector: ResponseBodyWriter, @unchecked Sendable {
        // Safe: one task writes it, and only then reads it.
        var bytes: [UInt8] = []

        func write(_ buffer: ByteBuffer) async throws {
            bytes.append(contentsOf: buffer.readableBytesView)
        }

        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
