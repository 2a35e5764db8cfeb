/// Reads an `Accept` header just far enough to choose between an API's own JSON envelope and RFC 9457.
enum AcceptHeader {
    /// Whether `accept` prefers `application/problem+json` over `application/json` (RFC 9110 §12.5.1: the higher
    /// quality value wins; equal values keep the API's own envelope, so old clients see no change). Media types and
    /// parameter names compare case-insensitively (RFC 9110 §8.3.1).
    static func prefersProblem(_ accept: String?) -> Bool {
        guard let accept, containsProblemJSON(accept) else { return false }
        var problem: Double = 0
        var json: Double = 0
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";")
            guard let type = parts.first?.trimmingSpaces.lowercased() else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingSpaces.lowercased() == "q",
                    let value = Double(pair[1].trimmingSpaces)
                {
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

    /// Whether `accept` holds `problem+json` in any case: the quick test that spares the common `Accept` (no
    /// problem type) the parse. Walks the bytes, as lowercasing the header would allocate on every error.
    static func containsProblemJSON(_ accept: String) -> Bool {
        let needle = Array("problem+json".utf8)
        let bytes = accept.utf8
        guard bytes.count >= needle.count else { return false }
        var start = bytes.startIndex
        while let first = bytes[start...].firstIndex(where: { $0 | 0x20 == UInt8(ascii: "p") }) {
            var index = first
            var matched = 0
            while matched < needle.count, index < bytes.endIndex {
                let byte = bytes[index]
                // ASCII letters fold to lower case with 0x20; `+` must match exactly.
                let folded = (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
                guard folded == needle[matched] else { break }
                matched += 1
                index = bytes.index(after: index)
            }
            if matched == needle.count { return true }
            start = bytes.index(after: first)
        }
        return false
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
