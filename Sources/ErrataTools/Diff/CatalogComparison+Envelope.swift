import Errata

extension CatalogComparison {
    mutating func compareEnvelopes() {
        compareEnvelope(old.envelope, new.envelope, prefix: "")
        let matching = Matching(old.envelope.alternatives, new.envelope.alternatives, name: \.format.rawValue)
        for step in matching.steps {
            switch step {
            case .same(let before, let after), .renamed(let before, let after):
                compareEnvelope(before, after, prefix: "alternative '\(after.format)': ")
            case .removed(let alternative):
                report(.major, .envelope, "alternative '\(alternative.format)' removed")
            }
        }
        for alternative in matching.added {
            report(.minor, .envelope, "alternative '\(alternative.format)' added")
        }
    }

    /// Compares two envelopes, leaving out their alternatives. Once the format differs nothing else is comparable.
    private mutating func compareEnvelope(_ before: Envelope, _ after: Envelope, prefix: String) {
        guard before.format == after.format else {
            report(.major, .envelope, "\(prefix)format changed from \(before.format) to \(after.format)")
            return
        }
        if before.contentType != after.contentType {
            report(
                .major,
                .envelope,
                "\(prefix)content type changed from \(before.contentType) to \(after.contentType)"
            )
        }
        if before.format == .json {
            compareMembers(before.body, after.body, noun: "\(prefix)member")
        } else {
            compareMembers(.object(before.extensions), .object(after.extensions), noun: "\(prefix)extension member")
        }
        switch (before.fieldErrors, after.fieldErrors) {
        case (nil, nil):
            break
        case (let layout?, nil):
            report(.major, .envelope, "\(prefix)field errors (layout \(layout.layout)) removed")
        case (nil, let layout?):
            report(.minor, .envelope, "\(prefix)field errors (layout \(layout.layout)) added")
        case (let oldLayout?, let newLayout?):
            if oldLayout.layout != newLayout.layout {
                report(
                    .major,
                    .envelope,
                    "\(prefix)field errors layout changed from \(oldLayout.layout) to \(newLayout.layout)"
                )
            }
            if oldLayout.leaf != newLayout.leaf && newLayout.layout == .tree && oldLayout.layout == .tree {
                report(
                    .major,
                    .envelope,
                    "\(prefix)field errors leaf member changed from '\(oldLayout.leaf)' to '\(newLayout.leaf)'"
                )
            }
            compareMembers(oldLayout.item, newLayout.item, noun: "\(prefix)field error member")
            compareAttributes(oldLayout.attributes, newLayout.attributes, prefix: prefix)
        }
    }

    /// Compares the documented values of field error attributes, attribute by attribute.
    private mutating func compareAttributes(
        _ before: [FieldErrorAttribute],
        _ after: [FieldErrorAttribute],
        prefix: String
    ) {
        var names = before.map(\.name)
        names += after.map(\.name).filter { !names.contains($0) }
        for name in names {
            compareValues(
                before.first { $0.name == name }?.values ?? [],
                after.first { $0.name == name }?.values ?? [],
                of: "\(prefix)field error attribute '\(name)'",
                .envelope
            )
        }
    }

    /// Compares documented values. A value added reaches clients that treat the documented set as closed (a
    /// generated `enum`), which then reject it: minor, and said. A value no longer documented breaks nobody.
    mutating func compareValues(
        _ before: [DocumentedValue],
        _ after: [DocumentedValue],
        of what: String,
        _ subject: CatalogChange.Subject
    ) {
        let old = before.map(\.value)
        let new = after.map(\.value)
        for value in new where !old.contains(value) {
            report(
                .minor,
                subject,
                "\(what) documents a new value '\(value)'; clients that treat the documented values as a closed set "
                    + "will reject it"
            )
        }
        for value in old where !new.contains(value) {
            report(.patch, subject, "\(what) no longer documents value '\(value)'")
        }
    }

    /// Compares two JSON templates member by member, by path (`status.code`, `errors[0]`).
    ///
    /// A removed member is major, unless a new member holds the very same value: then it is reported as a rename,
    /// still major. A member whose value changed is major, except an optional placeholder becoming a required one
    /// (`{x?}` → `{x}`), which only adds a member. An added member is minor.
    private mutating func compareMembers(_ before: JSONTemplate?, _ after: JSONTemplate?, noun: String) {
        let oldLeaves = before.map { leaves(of: $0) } ?? []
        let newLeaves = after.map { leaves(of: $0) } ?? []
        let oldValues = Dictionary(oldLeaves, uniquingKeysWith: { first, _ in first })
        let newValues = Dictionary(newLeaves, uniquingKeysWith: { first, _ in first })
        var addedPaths = newLeaves.map(\.path).filter { oldValues[$0] == nil }

        for (path, oldValue) in oldLeaves {
            guard let newValue = newValues[path] else {
                if let index = addedPaths.firstIndex(where: { newValues[$0] == oldValue }) {
                    let newPath = addedPaths.remove(at: index)
                    report(
                        .major,
                        .envelope,
                        "\(noun) '\(path)' renamed to '\(newPath)' (same value \(describe(oldValue)))"
                    )
                } else {
                    report(.major, .envelope, "\(noun) '\(path)' removed (was \(describe(oldValue)))")
                }
                continue
            }
            guard oldValue != newValue else { continue }
            if case .value(let oldPlaceholder) = oldValue, case .value(let newPlaceholder) = newValue,
                oldPlaceholder.name == newPlaceholder.name
            {
                if newPlaceholder.isOptional {
                    report(
                        .major,
                        .envelope,
                        "\(noun) '\(path)' may now be left out (\(describe(oldValue)) became \(describe(newValue)))"
                    )
                } else {
                    report(
                        .minor,
                        .envelope,
                        "\(noun) '\(path)' is now always present (\(describe(oldValue)) became \(describe(newValue)))"
                    )
                }
            } else {
                report(
                    .major,
                    .envelope,
                    "\(noun) '\(path)' changed from \(describe(oldValue)) to \(describe(newValue))"
                )
            }
        }
        for path in addedPaths {
            report(.minor, .envelope, "\(noun) '\(path)' added (\(describe(newValues[path] ?? .null)))")
        }
        // An object that may now be left out (`details` → `details?`) breaks clients that read it unconditionally.
        let oldObjects = objectMembers(of: before)
        let newObjects = objectMembers(of: after)
        for (path, wasOptional) in oldObjects {
            guard let isOptional = newObjects[path], isOptional != wasOptional else { continue }
            if isOptional {
                report(
                    .major,
                    .envelope,
                    "\(noun) '\(path)' may now be left out when empty ('\(path)' became '\(path)?')"
                )
            } else {
                report(.minor, .envelope, "\(noun) '\(path)' is now always present ('\(path)?' became '\(path)')")
            }
        }
    }

    /// The paths of a template's object- and array-valued members, each with whether it is optional (`name?:`).
    private func objectMembers(of template: JSONTemplate?) -> [String: Bool] {
        var result: [String: Bool] = [:]
        func visit(_ node: JSONTemplate, _ path: String) {
            guard case .object(let members) = node else { return }
            for member in members {
                let childPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                switch member.value {
                case .object, .array: result[childPath] = member.isOptional
                default: break
                }
                visit(member.value, childPath)
            }
        }
        if let template { visit(template, "") }
        return result
    }

    /// The template's leaves (scalars, placeholders, empty containers) with their paths, in the order written.
    private func leaves(of template: JSONTemplate) -> [(path: String, value: JSONTemplate)] {
        var result: [(path: String, value: JSONTemplate)] = []
        // No members at all (a problem envelope without extensions) has nothing to compare.
        if case .object(let members) = template, members.isEmpty { return [] }
        func visit(_ node: JSONTemplate, _ path: String) {
            switch node {
            case .object(let members) where !members.isEmpty:
                for member in members {
                    let childPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                    if member.isOptional, case .array(let elements) = member.value {
                        // Tagged objects are found by their tag, not their place: `details[@type=…].reason`, so
                        // reordering them changes nothing and a new one is an addition.
                        for element in elements {
                            visit(element, "\(childPath)[\(element.tagDescription)]")
                        }
                    } else {
                        visit(member.value, childPath)
                    }
                }
            case .array(let elements) where !elements.isEmpty:
                for (index, element) in elements.enumerated() { visit(element, "\(path)[\(index)]") }
            default:
                // A body that is a bare value, with no member around it, is named for what it is.
                result.append((path.isEmpty ? "(body)" : path, node))
            }
        }
        visit(template, "")
        return result
    }

    /// A leaf as the catalog writes it: `"{code}"`, `"{errors?}"`, `"Error: {message}"`, `42`, `null`.
    private func describe(_ leaf: JSONTemplate) -> String {
        switch leaf {
        case .value(let placeholder): quoted("{\(placeholder.name)\(placeholder.isOptional ? "?" : "")}")
        case .string(let template): quoted(template.source)
        case .number(let text): text
        case .bool(let value): String(value)
        case .null: "null"
        case .object: "{}"
        case .array: "[]"
        }
    }
}
