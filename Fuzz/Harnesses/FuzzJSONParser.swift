import Errata

/// Parses the input with the runtime's JSON parser; a value that parses must survive writing and parsing again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let parser = JSONParser(maximumDepth: 64)
    guard let value = try? parser.parse(bytes) else { return 0 }
    // Round trip: what the writer makes of a parsed value is JSON the parser reads back as the same value.
    var written: [UInt8] = []
    JSONWriter.append(value, to: &written)
    guard let again = try? parser.parse(written) else {
        fatalError("the writer's output does not parse: \(String(decoding: written, as: UTF8.self))")
    }
    if again != value {
        fatalError("round trip changed the value: \(value) became \(again)")
    }
    return 0
}
