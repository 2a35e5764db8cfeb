import HTTPTypes
import Hummingbird

/// What a mock request says beyond its path: its query's control items and its `Prefer` header; the entry's
/// parameters are read from ``items`` by name.
///
/// The control items (`retryAfter=`, `fault=`, …) keep the first value given, as `Parameters.get` does; every item
/// stays in ``items`` for the entry's parameters.
struct MockQuery: Sendable {
    /// Every query item, in order, read from the query as it came.
    let items: QueryItems
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
        self.init(query: request.uri.query ?? "", prefer: request.headers[.prefer])
    }

    /// The control items, by the name a query gives them, and where each is kept.
    private static let controls: [(name: String, slot: any WritableKeyPath<MockQuery, String?> & Sendable)] = [
        ("retryAfter", \.retryAfter), ("delay", \.delay), ("codes", \.codes), ("requestID", \.requestID),
        ("instance", \.instance), ("fault", \.fault), ("latency", \.latency), ("seed", \.seed),
        ("interval", \.interval), ("key", \.key), ("fail", \.fail), ("then", \.then), ("code", \.code),
    ]

    /// Reads a query (`memberRef=abcde&retryAfter=2`, without the `?`).
    init(query: String, prefer: String?) {
        self.items = QueryItems(query)
        self.prefer = prefer
        items.forEachItem { name, value in
            // The length first: most items are an entry's parameters, and a name of another length is no control.
            guard
                let control = Self.controls.first(where: {
                    $0.name.utf8.count == name.count && $0.name.utf8.elementsEqual(name)
                })
            else { return }
            if self[keyPath: control.slot] == nil { self[keyPath: control.slot] = QueryItems.decoded(value) }
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
