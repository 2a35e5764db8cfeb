import Errata

/// Parses a message template and matches a message against it. The input is the template's source, a zero byte,
/// then the message. A match's values must render back into the same message (matching is rendering reversed).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessageTemplate(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Array(UnsafeRawBufferPointer(start: start, count: count))
    let split = input.firstIndex(of: 0) ?? input.endIndex
    let source = String(decoding: input[..<split], as: UTF8.self)
    let message = split < input.endIndex ? String(decoding: input[(split + 1)...], as: UTF8.self) : ""
    guard let template = try? MessageTemplate(source, allowingOptionalPlaceholders: input.count % 2 == 0) else {
        return 0
    }
    guard let values = template.match(message) else { return 0 }
    for segment in template.segments {
        if case .placeholder(let placeholder) = segment, values[placeholder.name] == nil, !placeholder.isOptional {
            fatalError("match of \(source.debugDescription) left out \(placeholder.name)")
        }
    }
    var rebuilt = ""
    for segment in template.segments {
        switch segment {
        case .literal(let text): rebuilt += text
        case .placeholder(let placeholder): rebuilt += values[placeholder.name] ?? ""
        }
    }
    if Array(rebuilt.utf8) != Array(message.utf8) {
        fatalError(
            "values \(values) of \(source.debugDescription) rebuild \(rebuilt.debugDescription), not \(message.debugDescription)"
        )
    }
    return 0
}
