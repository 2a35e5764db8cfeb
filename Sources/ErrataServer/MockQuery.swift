import HTTPTypes
import Hummingbird

/// What a mock request says beyond its path: its query, read in one pass, and its `Prefer` header.
///
/// The control items (`retryAfter=`, `fault=`, …) keep the first value given, as `Parameters.get` does; every item
/// stays in ``items`` for the entry's parameters. One pass, because Hummingbird's `FlatDictionary` is generic code
/// that is not specialised across modules: each `get` hashed its key and looked up type metadata, eight of them
/// per mock answer, measured as 6 % of the answer in process.
struct MockQuery: Sendable {
    /// Every query item, in order, percent-decoded.
    let items: Parameters
    /// The request's `Prefer` header (RFC 7240), which may name the code and the faults instead of the query.
    let prefer: String?

    var retryAfter: String?
    var delay: String?
    var codes: String?
    var requestID: String?
    var instance: String?
    var fault: String?
    var latency: String?
    var seed: String?
    var interval: String?
    var key: String?
    var fail: String?
    var then: String?
    var code: String?

    init(_ request: borrowing Request) {
        self.init(items: request.uri.queryParameters, prefer: request.headers[.prefer])
    }

    /// The control items, by the name a query gives them, and where each is kept.
    private static let controls: [(name: String, slot: any WritableKeyPath<MockQuery, String?> & Sendable)] = [
        ("retryAfter", \.retryAfter), ("delay", \.delay), ("codes", \.codes), ("requestID", \.requestID),
        ("instance", \.instance), ("fault", \.fault), ("latency", \.latency), ("seed", \.seed),
        ("interval", \.interval), ("key", \.key), ("fail", \.fail), ("then", \.then), ("code", \.code),
    ]

    init(items: Parameters, prefer: String?) {
        self.items = items
        self.prefer = prefer
        for (name, value) in items {
            guard let control = Self.controls.first(where: { $0.name == name }) else { continue }
            if self[keyPath: control.slot] == nil { self[keyPath: control.slot] = String(value) }
        }
    }

    /// Whether a query item of this name steers the mock rather than fills a parameter.
    static func isControl(_ name: String) -> Bool {
        controls.contains { $0.name == name }
    }

    /// A fault item's value: from the query, else from the `Prefer` header (`Prefer: fault=truncate, seed=7`).
    func faultItem(_ value: String?, named name: String) -> String? {
        value ?? prefer.flatMap { ErrataServer.preference($0, named: name) }
    }
}
