/// Reads an `Accept` header just far enough to choose between an API's own JSON envelope and RFC 9457.
enum AcceptHeader {
    /// Whether `accept` prefers `application/problem+json` over `application/json` (RFC 9110 §12.5.1: the higher
    /// quality value wins; equal values keep the API's own envelope, so old clients see no change).
    static func prefersProblem(_ accept: String?) -> Bool {
        guard let accept, accept.contains("problem+json") else { return false }
        var problem: Double = 0
        var json: Double = 0
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";")
            guard let type = parts.first?.trimmingSpaces.lowercased() else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingSpaces.lowercased() == "q", let value = Double(pair[1].trimmingSpaces) {
                    quality = min(max(value, 0), 1)
                }
            }
            switch type {
            case "application/problem+json": problem = max(problem, quality)
            case "application/json", "application/*", "*/*": json = max(json, quality)
            default: break
            }
        }
        return problem > json
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while result.first == " " || result.first == "\t" { result = result.dropFirst() }
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return result
    }
}
