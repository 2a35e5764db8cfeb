import Errata

/// Writes JSON for people and for diffs: two-space indentation, members in the order given, numbers as written.
///
/// Generated documents are built as ``JSONValue`` trees, whose objects keep their member order, so the output is
/// the same bytes on every platform and every run (Foundation's `JSONEncoder` sorts or shuffles keys instead).
enum PrettyJSON {
    /// The value as indented JSON, without a trailing newline.
    static func text(_ value: JSONValue) -> String {
        var output = ""
        write(value, depth: 0, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, depth: Int, into output: inout String) {
        switch value {
        case .array(let elements) where !elements.isEmpty:
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += indentation(depth + 1)
                write(element, depth: depth + 1, into: &output)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += indentation(depth) + "]"
        case .object(let members) where !members.isEmpty:
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += indentation(depth + 1) + quoted(member.key) + ": "
                write(member.value, depth: depth + 1, into: &output)
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += indentation(depth) + "}"
        case .array:
            output += "[]"
        case .object:
            output += "{}"
        case .string(let text):
            output += quoted(text)
        default:
            output += value.description
        }
    }

    private static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONWriter.appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func indentation(_ depth: Int) -> String {
        String(repeating: "  ", count: depth)
    }
}

extension JSONValue {
    /// An object from members, leaving out those whose value is `nil`: `.members(("a", x), ("b", nil))`.
    static func members(_ members: (String, JSONValue?)...) -> JSONValue {
        .object(members.compactMap { key, value in value.map { JSONValue.Member(key, $0) } })
    }
}
