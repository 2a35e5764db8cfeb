import Errata
import HTTPTypes

extension SwiftGenerator {
    /// What the generated type holds, with every Swift name chosen: entry identifiers made unique and kept clear of
    /// the type's own members, keywords escaped.
    struct Plan {
        var catalog: ErrorCatalog
        var typeName: String
        var entries: [EntryPlan]
        /// The name the `Case` initialiser gives the decoded error: one no parameter binding shadows.
        var decodedErrorName: String

        init(catalog: ErrorCatalog, typeName: String) {
            self.catalog = catalog
            self.typeName = typeName
            let variables = Self.renderedVariables(catalog.envelope)
            var taken: Set<String> = []
            var seenNames: Set<String> = []
            var entries: [EntryPlan] = []
            for entry in catalog.entries {
                let identifier = Self.unique(
                    SwiftSpelling.lowerCamelCase(entry.name),
                    fallback: "entry",
                    reserved: Self.reservedMemberNames,
                    taken: &taken
                )
                entries.append(
                    EntryPlan(
                        entry: entry,
                        identifier: identifier,
                        envelopeVariables: variables,
                        isFirstOfName: seenNames.insert(entry.name).inserted
                    )
                )
            }
            self.entries = entries
            let bindings = Set(entries.flatMap { $0.parameters.map(\.identifier) })
            var decodedErrorName = "error"
            var suffix = 1
            while bindings.contains(decodedErrorName) {
                suffix += 1
                decodedErrorName = suffix == 2 ? "decodedError" : "decodedError\(suffix - 1)"
            }
            self.decodedErrorName = decodedErrorName
        }

        /// The generated type's own members, and the case `Case` adds: no entry may take their names.
        static let reservedMemberNames: Set<String> = ["catalog", "template", "unrecognized"]

        /// A constructor call for the type's documentation: the first entry with parameters, else the first entry.
        var exampleThrow: String? {
            guard let example = entries.first(where: { !$0.parameters.isEmpty }) ?? entries.first else { return nil }
            let name = SwiftSpelling.escaped(example.identifier)
            if example.isConstant { return name }
            let arguments = example.parameters.map { "\(SwiftSpelling.escaped($0.identifier)): …" }
            return "\(name)(\(arguments.joined(separator: ", ")))"
        }

        /// `base`; `base_` when it is reserved or cannot be a member's name; `base2`, `base3`, … when that is taken.
        /// The result is recorded as taken.
        static func unique(_ base: String, fallback: String, reserved: Set<String>, taken: inout Set<String>) -> String
        {
            var base = base.isEmpty ? fallback : base
            if SwiftSpelling.unusableMemberNames.contains(base) || reserved.contains(base) { base += "_" }
            var candidate = base
            var number = 1
            while taken.contains(candidate) {
                number += 1
                candidate = base + String(number)
            }
            taken.insert(candidate)
            return candidate
        }

        /// The variables an envelope, or any of its alternatives, renders.
        static func renderedVariables(_ envelope: Envelope) -> Set<EnvelopeVariable> {
            // The body templates the renderer fills, the RFC 9457 members for problems included.
            Set(
                ([envelope] + envelope.alternatives).flatMap {
                    $0.bodyTemplate.placeholders.compactMap { EnvelopeVariable($0.name) }
                }
            )
        }
    }

    /// One entry's constructor and case.
    struct EntryPlan {
        var entry: ErrorEntry
        /// The constructor's, entry constant's and case's name, unescaped.
        var identifier: String
        /// The parameters an occurrence gives: the constructor's arguments and the case's associated values. A
        /// parameter with a `const` is neither; the catalog gives its value.
        var parameters: [ParameterPlan]
        /// The constructor's `values:`, one per parameter in the entry's order: an argument, or `nil` for a
        /// constant, which `APIError` fills in.
        var values: [SwiftExpression]
        /// The `APIError.with(…)` modifiers that reach this entry's responses, for its documentation.
        var options: [Option]
        /// Whether no earlier entry has the same name; `Case` recognises only the first (as the decoder does).
        var isFirstOfName: Bool

        init(entry: ErrorEntry, identifier: String, envelopeVariables: Set<EnvelopeVariable>, isFirstOfName: Bool) {
            self.entry = entry
            self.identifier = identifier
            self.isFirstOfName = isFirstOfName
            // Names a parameter binding must not take: the modules the generated bodies name.
            let reserved: Set<String> = ["Swift", "Errata"]
            var taken: Set<String> = []
            // What the decoder reads back: the message's parameters when the body carries the message, and
            // `params.NAME` members.
            let messageParameters =
                envelopeVariables.contains(.message) ? Set(entry.message?.parameterNames ?? []) : []
            let constants = entry.constants
            let parameters = entry.parameterNames.map { name -> ParameterPlan? in
                if constants[name] != nil { return nil }
                let declaration = entry.parameters.first { $0.name == name }
                let isSpelledRight = SwiftSpelling.isPlainIdentifier(name) || SwiftSpelling.keywords.contains(name)
                let base = isSpelledRight ? name : SwiftSpelling.lowerCamelCase(name)
                return ParameterPlan(
                    name: name,
                    identifier: Plan.unique(base, fallback: "value", reserved: reserved, taken: &taken),
                    type: declaration?.type ?? .string,
                    description: declaration?.description,
                    isInBody: messageParameters.contains(name) || envelopeVariables.contains(.parameter(name))
                )
            }
            self.parameters = parameters.compactMap { $0 }
            self.values = parameters.map { SwiftExpression($0?.text ?? "nil") }
            var options: [Option] = []
            if entry.hasFieldErrors { options.append(.fieldErrors) }
            if entry.retry == .after { options.append(.retryAfter) }
            if envelopeVariables.contains(.instance) { options.append(.instance) }
            if envelopeVariables.contains(.details) { options.append(.details) }
            self.options = options
        }

        /// Whether the constructor takes no argument, and is a constant: only the message's parameters are
        /// arguments, so that an entry gaining `retry: after` or field errors (a minor change) stays a constant.
        var isConstant: Bool { parameters.isEmpty }

        /// `Member not found (`MemberRefNotFound`: 404, code 20003).`
        var summary: String {
            var facts: [String] = []
            if let status = entry.status { facts.append(String(status.code)) }
            if let code = entry.code { facts.append("code \(code)") }
            let name = "`\(SwiftSpelling.commentText(entry.name))`"
            let details = facts.isEmpty ? name : "\(name): \(facts.joined(separator: ", "))"
            guard let title = entry.title else { return details + "." }
            return "\(SwiftSpelling.commentText(title)) (\(details))."
        }
    }

    /// A template parameter: the constructor's argument and the case's associated value.
    struct ParameterPlan {
        /// The name in the template.
        var name: String
        /// The Swift name, unescaped.
        var identifier: String
        var type: ParameterType
        var description: String?
        /// Whether an error body carries the value (in the message, or a `params.NAME` member), so that a decoded
        /// error has it; a value only in headers is optional in `Case`.
        var isInBody: Bool

        /// The type of the case's associated value.
        var caseType: String { isInBody ? swiftType : swiftType + "?" }

        /// The Swift type of the value.
        var swiftType: String {
            switch type {
            case .integer: "Swift.Int"
            case .number: "Swift.Double"
            case .boolean: "Swift.Bool"
            default: "Swift.String"
            }
        }

        /// An expression turning the value into template text.
        var text: String {
            swiftType == "Swift.String"
                ? SwiftSpelling.escaped(identifier) : "Swift.String(\(SwiftSpelling.escaped(identifier)))"
        }

        /// An expression reading the value back from `text`, an optional `String`.
        func value(from text: String) -> String {
            swiftType == "Swift.String" ? text : "\(text).flatMap({ \(swiftType)($0) })"
        }
    }

    /// What varies between occurrences, beyond the message's parameters, where the entry's responses carry it:
    /// set with `APIError.with(…)` rather than taken as constructor arguments, so that adding one to an entry
    /// changes no constructor's signature.
    enum Option: String {
        case fieldErrors, retryAfter, instance, details

        /// `` `.with(retryAfter:)`: how long … `` for the constructor's documentation.
        var documentation: String {
            let meaning =
                switch self {
                case .fieldErrors: "the request's fields that are wrong, and why."
                case .retryAfter: "how long the client should wait before retrying (`Retry-After`)."
                case .instance: "a URI identifying this occurrence (RFC 9457 `instance`)."
                case .details: "free-form JSON for the envelope's `details` member."
                }
            return "`.with(\(rawValue):)`: \(meaning)"
        }
    }
}
