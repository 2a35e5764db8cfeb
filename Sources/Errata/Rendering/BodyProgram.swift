/// An envelope template compiled for one entry: static bytes with holes for what varies per occurrence.
///
/// Everything fixed for the entry (code, name, status, reason, title, type, a message without parameters) is
/// folded into the bytes at compile time, so rendering an occurrence copies bytes and escapes only the holes. A
/// message with parameters is written in line, its text among the static bytes and its parameters as text holes:
/// `"detail":"Account '` is one copy, the account the next.
///
/// The program is flat, because ``BodyWriter`` reads it on every render: every static byte sits in one buffer,
/// and operations and holes are plain values that point into it by range and name parameters by index.
/// Operations that carried their own arrays and strings were retained and released each time one was read out of
/// the program: measured as 40 % of a templated render. Plain values are copied without reference counting. A class,
/// immutable once built: the writer's functions take it as one reference, where a struct of five arrays was copied
/// onto the stack at each call (measured at 5 % of a templated body's instructions).
final class BodyProgram: Sendable {
    /// A value that varies per occurrence.
    enum Hole: Hashable, Sendable {
        case instance
        case errors
        case details
        case retryAfterSeconds
        case retryAfterMilliseconds
        case retryAfterDecimalSeconds
        case requestID
        /// A template parameter: the index of its name in ``BodyProgram/names``, which is its position in the
        /// occurrence's values (``APIError/value(at:)``) for the entry's own parameters.
        case parameter(Int, ParameterType)
        // Field error items.
        case field
        case pointer
        case itemMessage
        /// A field error attribute: the index of its name in ``BodyProgram/names``.
        case attribute(Int)
    }

    enum CommaMode: Sendable {
        /// First member of its object: no comma.
        case none
        /// Every member before it is always written: a comma, always.
        case always
        /// Some member before it may be left out: a comma unless the object is still empty.
        case ifNeeded
    }

    enum Op: Sendable {
        /// Bytes of ``BodyProgram/bytes``, copied as they are.
        case bytes(Range<Int>)
        /// A comma unless the last byte written opened an object or array.
        case commaIfNeeded
        /// A member whose value is a hole: `"key":value` (the key in ``BodyProgram/bytes``), all left out when the
        /// hole is absent and optional.
        case member(comma: CommaMode, key: Range<Int>, hole: Hole, isOptional: Bool)
        /// A value that is a hole, in an array or at the top; absent renders `null`.
        case value(Hole)
        /// A hole's value as escaped text, inside a JSON string whose quotes and other text are static bytes;
        /// absent writes nothing.
        case text(Hole)
        /// An optional member (`details?:`) or one element of an optional array: the next `count` operations write
        /// it, and are skipped when no hole in this range of ``BodyProgram/groupHoles`` is present.
        case group(holes: Range<Int>, count: Int)
    }

    /// Parameter and attribute names, which holes refer to by index.
    struct Names {
        fileprivate(set) var all: [String] = []

        /// The index of a name, added when new.
        mutating func index(of name: String) -> Int {
            if let index = all.firstIndex(of: name) { return index }
            all.append(name)
            return all.count - 1
        }
    }

    /// Every static byte: of the operations and the keys.
    let bytes: [UInt8]
    let ops: [Op]
    let names: [String]
    /// The holes the program uses, each once, in order of first use: an array, because ``BodyWriter/isStatic(for:)``
    /// walks it per render.
    let holes: [Hole]
    /// The holes each ``Op/group(holes:count:)`` depends on.
    let groupHoles: [Hole]

    init(bytes: [UInt8], ops: [Op], names: [String], holes: [Hole], groupHoles: [Hole]) {
        self.bytes = bytes
        self.ops = ops
        self.names = names
        self.holes = holes
        self.groupHoles = groupHoles
    }

    /// Compiles a template. `fold` gives the value of a variable fixed for the entry, or `nil` when it is a hole;
    /// `hole` maps a variable name to its hole, taking parameter and attribute names' indices from `names`.
    /// `message` is the entry's message template when it has parameters: the envelope's `message` variable is
    /// written in line, as its text and parameters. `parameterNames` take the first indices, so that a parameter's
    /// index is its position in ``APIError``'s values.
    static func compile(
        _ template: JSONTemplate,
        message: MessageTemplate? = nil,
        parameterNames: [String] = [],
        fold: @escaping (String) -> JSONValue??,
        hole: @escaping (String, inout Names) -> Hole?
    ) -> BodyProgram {
        var compiler = Compiler(fold: fold, hole: hole, message: message)
        compiler.names.all = parameterNames
        compiler.emit(template)
        compiler.flush()
        return BodyProgram(
            bytes: compiler.bytes,
            ops: compiler.ops,
            names: compiler.names.all,
            holes: compiler.holes,
            groupHoles: compiler.groupHoles
        )
    }

    private struct Compiler {
        let fold: (String) -> JSONValue??
        let hole: (String, inout Names) -> Hole?
        /// The entry's message when it has parameters, written in line where the envelope has `message`.
        let message: MessageTemplate?
        var bytes: [UInt8] = []
        var ops: [Op] = []
        var names = Names()
        var pending: [UInt8] = []
        /// In order of first use, each once.
        var holes: [Hole] = []
        var groupHoles: [Hole] = []
        /// For each optional member or tagged element being compiled, innermost last: the holes it uses, and
        /// whether it writes a member for certain (a constant), which makes it certain too.
        var openGroups: [(holes: [Hole], isCertain: Bool)] = []

        init(
            fold: @escaping (String) -> JSONValue??,
            hole: @escaping (String, inout Names) -> Hole?,
            message: MessageTemplate?
        ) {
            self.fold = fold
            self.hole = hole
            self.message = message
        }

        /// Notes that the program uses a hole.
        mutating func use(_ hole: Hole) {
            if !holes.contains(hole) { holes.append(hole) }
            if !openGroups.isEmpty { openGroups[openGroups.count - 1].holes.append(hole) }
        }

        /// Notes that the innermost open optional object writes something for certain.
        mutating func writesForCertain() {
            if !openGroups.isEmpty { openGroups[openGroups.count - 1].isCertain = true }
        }

        /// Stores bytes in the program's buffer.
        mutating func store(_ slice: [UInt8]) -> Range<Int> {
            let start = bytes.count
            bytes += slice
            return start..<bytes.count
        }

        mutating func flush() {
            if !pending.isEmpty {
                ops.append(.bytes(store(pending)))
                pending = []
            }
        }

        mutating func append(_ op: Op) {
            flush()
            ops.append(op)
        }

        /// What a placeholder is at compile time: a folded value (`.some(nil)` = absent), a hole, or the entry's
        /// message with parameters, written in line.
        enum Resolution {
            case constant(JSONValue?)
            case hole(Hole)
            case message(MessageTemplate)
        }

        mutating func resolve(_ name: String) -> Resolution {
            if let folded = fold(name) { return .constant(folded) }
            if let message, EnvelopeVariable(name) == .message { return .message(message) }
            if let hole = hole(name, &names) { return .hole(hole) }
            return .constant(nil)
        }

        /// Emits a message's text inside a JSON string: literal text escaped among the static bytes, each
        /// parameter as a text hole.
        mutating func emitText(of message: MessageTemplate) {
            for segment in message.segments {
                switch segment {
                case .literal(let text):
                    JSONWriter.appendEscaped(text, to: &pending)
                case .placeholder(let placeholder):
                    let hole = Hole.parameter(names.index(of: placeholder.name), .string)
                    use(hole)
                    append(.text(hole))
                }
            }
        }

        /// How a group compiled: written for certain, never written (its operations removed), or written when one
        /// of its holes is present (behind an ``Op/group(holes:count:)``).
        enum GroupOutcome {
            case certain
            case removed
            case conditional
        }

        /// Closes the innermost open group, whose operations start at `start`.
        mutating func closeGroup(openedAt start: Int) -> GroupOutcome {
            flush()
            let group = openGroups.removeLast()
            if group.isCertain {
                writesForCertain()
                return .certain
            }
            if group.holes.isEmpty {
                ops.removeSubrange(start...)  // Nothing in it is ever written for this entry.
                return .removed
            }
            if !openGroups.isEmpty { openGroups[openGroups.count - 1].holes += group.holes }
            let holeRange = groupHoles.count..<(groupHoles.count + group.holes.count)
            groupHoles += group.holes
            ops.insert(.group(holes: holeRange, count: ops.count - start), at: start)
            return .conditional
        }

        /// An optional array's elements, tagged objects: each a group of its own, written when one of its holes
        /// is present, and separated by a comma only from an element written before it.
        mutating func emitTaggedElements(_ elements: [JSONTemplate]) {
            pending.append(UInt8(ascii: "["))
            var isFirst = true
            for element in elements {
                flush()
                let start = ops.count
                openGroups.append(([], false))
                if !isFirst { append(.commaIfNeeded) }
                emit(element, isTagged: true)
                if closeGroup(openedAt: start) != .removed { isFirst = false }
            }
            pending.append(UInt8(ascii: "]"))
        }

        /// Emits a template; `isTagged` for an optional array's element, whose constant members are its tag.
        mutating func emit(_ template: JSONTemplate, isTagged: Bool = false) {
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
                            writesForCertain()
                            emitComma(comma)
                            pending += key
                            JSONWriter.append(value ?? .null, to: &pending)
                        case .message(let message):
                            // The entry has a message: the member is always written.
                            writesForCertain()
                            emitComma(comma)
                            pending += key
                            pending.append(UInt8(ascii: "\""))
                            emitText(of: message)
                            pending.append(UInt8(ascii: "\""))
                        case .hole(let hole):
                            use(hole)
                            flush()
                            let key = store(key)
                            ops.append(.member(comma: comma, key: key, hole: hole, isOptional: placeholder.isOptional))
                            if placeholder.isOptional { everyEarlierMemberIsCertain = false }
                        }
                    } else if member.isOptional {
                        // Compiled as a group of operations, kept only if some hole inside can be present.
                        flush()
                        let start = ops.count
                        openGroups.append(([], false))
                        emitComma(comma)
                        pending += key
                        if case .array(let elements) = member.value {
                            emitTaggedElements(elements)
                        } else {
                            emit(member.value)
                        }
                        switch closeGroup(openedAt: start) {
                        case .certain: break
                        case .removed: continue
                        case .conditional: everyEarlierMemberIsCertain = false
                        }
                    } else if isTagged {
                        // In a tagged object, only a member fixed for the entry makes the object certain: its
                        // constants are its tag, and a member with holes (`"{retryAfterDecimalSeconds}s"`) is
                        // written with the object, which is written when one of its holes is present.
                        openGroups.append(([], false))
                        emitComma(comma)
                        pending += key
                        emit(member.value)
                        let inner = openGroups.removeLast()
                        openGroups[openGroups.count - 1].holes += inner.holes
                        if inner.holes.isEmpty && member.value.constantValue == nil { writesForCertain() }
                    } else {
                        writesForCertain()
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
                case .message(let message):
                    writesForCertain()
                    pending.append(UInt8(ascii: "\""))
                    emitText(of: message)
                    pending.append(UInt8(ascii: "\""))
                case .hole(let hole):
                    use(hole)
                    append(.value(hole))
                }
            case .string(let template):
                // Quotes and text among the static bytes; holes as text between them.
                pending.append(UInt8(ascii: "\""))
                for segment in template.segments {
                    switch segment {
                    case .literal(let text):
                        JSONWriter.appendEscaped(text, to: &pending)
                    case .placeholder(let placeholder):
                        switch resolve(placeholder.name) {
                        case .constant(let value):
                            if let value { JSONWriter.appendEscaped(value.text, to: &pending) }
                        case .message(let message):
                            // The entry has a message, so this is written for certain (in a tagged element, whose
                            // constants are its tag, when one of the message's parameters has a value).
                            writesForCertain()
                            emitText(of: message)
                        case .hole(let hole):
                            use(hole)
                            append(.text(hole))
                        }
                    }
                }
                pending.append(UInt8(ascii: "\""))
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
