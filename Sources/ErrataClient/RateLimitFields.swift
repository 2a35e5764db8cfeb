import HTTPTypes
import RawStructuredFieldValues

/// The wait that the IETF `RateLimit` and `RateLimit-Policy` fields (draft-ietf-httpapi-ratelimit-headers) imply.
///
/// The current draft's form is a list of quota policies: `RateLimit: "default";r=0;t=30` (remaining quota units,
/// seconds until the quota resets) with `RateLimit-Policy: "default";q=100;w=60` (quota, window in seconds). An
/// exhausted policy (`r=0`) means waiting `t` seconds, or the policy's window `w` when `t` is missing; the longest
/// wait of all exhausted policies counts. The earlier drafts' dictionary `RateLimit: limit=100, remaining=0,
/// reset=30` is read the same way. Fields that do not parse are ignored: they are a hint, not the contract.
enum RateLimitFields {
    static let rateLimit = HTTPField.Name("RateLimit")!
    static let rateLimitPolicy = HTTPField.Name("RateLimit-Policy")!

    /// The longest wait an exhausted quota asks for, or `nil` when no quota is exhausted (or the fields are absent
    /// or unreadable).
    static func delay(in headerFields: HTTPFields) -> Duration? {
        guard let value = headerFields[rateLimit] else { return nil }
        let bytes = Array(value.utf8)
        var parser = StructuredFieldValueParser(bytes)
        if let list = try? parser.parseListFieldValue() {
            let windows = policyWindows(headerFields[rateLimitPolicy])
            var longest: Int64?
            for case .item(let item) in list {
                guard integer(item.rfc9651Parameters["r"]) == 0 else { continue }
                let seconds = integer(item.rfc9651Parameters["t"]) ?? name(of: item).flatMap { windows[$0] }
                if let seconds, seconds >= 0 { longest = max(longest ?? 0, seconds) }
            }
            return longest.map { .seconds($0) }
        }
        var dictionaryParser = StructuredFieldValueParser(bytes)
        guard let dictionary = try? dictionaryParser.parseDictionaryFieldValue(),
            case .item(let remaining)? = dictionary["remaining"], integer(remaining.rfc9651BareItem) == 0,
            case .item(let reset)? = dictionary["reset"], let seconds = integer(reset.rfc9651BareItem), seconds >= 0
        else { return nil }
        return .seconds(seconds)
    }

    /// Each policy's window (`w`) by its name.
    private static func policyWindows(_ value: String?) -> [String: Int64] {
        guard let value else { return [:] }
        var parser = StructuredFieldValueParser(Array(value.utf8))
        guard let list = try? parser.parseListFieldValue() else { return [:] }
        var windows: [String: Int64] = [:]
        for case .item(let item) in list {
            if let name = name(of: item), let window = integer(item.rfc9651Parameters["w"]) { windows[name] = window }
        }
        return windows
    }

    private static func name(of item: Item) -> String? {
        switch item.rfc9651BareItem {
        case .string(let name), .token(let name): return name
        default: return nil
        }
    }

    private static func integer(_ item: RFC9651BareItem?) -> Int64? {
        if case .integer(let value)? = item { return value }
        return nil
    }
}
