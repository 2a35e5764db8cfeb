import HTTPTypes

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ErrorDecoder {
    /// Fills a result from the envelope variables found in the body.
    func apply(
        _ variables: [String: JSONValue],
        fieldErrorLayout: Envelope.FieldErrorLayout?,
        to result: inout DecodedError
    ) {
        // One pass over the variables, rather than a lookup (a hash) per name the envelope might have.
        var retryAfterSeconds: Double?
        var retryAfterMilliseconds: Double?
        var errors: JSONValue?
        for (name, value) in variables {
            switch EnvelopeVariable(name) {
            case .code:
                switch value {
                case .number(let text): result.code = Int(text).map(ErrorCode.integer) ?? .string(text)
                case .string(let text):
                    // An integer code written as a string (`"{code:string}"`) is still the catalog's integer code.
                    if index.byCode[.string(text)] == nil, let integer = Int(text),
                        index.byCode[.integer(integer)] != nil
                    {
                        result.code = .integer(integer)
                    } else {
                        result.code = .string(text)
                    }
                default: break
                }
            case .status:
                // A number, or its digits as a string (GitHub's `"status": "422"`, `"{status:string}"`).
                let code = value.integerValue ?? value.stringValue.flatMap { $0.utf8.count <= 3 ? Int($0) : nil }
                if result.status == nil, let code, (100...599).contains(code) {
                    result.status = HTTPResponse.Status(code: code)
                }
            case .message: result.message = value.stringValue
            case .title: result.title = value.stringValue
            case .type: result.type = value.stringValue
            case .instance: result.instance = value.stringValue
            case .requestID: result.requestID = value
            case .details: if value != .null { result.details = value }
            case .errors: errors = value
            case .retryAfterSeconds, .retryAfterDecimalSeconds: retryAfterSeconds = Self.decimal(value)
            case .retryAfterMilliseconds: retryAfterMilliseconds = Self.decimal(value)
            case .parameter(let parameter): result.parameters[parameter] = value.text
            // The entry gives these once it is found; the body's copy adds nothing.
            case .name, .reason, nil: break
            }
        }
        if result.retryAfter == nil {
            if let seconds = retryAfterSeconds, seconds >= 0, seconds < 1e12 {
                result.retryAfter = .milliseconds(Int64((seconds * 1000).rounded(.up)))
            } else if let milliseconds = retryAfterMilliseconds, milliseconds >= 0, milliseconds < 1e15 {
                result.retryAfter = .milliseconds(Int64(milliseconds.rounded(.up)))
            }
        }
        if let errors, let fieldErrorLayout {
            result.fieldErrors = Self.fieldErrors(errors, layout: fieldErrorLayout)
        }
    }

    /// A retry delay's number: a JSON number, or the text of a string template (Google's RetryInfo writes
    /// `"retryDelay": "{retryAfterDecimalSeconds}s"`, so the decoder finds `2.5`). Text must be plain decimal
    /// digits with an optional fraction, short enough to be a delay: `Double` alone would also read `inf`, `nan`
    /// and `1e400`.
    static func decimal(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let text): return Double(text)
        case .string(let text):
            let bytes = text.utf8
            guard bytes.count <= 32, let first = bytes.first, first != UInt8(ascii: "."),
                bytes.last != UInt8(ascii: "."),
                bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") }),
                bytes.count(where: { $0 == UInt8(ascii: ".") }) <= 1
            else { return nil }
            return Double(text)
        default: return nil
        }
    }

    static func fieldErrors(_ value: JSONValue, layout: Envelope.FieldErrorLayout) -> [FieldError] {
        func item(_ value: JSONValue, field: String?) -> FieldError? {
            var variables: [String: JSONValue] = [:]
            extract(layout.item, from: value, into: &variables)
            var named: String?
            var pointer: String?
            var message: String?
            var attributes: [String: JSONValue] = [:]
            for (name, value) in variables {
                switch FieldErrorVariable(name) {
                case .field: named = value.stringValue
                case .pointer: pointer = value.stringValue
                case .message: message = value.stringValue
                case .attribute(let attribute): attributes[attribute] = value
                case nil: break
                }
            }
            guard let name = field ?? named ?? pointer.map(Self.field(fromPointer:)) else { return nil }
            // Attributes keep the order the item template gives them, each once.
            var ordered: [JSONValue.Member] = []
            for placeholder in layout.item.placeholders {
                guard case .attribute(let attribute) = FieldErrorVariable(placeholder.name),
                    let value = attributes.removeValue(forKey: attribute)
                else { continue }
                ordered.append(JSONValue.Member(attribute, value))
            }
            return FieldError(field: name, message: message ?? "", pointer: pointer, attributes: ordered)
        }
        if layout.layout == .tree {
            // Each leaf member's items belong to the field the keys above it name, joined with dots. The parser's
            // depth limit bounds the recursion.
            var result: [FieldError] = []
            func visit(_ value: JSONValue, path: String) {
                guard case .object(let members) = value else { return }
                for member in members {
                    if member.key == layout.leaf {
                        if case .array(let items) = member.value {
                            result += items.compactMap { item($0, field: path) }
                        } else if let single = item(member.value, field: path) {
                            result.append(single)
                        }
                    } else {
                        visit(member.value, path: path.isEmpty ? member.key : path + "." + member.key)
                    }
                }
            }
            visit(value, path: "")
            return result
        }
        switch value {
        case .object(let members):
            return members.flatMap { member -> [FieldError] in
                if case .array(let items) = member.value {
                    return items.compactMap { item($0, field: member.key) }
                }
                return item(member.value, field: member.key).map { [$0] } ?? []
            }
        case .array(let items):
            return items.compactMap { item($0, field: nil) }
        default:
            return []
        }
    }

    /// `#/proxy_tags/0` → `proxy_tags.0`.
    static func field(fromPointer pointer: String) -> String {
        var path = Substring(pointer)
        if path.hasPrefix("#") { path = path.dropFirst() }
        if path.hasPrefix("/") { path = path.dropFirst() }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.replacing("~1", with: "/").replacing("~0", with: "~") }
            .joined(separator: ".")
    }

    /// Finds the entry: by code, by code and status when a code is shared, else by status and message.
    func match(_ result: inout DecodedError, hasCodeMember: Bool) {
        var candidates: [DecoderIndex.Candidate]
        if let code = result.code {
            candidates = index.byCode[code] ?? []
        } else if hasCodeMember || index.identifiesByCodeAlone {
            // A body with a code member the catalog does not know, or a status-packet catalog's packet without a
            // code: there is nothing to go on.
            candidates = []
        } else {
            candidates = index.all
        }
        if let status = result.status, candidates.contains(where: { $0.entry.status != nil }) {
            candidates.removeAll { !$0.entry.isSent(withStatus: status.code) }
        } else if result.status == nil && result.code == nil {
            candidates = []
        }
        // A second level of classification (Stripe's `type` beside its `code`): an entry whose constant the body
        // contradicts is not the one.
        if index.hasConstants, !result.parameters.isEmpty {
            let parameters = result.parameters
            candidates.removeAll { candidate in
                candidate.constants.contains { name, constant in parameters[name].map { $0 != constant } ?? false }
            }
        }
        // An entry's own docs URL is its problem type (RFC 9457 §3.1.1: the primary identifier): a body of another
        // type is another error.
        if index.hasOwnTypes, let type = result.type {
            candidates.removeAll { candidate in candidate.entry.docs.map { $0 != type } ?? false }
        }
        // The values found while narrowing by message are kept, so no template is matched twice.
        var matched: [String: String]?
        if candidates.count > 1 || (candidates.count == 1 && candidates[0].entry.code == nil) {
            (candidates, matched) = narrowByMessage(candidates, message: result.message)
        }
        guard candidates.count == 1, let candidate = candidates.first else { return }
        result.identity = candidate.identity
        for (name, constant) in candidate.constants where result.parameters[name] == nil {
            result.parameters[name] = constant
        }
        if matched == nil, let template = candidate.message, !template.isConstant, let message = result.message,
            message.utf8.count <= limits.maximumMessageLength
        {
            matched = template.match(message)
        }
        if let matched {
            if result.parameters.isEmpty {
                result.parameters = matched
            } else {
                result.parameters.merge(matched) { fromBody, _ in fromBody }
            }
        }
    }

    /// Pulls parameters back out of the entry's header templates (GitHub's `x-ratelimit-reset: {reset}`), as out
    /// of its message; a value the body already gave wins, and a header that does not fit its template gives none.
    func parameters(fromHeadersOf entry: ErrorEntry, _ headerFields: HTTPFields, into result: inout DecodedError) {
        for header in entry.headers where !header.value.isConstant {
            guard let name = HTTPField.Name(header.name), let value = headerFields[name],
                value.utf8.count <= limits.maximumMessageLength, let values = header.value.match(value)
            else { continue }
            result.parameters.merge(values) { fromBody, _ in fromBody }
        }
    }

    /// Keeps the entries whose message the response's message is: an exact match first, else a template match
    /// (the one with the most literal text when several fit).
    private func narrowByMessage(
        _ candidates: [DecoderIndex.Candidate],
        message: String?
    ) -> ([DecoderIndex.Candidate], [String: String]?) {
        guard let message else { return (candidates.count == 1 ? candidates : [], nil) }
        if let exact = candidates.first(where: { $0.constantMessage == message }) { return ([exact], nil) }
        guard message.utf8.count <= limits.maximumMessageLength else { return ([], nil) }
        var best: (candidate: DecoderIndex.Candidate, values: [String: String])?
        for candidate in candidates {
            guard let template = candidate.message, !template.isConstant, let values = template.match(message)
            else { continue }
            if best == nil || candidate.literalLength > best!.candidate.literalLength { best = (candidate, values) }
        }
        return best.map { ([$0.candidate], $0.values) } ?? ([], nil)
    }

    /// A retry header's advice: `true` or `false`, in any case, with spaces around; anything else says nothing.
    static func retryAdvice(_ value: String) -> Bool? {
        switch value.trimmingASCIISpaces.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// A `Retry-After` value: delta-seconds, or an HTTP-date relative to the response's `Date` (else now).
    static func retryAfter(_ value: String, date: String?, now: Int64?) -> Duration? {
        let trimmed = value.trimmingASCIISpaces
        if let seconds = Int64(trimmed), seconds >= 0 { return .seconds(seconds) }
        guard let target = HTTPDate.secondsSince1970(trimmed) else { return nil }
        let reference = date.flatMap(HTTPDate.secondsSince1970) ?? now ?? currentTime()
        return .seconds(max(0, target - reference))
    }

    static func currentTime() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec)
    }
}

extension String {
    /// The text without the spaces and tabs around it, as header values are read.
    var trimmingASCIISpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
