/// An envelope template compiled for one entry: static bytes with holes for what varies per occurrence.
///
/// Everything fixed for the entry (code, name, status, reason, title, type, a message without parameters) is
/// folded into the bytes at compile time, so rendering an occurrence copies bytes and escapes only the holes.
struct BodyProgram: Sendable {
    /// A value that varies per occurrence.
    enum Hole: Hashable, Sendable {
        case message
        case instance
        case errors
        case details
        case retryAfterSeconds
        case retryAfterMilliseconds
        case requestID
        case parameter(String, ParameterType)
        // Field error items.
        case field
        case pointer
        case itemMessage
        case attribute(String)
    }

    enum CommaMode: Sendable {
        /// First member of its object: no comma.
        case none
        /// Every member before it is always written: a comma, always.
        case always
        /// Some member before it may be left out: a comma unless the object is still empty.
        case ifNeeded
    }

    enum Piece: Sendable {
        case bytes([UInt8])
        case hole(Hole)
    }

    enum Op: Sendable {
        /// Bytes copied as they are.
        case bytes([UInt8])
        /// A comma unless the last byte written opened an object or array.
        case commaIfNeeded
        /// A member whose value is a hole: `"key":value`, all left out when the hole is absent and optional.
        case member(comma: CommaMode, key: [UInt8], hole: Hole, isOptional: Bool)
        /// A value that is a hole, in an array or at the top; absent renders `null`.
        case value(Hole)
        /// A JSON string built from bytes and holes (as text).
        case string([Piece])
    }

    var ops: [Op]
    /// The program's fixed bytes, with the keys and commas of members that may be left out: sizes the output once.
    var staticByteCount: Int
    /// The holes the program uses.
    var holes: Set<Hole>

    /// Compiles a template. `fold` gives the value of a variable fixed for the entry, or `nil` when it is a hole;
    /// `hole` maps a variable name to its hole.
    static func compile(
        _ template: JSONTemplate,
        fold: @escaping (String) -> JSONValue??,
        hole: @escaping (String) -> Hole?
    ) -> BodyProgram {
        var compiler = Compiler(fold: fold, hole: hole)
        compiler.emit(template)
        compiler.flush()
        let count = compiler.ops.reduce(0) { total, op in
            switch op {
            case .bytes(let bytes): total + bytes.count
            case .commaIfNeeded: total + 1
            case .member(_, let key, _, _): total + 1 + key.count  // The key, and a comma at most.
            case .string(let pieces):
                total + 2 + pieces.reduce(0) { if case .bytes(let bytes) = $1 { $0 + bytes.count } else { $0 } }
            default: total
            }
        }
        return BodyProgram(ops: compiler.ops, staticByteCount: count, holes: compiler.holes)
    }

    private struct Compiler {
        let fold: (String) -> JSONValue??
        let hole: (String) -> Hole?
        var ops: [Op] = []
        var pending: [UInt8] = []
        var holes: Set<Hole> = []

        init(fold: @escaping (String) -> JSONValue??, hole: @escaping (String) -> Hole?) {
            self.fold = fold
            self.hole = hole
        }

        mutating func flush() {
            if !pending.isEmpty {
                ops.append(.bytes(pending))
                pending = []
            }
        }

        mutating func append(_ op: Op) {
            flush()
            ops.append(op)
        }

        /// What a placeholder is at compile time: a folded value (`.some(nil)` = absent), or a hole.
        enum Resolution {
            case constant(JSONValue?)
            case hole(Hole)
        }

        func resolve(_ name: String) -> Resolution {
            if let folded = fold(name) { return .constant(folded) }
            if let hole = hole(name) { return .hole(hole) }
            return .constant(nil)
        }

        mutating func emit(_ template: JSONTemplate) {
            switch template {
            case .object(let members):
                pending.append(UInt8(ascii: "{"))
                var everyEarlierMemberIsCertain = true
                var isFirst = true
                for member in members {
                    let comma: CommaMode = isFirst ? .none : (everyEarlierMemberIsCertain ? .always : .ifNeeded)
                    var key: [UInt8] = []
                    JSONWriter.appendString(member.key, to: &key)
                    key.append(UInt8(ascii: ":"))
                    if case .value(let placeholder) = member.value {
                        switch resolve(placeholder.name) {
                        case .constant(nil) where placeholder.isOptional:
                            continue  // Absent for this entry: the member is never written.
                        case .constant(let value):
                            emitComma(comma)
                            pending += key
                            JSONWriter.append(value ?? .null, to: &pending)
                        case .hole(let hole):
                            holes.insert(hole)
                            append(.member(comma: comma, key: key, hole: hole, isOptional: placeholder.isOptional))
                            if placeholder.isOptional { everyEarlierMemberIsCertain = false }
                        }
                    } else {
                        emitComma(comma)
                        pending += key
                        emit(member.value)
                    }
                    isFirst = false
                }
                pending.append(UInt8(ascii: "}"))
            case .array(let elements):
                pending.append(UInt8(ascii: "["))
                for (index, element) in elements.enumerated() {
                    if index > 0 { pending.append(UInt8(ascii: ",")) }
                    emit(element)
                }
                pending.append(UInt8(ascii: "]"))
            case .value(let placeholder):
                switch resolve(placeholder.name) {
                case .constant(let value): JSONWriter.append(value ?? .null, to: &pending)
                case .hole(let hole):
                    holes.insert(hole)
                    append(.value(hole))
                }
            case .string(let template):
                var pieces: [Piece] = []
                var bytes: [UInt8] = []
                for segment in template.segments {
                    switch segment {
                    case .literal(let text):
                        JSONWriter.appendEscaped(text, to: &bytes)
                    case .placeholder(let placeholder):
                        switch resolve(placeholder.name) {
                        case .constant(let value):
                            if let value { JSONWriter.appendEscaped(value.text, to: &bytes) }
                        case .hole(let hole):
                            holes.insert(hole)
                            if !bytes.isEmpty { pieces.append(.bytes(bytes)) }
                            bytes = []
                            pieces.append(.hole(hole))
                        }
                    }
                }
                if pieces.isEmpty {
                    pending.append(UInt8(ascii: "\""))
                    pending += bytes
                    pending.append(UInt8(ascii: "\""))
                } else {
                    if !bytes.isEmpty { pieces.append(.bytes(bytes)) }
                    append(.string(pieces))
                }
            case .number(let text):
                pending += Array(text.utf8)
            case .bool(let flag):
                pending += Array((flag ? "true" : "false").utf8)
            case .null:
                pending += Array("null".utf8)
            }
        }

        mutating func emitComma(_ mode: CommaMode) {
            switch mode {
            case .none: break
            case .always: pending.append(UInt8(ascii: ","))
            case .ifNeeded: append(.commaIfNeeded)
            }
        }
    }
}
