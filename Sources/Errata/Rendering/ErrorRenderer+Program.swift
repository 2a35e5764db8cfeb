extension ErrorRenderer {
    /// What the holes of a program are filled from.
    struct Context {
        let error: APIError
        let entry: CompiledEntry
        let renderer: ErrorRenderer
        var fieldError: FieldError?
    }

    /// Runs a compiled body program. This is the render hot path: it appends bytes and escapes hole values, and
    /// allocates nothing beyond the output's growth.
    static func run(_ program: BodyProgram, context: inout Context, into output: inout [UInt8]) {
        for op in program.ops {
            switch op {
            case .bytes(let bytes):
                output.append(contentsOf: bytes)
            case .commaIfNeeded:
                appendCommaIfNeeded(to: &output)
            case .member(let comma, let key, let hole, let isOptional):
                if isOptional && !isPresent(hole, context) { continue }
                switch comma {
                case .none: break
                case .always: output.append(UInt8(ascii: ","))
                case .ifNeeded: appendCommaIfNeeded(to: &output)
                }
                output.append(contentsOf: key)
                writeValue(hole, context: &context, into: &output)
            case .value(let hole):
                writeValue(hole, context: &context, into: &output)
            case .string(let pieces):
                output.append(UInt8(ascii: "\""))
                for piece in pieces {
                    switch piece {
                    case .bytes(let bytes): output.append(contentsOf: bytes)
                    case .hole(let hole): writeText(hole, context: context, into: &output)
                    }
                }
                output.append(UInt8(ascii: "\""))
            }
        }
    }

    private static func appendCommaIfNeeded(to output: inout [UInt8]) {
        if let last = output.last, last != UInt8(ascii: "{") && last != UInt8(ascii: "[") {
            output.append(UInt8(ascii: ","))
        }
    }

    private static func isPresent(_ hole: BodyProgram.Hole, _ context: Context) -> Bool {
        let error = context.error
        switch hole {
        case .message: return context.entry.entry.message != nil
        case .instance: return error.instance != nil
        case .errors: return !error.fieldErrors.isEmpty
        case .details: return error.details != nil
        case .retryAfterSeconds, .retryAfterMilliseconds: return error.retryAfter != nil
        case .requestID: return error.requestID != nil
        case .parameter(let name, _): return error.parameters[name] != nil
        case .field, .pointer, .itemMessage: return context.fieldError != nil
        case .attribute(let name): return context.fieldError?.attribute(name) != nil
        }
    }

    private static func writeValue(_ hole: BodyProgram.Hole, context: inout Context, into output: inout [UInt8]) {
        guard isPresent(hole, context) else {
            output.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
            return
        }
        let error = context.error
        switch hole {
        case .message, .instance, .field, .pointer, .itemMessage:
            output.append(UInt8(ascii: "\""))
            writeText(hole, context: context, into: &output)
            output.append(UInt8(ascii: "\""))
        case .errors:
            writeFieldErrors(context: &context, into: &output)
        case .details:
            JSONWriter.append(error.details ?? .null, to: &output)
        case .requestID:
            JSONWriter.append(error.requestID ?? .null, to: &output)
        case .retryAfterSeconds, .retryAfterMilliseconds:
            writeText(hole, context: context, into: &output)
        case .parameter(let name, let type):
            let value = error.parameters[name] ?? ""
            if type != .string, isLiteral(value, of: type) {
                output.append(contentsOf: value.utf8)
            } else {
                JSONWriter.appendString(value, to: &output)
            }
        case .attribute(let name):
            JSONWriter.append(context.fieldError?.attribute(name) ?? .null, to: &output)
        }
    }

    /// Writes a hole's value as escaped text, for a place inside a JSON string.
    private static func writeText(_ hole: BodyProgram.Hole, context: Context, into output: inout [UInt8]) {
        let error = context.error
        switch hole {
        case .message:
            for piece in context.entry.messagePieces {
                switch piece {
                case .bytes(let bytes): output.append(contentsOf: bytes)
                case .hole(.parameter(let name, _)): JSONWriter.appendEscaped(error.parameters[name] ?? "", to: &output)
                case .hole: break
                }
            }
        case .instance: JSONWriter.appendEscaped(error.instance ?? "", to: &output)
        case .parameter(let name, _): JSONWriter.appendEscaped(error.parameters[name] ?? "", to: &output)
        case .retryAfterSeconds:
            if let retryAfter = error.retryAfter { appendDecimal(wholeSecondsRoundedUp(retryAfter), to: &output) }
        case .retryAfterMilliseconds:
            if let retryAfter = error.retryAfter { appendDecimal(wholeMillisecondsRoundedUp(retryAfter), to: &output) }
        case .details: JSONWriter.appendEscaped(error.details?.text ?? "", to: &output)
        case .requestID: JSONWriter.appendEscaped(error.requestID?.text ?? "", to: &output)
        case .errors:
            var nested = context
            var json: [UInt8] = []
            writeFieldErrors(context: &nested, into: &json)
            JSONWriter.appendEscaped(String(decoding: json, as: UTF8.self), to: &output)
        case .field: JSONWriter.appendEscaped(context.fieldError?.field ?? "", to: &output)
        case .pointer: JSONWriter.appendEscaped(context.fieldError?.resolvedPointer ?? "", to: &output)
        case .itemMessage: JSONWriter.appendEscaped(context.fieldError?.message ?? "", to: &output)
        case .attribute(let name): JSONWriter.appendEscaped(context.fieldError?.attribute(name)?.text ?? "", to: &output)
        }
    }

    private static func writeFieldErrors(context: inout Context, into output: inout [UInt8]) {
        guard let item = context.renderer.itemProgram else { return }
        let fieldErrors = context.error.fieldErrors
        let saved = context.fieldError
        defer { context.fieldError = saved }
        switch context.renderer.fieldErrorLayout {
        case .list:
            output.append(UInt8(ascii: "["))
            for (index, fieldError) in fieldErrors.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                context.fieldError = fieldError
                run(item, context: &context, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        default:
            // Keyed by field, fields in order of first appearance, each with its errors in order.
            output.append(UInt8(ascii: "{"))
            var isFirstField = true
            for (index, fieldError) in fieldErrors.enumerated()
            where !fieldErrors[..<index].contains(where: { $0.field == fieldError.field }) {
                if !isFirstField { output.append(UInt8(ascii: ",")) }
                isFirstField = false
                JSONWriter.appendString(fieldError.field, to: &output)
                output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: "[")])
                var isFirstItem = true
                for sameField in fieldErrors[index...] where sameField.field == fieldError.field {
                    if !isFirstItem { output.append(UInt8(ascii: ",")) }
                    isFirstItem = false
                    context.fieldError = sameField
                    run(item, context: &context, into: &output)
                }
                output.append(UInt8(ascii: "]"))
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Whether `text` is a JSON literal of a parameter's declared type, to be written unquoted.
    static func isLiteral(_ text: String, of type: ParameterType) -> Bool {
        switch type {
        // `Int` also reads `+5` and `007`, which are not JSON.
        case .integer: return Int(text) != nil && JSONParser.isNumber(text)
        case .number: return JSONParser.isNumber(text)
        case .boolean: return text == "true" || text == "false"
        default: return false
        }
    }

    /// Appends a non-negative integer's decimal digits without building a string.
    static func appendDecimal(_ value: Int64, to output: inout [UInt8]) {
        if value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(max(0, value)))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[index]) }
        }
    }
}
