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

    init(items: Parameters, prefer: String?) {
        self.items = items
        self.prefer = prefer
        for (name, value) in items {
            switch name {
            case "retryAfter": Self.keepFirst(&retryAfter, value)
            case "delay": Self.keepFirst(&delay, value)
            case "codes": Self.keepFirst(&codes, value)
            case "requestID": Self.keepFirst(&requestID, value)
            case "instance": Self.keepFirst(&instance, value)
            case "fault": Self.keepFirst(&fault, value)
            case "latency": Self.keepFirst(&latency, value)
            case "seed": Self.keepFirst(&seed, value)
            case "interval": Self.keepFirst(&interval, value)
            case "key": Self.keepFirst(&key, value)
            case "fail": Self.keepFirst(&fail, value)
            case "then": Self.keepFirst(&then, value)
            case "code": Self.keepFirst(&code, value)
            default: break
            }
        }
    }

    /// Whether a query item steers the mock rather than fills a parameter.
    static func isControl(_ name: Substring) -> Bool {
        switch name {
        case "retryAfter", "delay", "codes", "requestID", "instance", "fault", "latency", "seed", "interval", "key",
            "fail", "then", "code":
            return true
        default:
            return false
        }
    }

    /// A fault item's value: from the query, else from the `Prefer` header (`Prefer: fault=truncate, seed=7`).
    func faultItem(_ value: String?, named name: String) -> String? {
        value ?? prefer.flatMap { ErrataServer.preference($0, named: name) }
    }

    private static func keepFirst(_ slot: inout String?, _ value: Substring) {
        if slot == nil { slot = String(value) }
    }
}
