public import Hummingbird
import NIOCore

/// The request context of `errata serve`'s HTTP routes: Hummingbird's basic context, plus the connection, so that
/// a `fault=drop-before-headers` can close it before a byte of the response is written.
public struct ServeRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's connection.
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
