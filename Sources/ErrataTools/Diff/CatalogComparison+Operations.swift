import Errata

extension CatalogComparison {
    /// Operations, matched by name. Answers follow renamed entries, so a rename is reported once, on the entry.
    mutating func compareOperations() {
        let matching = Matching(old.operations, new.operations, name: \.name)
        for step in matching.steps {
            switch step {
            case .same(let before, let after), .renamed(let before, let after):
                compareOperation(before, after)
            case .removed(let operation):
                report(.major, .operation(operation.name), "removed")
            }
        }
        for operation in matching.added {
            report(.minor, .operation(operation.name), "added")
        }
    }

    private mutating func compareOperation(_ before: Operation, _ after: Operation) {
        let subject = CatalogChange.Subject.operation(after.name)
        let oldCodes = before.codes.map { renamedEntries[$0] ?? $0 }
        for name in oldCodes where !after.codes.contains(name) {
            report(.major, subject, "no longer answers with '\(name)'")
        }
        for name in after.codes where !oldCodes.contains(name) {
            report(.minor, subject, "may now answer with '\(name)'")
        }
        if before.route != after.route {
            report(
                before.route == nil ? .minor : .major,
                subject,
                "route changed from \(quoted(before.route)) to \(quoted(after.route))"
            )
        }
        if before.id != after.id {
            report(
                before.id == nil ? .minor : .major,
                subject,
                "id changed from \(before.id.map(String.init) ?? "none") to \(after.id.map(String.init) ?? "none")"
            )
        }
        if before.description != after.description {
            report(
                .patch,
                subject,
                "description changed from \(quoted(before.description)) to \(quoted(after.description))"
            )
        }
    }
}
