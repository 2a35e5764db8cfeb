// We read libyaml's event stream (the copy Yams vendors, module CYaml) instead of Yams' composed `Node`: Yams'
// composer recurses once per nesting level, expands aliases without bound and hashes whole subtrees to find
// duplicate keys, so a hostile file can exhaust the stack or hang it. Building the tree ourselves from events,
// with an explicit stack, lets us bound depth, node count and alias expansion before anything recursive runs.
internal import CYaml

/// Reads a YAML (or JSON) document into a ``YAMLNode`` tree, within limits.
struct YAMLReader {
    /// The deepest nesting accepted.
    var maximumDepth: Int
    /// The most nodes accepted, counting every expansion of an alias.
    var maximumNodeCount: Int

    /// A syntax error or a limit exceeded, at a 1-based position.
    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    func read(_ bytes: [UInt8]) throws(Failure) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Failure(message: "out of memory while starting the YAML parser", line: 1, column: 1)
        }
        defer { yaml_parser_delete(&parser) }

        return try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            do throws(Failure) {
                return try build(&parser)
            } catch {
                throw Self.movedOffTheEnd(error, bytes)
            }
        }
    }

    private struct OpenCollection {
        var isMapping: Bool
        var line: Int
        var column: Int
        var anchor: String?
        var children: [YAMLNode] = []
        var height = 1
        var size = 1
    }

    private struct Anchored {
        var node: YAMLNode
        var height: Int
        var size: Int
    }

    private func build(_ parser: inout yaml_parser_t) throws(Failure) -> YAMLNode? {
        var stack: [OpenCollection] = []
        var anchors: [String: Anchored] = [:]
        var root: YAMLNode?
        var documents = 0
        var nodeCount = 0

        func attach(_ node: YAMLNode, height: Int, size: Int, anchor: String?) throws(Failure) {
            nodeCount += size
            if nodeCount > maximumNodeCount {
                throw Failure(
                    message: "the document has more than \(maximumNodeCount) values (counting every use of an "
                        + "alias); a catalog is far smaller, so this file is rejected",
                    line: node.line,
                    column: node.column
                )
            }
            if stack.count + height > maximumDepth {
                throw Failure(
                    message: "values are nested more than \(maximumDepth) levels deep; a catalog needs far fewer",
                    line: node.line,
                    column: node.column
                )
            }
            if let anchor { anchors[anchor] = Anchored(node: node, height: height, size: size) }
            if stack.isEmpty {
                root = node
            } else {
                stack[stack.count - 1].children.append(node)
                stack[stack.count - 1].height = max(stack[stack.count - 1].height, height + 1)
                stack[stack.count - 1].size += size
            }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw failure(from: parser)
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw Failure(
                        message: "a catalog file holds one YAML document; remove the second '---' or split the file",
                        line: line,
                        column: column
                    )
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = Self.string(scalar.value, length: scalar.length)
                let tag = scalar.tag.map { String(cString: $0) }
                let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && tag != "tag:yaml.org,2002:str"
                var node = YAMLNode(value: .scalar(text, isPlain: isPlain), line: line, column: column)
                node.textColumn = Self.textColumn(of: event, text: text)
                try attach(
                    node,
                    height: 1,
                    size: 1,
                    anchor: scalar.anchor.map { String(cString: $0) }
                )
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let anchored = anchors[name] else {
                    throw Failure(
                        message: "alias '*\(name)' refers to no anchor; define '&\(name)' before using it",
                        line: line,
                        column: column
                    )
                }
                var node = anchored.node
                node.line = line
                node.column = column
                node.textColumn = nil
                try attach(node, height: anchored.height, size: anchored.size, anchor: nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                if stack.count + 1 > maximumDepth {
                    throw Failure(
                        message: "values are nested more than \(maximumDepth) levels deep; a catalog needs far fewer",
                        line: line,
                        column: column
                    )
                }
                stack.append(
                    OpenCollection(
                        isMapping: isMapping,
                        line: line,
                        column: column,
                        anchor: anchor.map { String(cString: $0) }
                    )
                )
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let open = stack.removeLast()
                let value: YAMLNode.Value
                if open.isMapping {
                    var pairs: [YAMLNode.Pair] = []
                    pairs.reserveCapacity(open.children.count / 2)
                    var index = 0
                    while index + 1 < open.children.count {
                        pairs.append(YAMLNode.Pair(key: open.children[index], value: open.children[index + 1]))
                        index += 2
                    }
                    value = .mapping(pairs)
                } else {
                    value = .sequence(open.children)
                }
                // The children were counted as they attached; `attach` adds the whole size again, so take them
                // off first and the collection counts once.
                nodeCount -= open.size - 1
                try attach(
                    YAMLNode(value: value, line: open.line, column: open.column),
                    height: open.height,
                    size: open.size,
                    anchor: open.anchor
                )
            default:
                break
            }
        }
    }

    /// Where a scalar's text starts, when the text is written as it reads on one line (see ``YAMLNode/textColumn``).
    private static func textColumn(of event: yaml_event_t, text: String) -> Int? {
        let start = event.start_mark
        let end = event.end_mark
        let quotes: Int
        switch event.data.scalar.style {
        case YAML_PLAIN_SCALAR_STYLE: quotes = 0
        case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: quotes = 2
        default: return nil
        }
        guard start.line == end.line, Int(end.column - start.column) == text.unicodeScalars.count + quotes else {
            return nil
        }
        return Int(start.column) + 1 + quotes / 2
    }

    /// At the end of a file with no final line break, libyaml reports the start of a line after the last one;
    /// point at the end of the last line instead, where an editor can go.
    private static func movedOffTheEnd(_ failure: Failure, _ bytes: [UInt8]) -> Failure {
        guard failure.column == 1, failure.line > 1, let last = bytes.last, last != UInt8(ascii: "\n") else {
            return failure
        }
        let lastLine = bytes[((bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1)...]
        let lineCount = bytes.count { $0 == UInt8(ascii: "\n") } + 1
        guard failure.line == lineCount + 1 else { return failure }
        var moved = failure
        moved.line = lineCount
        moved.column = String(decoding: lastLine, as: UTF8.self).unicodeScalars.count + 1
        return moved
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func failure(from parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        let line = Int(mark.line) + 1
        let column = Int(mark.column) + 1
        if parser.error == YAML_READER_ERROR {
            let message = "the file is not valid UTF-8 text (\(problem) at byte \(parser.problem_offset))"
            return Failure(message: message, line: 1, column: 1)
        }
        // libyaml's own nesting limit (it runs ahead of our count in flow collections); its message names a C
        // function, so say what it means instead.
        if problem.hasPrefix("Maximum nesting level reached") {
            return Failure(
                message: "values are nested more than \(maximumDepth) levels deep; a catalog needs far fewer",
                line: line,
                column: column
            )
        }
        var message = problem
        if let context {
            // "while scanning a quoted scalar": say where that scalar (or collection) starts, which is usually
            // where the mistake is (an unclosed quote, a badly indented block).
            let start = parser.context_mark
            message += " \(context)"
            if start.line != mark.line || start.column != mark.column {
                message += " that starts at line \(start.line + 1), column \(start.column + 1)"
            }
            if context.contains("block") {
                message += "; check the indentation of this line"
            }
        }
        return Failure(message: "invalid YAML: \(message)", line: line, column: column)
    }
}
