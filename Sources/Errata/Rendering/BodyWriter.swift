/// Runs an entry's compiled body program for one occurrence: the render hot path.
///
/// It copies the program's static bytes and escapes only the holes' values, in one pass over an
/// ``UnsafeByteWriter`` into scratch space on the stack (``withBody(for:_:)``), or into storage its caller sized with
/// a first run over a ``ByteCounter``; no write grows a capacity. Parameter values are read by position
/// (``APIError/value(at:)``): no name is hashed. The occurrence, the field error being written and the program are
/// passed as borrowed parameters rather than gathered into a context value, which measured about twice as fast:
/// copying a context retained every reference it held, per hole.
struct BodyWriter: Sendable {
    /// How field errors are written: the item program and the layout around the items.
    struct FieldErrors: Sendable {
        var item: BodyProgram?
        var layout: Envelope.FieldErrorLayout.Layout
        /// For a tree: the member holding a field's errors.
        var leaf: String = Envelope.FieldErrorLayout.defaultLeaf
    }

    let program: BodyProgram
    let fieldErrors: FieldErrors

    init(program: BodyProgram, fieldErrors: FieldErrors) {
        self.program = program
        self.fieldErrors = fieldErrors
    }

    /// The body for an occurrence, in an array of its exact size allocated once (the one allocation).
    func body(for error: APIError) -> [UInt8] {
        withBody(for: error) { Array($0) }
    }

    /// The scratch space a body is first written into, on the stack: larger bodies (many field errors, large free
    /// JSON details) overflow it and are counted, then written again at their exact size.
    static let scratchCapacity = 1024

    /// Calls `body` with the occurrence's body: written once into scratch space on the stack when it fits (one
    /// pass over the program, no allocation), else into an array of its exact size.
    ///
    /// Scratch space first, because a body's size is known only once its values are escaped: counting it first ran
    /// the whole program twice, which measured as a third of a templated body's time, and `Array`'s
    /// `init(unsafeUninitializedCapacity:)` runs the standard library's generic path, looking up the storage's type
    /// metadata on every call, while its initializer from a buffer (what a caller copies the bytes out with) is
    /// specialised where it is used.
    func withBody<Result>(
        for error: APIError,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.scratchCapacity) { scratch in
            var writer = UnsafeByteWriter(scratch)
            run(program, error, nil, into: &writer)
            if !writer.isOverflowed {
                return try body(UnsafeBufferPointer(rebasing: scratch[..<writer.count]))
            }
            let count = byteCount(for: error)
            let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = write(error, into: UnsafeMutableRawBufferPointer(buffer))
            }
            return try bytes.withUnsafeBufferPointer(body)
        }
    }

    /// The exact number of bytes ``write(_:into:)`` writes for an occurrence.
    func byteCount(for error: APIError) -> Int {
        var counter = ByteCounter()
        run(program, error, nil, into: &counter)
        return counter.count
    }

    /// Writes the body for an occurrence into `buffer`, which holds at least ``byteCount(for:)`` bytes, and
    /// returns the number of bytes written.
    func write(_ error: APIError, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var writer = UnsafeByteWriter(buffer)
        run(program, error, nil, into: &writer)
        precondition(!writer.isOverflowed, "buffer smaller than the body's byte count")
        return writer.count
    }

    /// Whether the occurrence gives none of the holes a value, so the precomputed body is the answer.
    func isStatic(for error: APIError) -> Bool {
        for hole in program.holes {
            switch hole {
            case .instance: if error.instance != nil { return false }
            case .errors: if !error.fieldErrors.isEmpty { return false }
            case .details: if error.details != nil { return false }
            case .retryAfterSeconds, .retryAfterMilliseconds, .retryAfterDecimalSeconds:
                if error.retryAfter != nil { return false }
            case .requestID: if error.requestID != nil { return false }
            case .parameter(let position, _): if error.value(at: position) != nil { return false }
            case .field, .pointer, .itemMessage, .attribute: return false
            }
        }
        return true
    }

    func run<Sink: ByteSink>(
        _ program: BodyProgram,
        _ error: APIError,
        _ fieldError: FieldError?,
        into output: inout Sink
    ) {
        program.bytes.withUnsafeBufferPointer { bytes in
            program.ops.withUnsafeBufferPointer { ops in
                var index = 0
                while index < ops.count {
                    let op = ops[index]
                    index += 1
                    switch op {
                    case .bytes(let range):
                        output.write(UnsafeBufferPointer(rebasing: bytes[range]))
                    case .commaIfNeeded:
                        Self.appendCommaIfNeeded(to: &output)
                    case .member(let comma, let key, let hole, let isOptional):
                        if isOptional && !isPresent(hole, program, error, fieldError) { continue }
                        switch comma {
                        case .none: break
                        case .always: output.write(UInt8(ascii: ","))
                        case .ifNeeded: Self.appendCommaIfNeeded(to: &output)
                        }
                        output.write(UnsafeBufferPointer(rebasing: bytes[key]))
                        writeValue(hole, program, error, fieldError, into: &output)
                    case .value(let hole):
                        writeValue(hole, program, error, fieldError, into: &output)
                    case .text(let hole):
                        writeText(hole, program, error, fieldError, into: &output)
                    case .group(let holes, let count):
                        if !program.groupHoles[holes].contains(where: { isPresent($0, program, error, fieldError) }) {
                            index += count
                        }
                    }
                }
            }
        }
    }

    private static func appendCommaIfNeeded<Sink: ByteSink>(to output: inout Sink) {
        if let last = output.lastByte, last != UInt8(ascii: "{") && last != UInt8(ascii: "[") {
            output.write(UInt8(ascii: ","))
        }
    }

    private func isPresent(
        _ hole: BodyProgram.Hole,
        _ program: BodyProgram,
        _ error: APIError,
        _ fieldError: FieldError?
    ) -> Bool {
        switch hole {
        case .instance: return error.instance != nil
        case .errors: return !error.fieldErrors.isEmpty
        case .details: return error.details != nil
        case .retryAfterSeconds, .retryAfterMilliseconds, .retryAfterDecimalSeconds: return error.retryAfter != nil
        case .requestID: return error.requestID != nil
        case .parameter(let position, _): return error.value(at: position) != nil
        case .field, .pointer, .itemMessage: return fieldError != nil
        case .attribute(let name): return fieldError?.attribute(program.names[name]) != nil
        }
    }

    private func writeValue<Sink: ByteSink>(
        _ hole: BodyProgram.Hole,
        _ program: BodyProgram,
        _ error: APIError,
        _ fieldError: FieldError?,
        into output: inout Sink
    ) {
        guard isPresent(hole, program, error, fieldError) else {
            output.write("null")
            return
        }
        switch hole {
        case .instance, .field, .pointer, .itemMessage:
            output.write(UInt8(ascii: "\""))
            writeText(hole, program, error, fieldError, into: &output)
            output.write(UInt8(ascii: "\""))
        case .errors:
            writeFieldErrors(error, into: &output)
        case .details:
            JSONWriter.append(error.details ?? .null, to: &output)
        case .requestID:
            JSONWriter.append(error.requestID ?? .null, to: &output)
        case .retryAfterSeconds, .retryAfterMilliseconds, .retryAfterDecimalSeconds:
            writeText(hole, program, error, fieldError, into: &output)
        case .parameter(let position, let type):
            let value = error.value(at: position) ?? ""
            if type != .string, type.isLiteral(value) {
                output.write(utf8: value)
            } else {
                JSONWriter.appendString(value, to: &output)
            }
        case .attribute(let name):
            JSONWriter.append(fieldError?.attribute(program.names[name]) ?? .null, to: &output)
        }
    }

    /// Writes a hole's value as escaped text, for a place inside a JSON string.
    private func writeText<Sink: ByteSink>(
        _ hole: BodyProgram.Hole,
        _ program: BodyProgram,
        _ error: APIError,
        _ fieldError: FieldError?,
        into output: inout Sink
    ) {
        switch hole {
        case .instance: JSONWriter.appendEscaped(error.instance ?? "", to: &output)
        case .parameter(let position, _): JSONWriter.appendEscaped(error.value(at: position) ?? "", to: &output)
        case .retryAfterSeconds:
            if let retryAfter = error.retryAfter {
                Self.appendDecimal(ErrorRenderer.wholeSecondsRoundedUp(retryAfter), to: &output)
            }
        case .retryAfterMilliseconds:
            if let retryAfter = error.retryAfter {
                Self.appendDecimal(ErrorRenderer.wholeMillisecondsRoundedUp(retryAfter), to: &output)
            }
        case .retryAfterDecimalSeconds:
            if let retryAfter = error.retryAfter {
                let (seconds, milliseconds) = ErrorRenderer.secondsAndMillisecondsRoundedUp(retryAfter)
                Self.appendDecimal(seconds, to: &output)
                if milliseconds > 0 {
                    // Three digits, without the trailing zeros: 570 ms is `.57`, 5 ms `.005`.
                    output.write(UInt8(ascii: "."))
                    var digits = milliseconds
                    var divisor: Int64 = 100
                    while digits > 0 {
                        output.write(UInt8(ascii: "0") + UInt8(digits / divisor))
                        digits %= divisor
                        divisor /= 10
                    }
                }
            }
        case .details: JSONWriter.appendEscaped(error.details?.text ?? "", to: &output)
        case .requestID: JSONWriter.appendEscaped(error.requestID?.text ?? "", to: &output)
        case .errors:
            var json: [UInt8] = []
            writeFieldErrors(error, into: &json)
            JSONWriter.appendEscaped(String(decoding: json, as: UTF8.self), to: &output)
        case .field: JSONWriter.appendEscaped(fieldError?.field ?? "", to: &output)
        case .pointer:
            // `#/field` straight into the output when the field needs no JSON Pointer escaping: `resolvedPointer`
            // builds a string with `String.replacing`, which measured about 2 µs a call.
            guard let fieldError else { return }
            if let pointer = fieldError.pointer {
                JSONWriter.appendEscaped(pointer, to: &output)
            } else if !fieldError.field.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                output.write("#/")
                JSONWriter.appendEscaped(fieldError.field, to: &output)
            } else {
                JSONWriter.appendEscaped(fieldError.resolvedPointer, to: &output)
            }
        case .itemMessage: JSONWriter.appendEscaped(fieldError?.message ?? "", to: &output)
        case .attribute(let name):
            JSONWriter.appendEscaped(fieldError?.attribute(program.names[name])?.text ?? "", to: &output)
        }
    }

    private func writeFieldErrors<Sink: ByteSink>(_ error: APIError, into output: inout Sink) {
        guard let item = fieldErrors.item else { return }
        let items = error.fieldErrors
        switch fieldErrors.layout {
        case .list:
            output.write(UInt8(ascii: "["))
            for (index, fieldError) in items.enumerated() {
                if index > 0 { output.write(UInt8(ascii: ",")) }
                run(item, error, fieldError, into: &output)
            }
            output.write(UInt8(ascii: "]"))
        case .tree:
            let tree = FieldErrorTree(items)
            writeTree(tree, node: 0, item, error, items, into: &output)
        default:
            // Keyed by field, fields in order of first appearance, each with its errors in order.
            output.write(UInt8(ascii: "{"))
            var isFirstField = true
            for (index, fieldError) in items.enumerated()
            where !items[..<index].contains(where: { $0.field == fieldError.field }) {
                if !isFirstField { output.write(UInt8(ascii: ",")) }
                isFirstField = false
                JSONWriter.appendString(fieldError.field, to: &output)
                output.write(":[")
                var isFirstItem = true
                for sameField in items[index...] where sameField.field == fieldError.field {
                    if !isFirstItem { output.write(UInt8(ascii: ",")) }
                    isFirstItem = false
                    run(item, error, sameField, into: &output)
                }
                output.write(UInt8(ascii: "]"))
            }
            output.write(UInt8(ascii: "}"))
        }
    }

    /// Writes one node of a tree of field errors: its own errors in the leaf member, then its children, in order
    /// of first appearance. Recursion is bounded by ``FieldErrorTree/maximumDepth``.
    private func writeTree<Sink: ByteSink>(
        _ tree: FieldErrorTree,
        node: Int,
        _ item: BodyProgram,
        _ error: APIError,
        _ items: [FieldError],
        into output: inout Sink
    ) {
        let current = tree.nodes[node]
        output.write(UInt8(ascii: "{"))
        if !current.items.isEmpty {
            JSONWriter.appendString(fieldErrors.leaf, to: &output)
            output.write(":[")
            for (position, index) in current.items.enumerated() {
                if position > 0 { output.write(UInt8(ascii: ",")) }
                run(item, error, items[index], into: &output)
            }
            output.write(UInt8(ascii: "]"))
        }
        for (position, child) in current.children.enumerated() {
            if position > 0 || !current.items.isEmpty { output.write(UInt8(ascii: ",")) }
            JSONWriter.appendString(String(tree.nodes[child].key), to: &output)
            output.write(UInt8(ascii: ":"))
            writeTree(tree, node: child, item, error, items, into: &output)
        }
        output.write(UInt8(ascii: "}"))
    }

    /// Appends a non-negative integer's decimal digits without building a string.
    static func appendDecimal<Sink: ByteSink>(_ value: Int64, to output: inout Sink) {
        if value < 10 {
            output.write(UInt8(ascii: "0") + UInt8(max(0, value)))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { output.write(buffer[index]) }
        }
    }
}
