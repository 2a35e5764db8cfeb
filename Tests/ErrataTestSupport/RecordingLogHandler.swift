public import Logging
import Synchronization

/// A log handler that keeps every line logged through it, for tests that check what a server logs.
///
/// ```swift
/// let handler = RecordingLogHandler()
/// let logger = Logger(label: "test") { _ in handler }
/// // … log through `logger` …
/// #expect(handler.lines.all.map { "\($0.message)" } == ["Request"])
/// ```
public struct RecordingLogHandler: LogHandler {
    /// The lines logged, shared by every copy of the handler (a `Logger` keeps a copy of its own).
    public final class Lines: Sendable {
        let events = Mutex<[LogEvent]>([])

        /// Every line so far, in order.
        public var all: [LogEvent] { events.withLock { $0 } }
    }

    /// The lines logged through this handler and its copies.
    public let lines = Lines()
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init() {}

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        lines.events.withLock { $0.append(event) }
    }
}
