/// An envelope template compiled for one entry: static bytes with holes for what varies per occurrence.
///
/// Everything fixed for the entry (code, name, status, reason, title, type, a message without parameters) is
/// folded into the bytes at compile time, so rendering an occurrence copies bytes and escapes only the holes.
///
/// The program is flat, because ``BodyWriter`` reads it on every render: every static byte sits in one buffer,
/// and operations, pieces and holes are plain values that point into it by range and name parameters by index.
/// Operations that carried their own arrays and strings were retained and released each time one was read out of
/// the program: measured as 40 % of a templated render. Plain values are copied without reference counting.
struct BodyProgram: Sendable {
    /// A value that varies per occurrence.
    enum Hole: Hashable, Sendable {
        case message
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

    enum Piece: Sendable {
        /// Bytes of ``BodyProgram/bytes``.
        case bytes(Range<Int>)
        case hole(Hole)
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
        /// A JSON string built from the pieces in this range of ``BodyProgram/pieces`` (holes as text).
        case string(Range<Int>)
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

    /// Every static byte: of the operations, the keys, the string pieces and the message.
    let bytes: [UInt8]
    let ops: [Op]
    let pieces: [Piece]
    let names: [String]
    /// The holes the program uses, each once, in order of first use: an array, because ``BodyWriter/isStatic(for:)``
    /// walks it per render.
    let holes: [Hole]
    /// The holes each ``Op/group(holes:count:)`` depends on.
    let groupHoles: [Hole]
    /// The message's pieces in ``pieces``, for the ``Hole/message`` hole: escaped literal text and parameters.
    let message: Range<Int>

    /// Compiles a template. `fold` gives the value of a variable fixed for the entry, or `nil` when it is a hole;
    /// `hole` maps a variable name to its hole, taking parameter and attribute names' indices from `names`.
    /// `message` is the entry's message template, whose pieces the ``Hole/message`` hole writes. `parameterNames`
    /// take the first indices, so that a parameter's index is its position in ``APIError``'s values.
    static func compile(
        _ template: JSONTemplate,
        message: MessageTemplate? = nil,
        parameterNames: [String] = [],
        fold: @escaping (String) -> JSONValue??,
        hole: @escaping (String, inout Names) -> Hole?
    ) -> BodyProgram {
        var compiler = Compiler(fold: fold, hole: hole)
        compiler.names.all = parameterNames
        compiler.emit(template)
        compiler.flush()
        var messagePieces: [Compiler.PendingPiece] = []
        for segment in message?.segments ?? [] {
            switch segment {
            case .literal(let text):
                var bytes: [UInt8] = []
                JSONWriter.appendEscaped(text, to: &bytes)
                messagePieces.append(.bytes(bytes))
            case .placeholder(let placeholder):
                messagePieces.append(.hole(.parameter(compiler.names.index(of: placeholder.name), .string)))
            }
        }
        let message = compiler.store(messagePieces)
        return BodyProgram(
            bytes: compiler.bytes,
            ops: compiler.ops,
            pieces: compiler.pieces,
            names: compiler.names.all,
            holes: compiler.holes,
            groupHoles: compiler.groupHoles,
            message: message
        )
    }

    private struct Compiler {
        /// A string piece before its bytes are stored.
        enum PendingPiece {
            case bytes([UInt8])
            case hole(Hole)
        }

        let fold: (String) -> JSONValue??
        let hole: (String, inout Names) -> Hole?
        var bytes: [UInt8] = []
        var ops: [Op] = []
        var pieces: [Piece] = []
        var names = Names()
        var pending: [UInt8] = []
        /// In order of first use, each once.
        var holes: [Hole] = []
        var groupHoles: [Hole] = []
        /// For each optional member or tagged element being compiled, innermost last: the holes it uses, and
        /// whether it writes a member for certain (a constant), which makes it certain too.
        var openGroups: [(holes: [Hole], isCertain: Bool)] = []

        init(fold: @escaping (String) -> JSONValue??, hole: @escaping (String, inout Names) -> Hole?) {
            self.fold = fold
            self.hole = hole
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

        /// Stores string pieces, and their bytes.
        mutating func store(_ list: [PendingPiece]) -> Range<Int> {
            let start = pieces.count
            for piece in list {
                switch piece {
                case .bytes(let slice): pieces.append(.bytes(store(slice)))
                case .hole(let hole): pieces.append(.hole(hole))
                }
            }
            return start..<pieces.count
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

        /// What a placeholder is at compile time: a folded value (`.some(nil)` = absent), or a hole.
        enum Resolution {
            case constant(JSONValue?)
            case hole(Hole)
        }

        mutating func resolve(_ name: String) -> Resolution {
            if let folded = fold(name) { return .constant(folded) }
            if let hole = hole(name, &names) { return .hole(hole) }
            return .constant(nil)
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
                case .hole(let hole):
                    use(hole)
                    append(.value(hole))
                }
            case .string(let template):
                var pieces: [PendingPiece] = []
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
                            use(hole)
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
                    flush()
                    ops.append(.string(store(pieces)))
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
