import Errata
import HTTPTypes

extension CatalogComparison {
    mutating func compareEntries() {
        let matching = Matching(old.entries, new.entries, name: \.name) { before, after in
            before.code == after.code && before.status == after.status
        }
        for step in matching.steps {
            switch step {
            case .same(let before, let after):
                compareEntry(before, after)
            case .renamed(let before, let after):
                renamedEntries[before.name] = after.name
                report(.major, .entry(before.name), "renamed to '\(after.name)' (same \(identity(of: after)))")
                compareEntry(before, after)
            case .removed(let entry):
                report(.major, .entry(entry.name), "removed (was \(identity(of: entry)))")
            }
        }
        let oldCodes = Set(old.entries.compactMap(\.code))
        for entry in matching.added {
            // Compatible for clients that treat unknown codes as unrecognised (Errata's decoder does); a client
            // generated with the codes as a closed enum rejects the response instead (swift-openapi-generator#608).
            if let code = entry.code, !oldCodes.contains(code) {
                report(
                    .minor,
                    .entry(entry.name),
                    "added (\(identity(of: entry))); new code \(code) breaks clients that treat the codes as a "
                        + "closed set (a generated enum)"
                )
            } else {
                report(.minor, .entry(entry.name), "added (\(identity(of: entry)))")
            }
        }
    }

    private mutating func compareEntry(_ before: ErrorEntry, _ after: ErrorEntry) {
        let subject = CatalogChange.Subject.entry(after.name)
        if before.code != after.code {
            report(.major, subject, "code changed from \(describe(before.code)) to \(describe(after.code))")
        }
        if before.status != after.status {
            report(.major, subject, "status changed from \(describe(before.status)) to \(describe(after.status))")
        }
        // A status the API may now also answer with reaches clients that know the entry only by its others: they
        // see an error they do not recognise, as with a new code. One no longer sent breaks nobody.
        for added in after.otherStatuses where !before.otherStatuses.contains(added) && added != before.status {
            report(
                .minor,
                subject,
                "also sent with status \(added.code) now; clients with the old catalog do not recognise it there"
            )
        }
        for removed in before.otherStatuses where !after.otherStatuses.contains(removed) && removed != after.status {
            report(.patch, subject, "no longer sent with status \(removed.code)")
        }
        if before.docs != after.docs {
            // Also the entry's problem type, which a client may tell errors apart by (RFC 9457 §3.1.1).
            report(
                .major,
                subject,
                "docs (its problem type) changed from \(quoted(before.docs)) to \(quoted(after.docs))"
            )
        }
        if before.kind != after.kind {
            report(.major, subject, "kind changed from \(before.kind) to \(after.kind)")
        }
        if before.origin != after.origin {
            if after.origin == .client {
                report(.major, subject, "origin changed from \(before.origin) to client: servers no longer send it")
            } else {
                report(.minor, subject, "origin changed from \(before.origin) to \(after.origin): servers now send it")
            }
        }
        compareRetry(before.retry, after.retry, subject)
        compareParameters(before, after, subject)
        compareTemplate("message", before.message, after.message, subject)
        compareHeaders(before.headers, after.headers, subject)
        if before.hasFieldErrors != after.hasFieldErrors {
            if after.hasFieldErrors {
                report(.minor, subject, "may now carry per-field errors")
            } else {
                report(.major, subject, "no longer carries per-field errors")
            }
        }
        if before.isDeprecated != after.isDeprecated {
            if after.isDeprecated {
                report(.minor, subject, "deprecated")
            } else {
                report(.patch, subject, "no longer deprecated")
            }
        }
        if before.title != after.title {
            report(.patch, subject, "title changed from \(quoted(before.title)) to \(quoted(after.title))")
        }
        if before.description != after.description {
            report(
                .patch,
                subject,
                "description changed from \(quoted(before.description)) to \(quoted(after.description))"
            )
        }
        if before.group != after.group {
            report(.patch, subject, "group changed from \(quoted(before.group)) to \(quoted(after.group))")
        }
    }

    /// Parameters: the declared ones and any others the templates use. A removed parameter and an added one at the
    /// same place among the changes are reported as a rename.
    private mutating func compareParameters(
        _ before: ErrorEntry,
        _ after: ErrorEntry,
        _ subject: CatalogChange.Subject
    ) {
        let oldNames = parameterNames(of: before)
        let newNames = parameterNames(of: after)
        let removed = oldNames.filter { !newNames.contains($0) }
        let added = newNames.filter { !oldNames.contains($0) }
        for (index, name) in removed.enumerated() {
            if index < added.count {
                report(.major, subject, "parameter '\(name)' renamed to '\(added[index])'")
            } else {
                report(.major, subject, "parameter '\(name)' removed")
            }
        }
        for name in added.dropFirst(removed.count) {
            report(.minor, subject, "parameter '\(name)' added")
        }
        for name in oldNames where newNames.contains(name) {
            let oldDeclaration = before.parameters.first { $0.name == name }
            let newDeclaration = after.parameters.first { $0.name == name }
            let oldType = oldDeclaration?.type ?? .string
            let newType = newDeclaration?.type ?? .string
            if oldType != newType {
                report(.major, subject, "parameter '\(name)' type changed from \(oldType) to \(newType)")
            }
            // A constant is on the wire (and the decoder tells entries apart by it), and fixing or freeing one
            // takes an argument from generated constructors or adds one: each is major.
            switch (oldDeclaration?.constant, newDeclaration?.constant) {
            case (let old?, let new?) where old != new:
                report(.major, subject, "parameter '\(name)' constant changed from '\(old)' to '\(new)'")
            case (nil, let new?):
                report(.major, subject, "parameter '\(name)' fixed at '\(new)'")
            case (let old?, nil):
                report(.major, subject, "parameter '\(name)' no longer fixed at '\(old)'")
            default:
                break
            }
            if oldDeclaration?.description != newDeclaration?.description {
                report(.patch, subject, "parameter '\(name)' description changed")
            }
            compareValues(
                oldDeclaration?.values ?? [],
                newDeclaration?.values ?? [],
                of: "parameter '\(name)'",
                subject
            )
        }
    }

    private func parameterNames(of entry: ErrorEntry) -> [String] {
        let declared = entry.parameterNames
        return declared + entry.usedParameterNames.filter { !declared.contains($0) }
    }

    /// Headers, matched by case-insensitive name: removing one is major, adding one minor, and values are graded
    /// like messages.
    private mutating func compareHeaders(
        _ before: [ErrorEntry.Header],
        _ after: [ErrorEntry.Header],
        _ subject: CatalogChange.Subject
    ) {
        let matching = Matching(before, after, name: { $0.name.lowercased() })
        for step in matching.steps {
            switch step {
            case .same(let oldHeader, let newHeader), .renamed(let oldHeader, let newHeader):
                compareTemplate("header '\(newHeader.name)' value", oldHeader.value, newHeader.value, subject)
            case .removed(let header):
                report(.major, subject, "header '\(header.name)' removed (was \(quoted(header.value.source)))")
            }
        }
        for header in matching.added {
            report(.minor, subject, "header '\(header.name)' added: \(quoted(header.value.source))")
        }
    }

    /// `code 20003, status 404`, `status 403` or `code 7`.
    private func identity(of entry: ErrorEntry) -> String {
        [entry.code.map { "code \($0)" }, entry.status.map { "status \($0.code)" }].compactMap { $0 }
            .joined(separator: ", ")
    }

    private func describe(_ code: ErrorCode?) -> String {
        switch code {
        case .integer(let value)?: String(value)
        case .string(let value)?: quoted(value)
        case nil: "none"
        }
    }

    private func describe(_ status: HTTPResponse.Status?) -> String {
        status.map { String($0.code) } ?? "none"
    }
}
