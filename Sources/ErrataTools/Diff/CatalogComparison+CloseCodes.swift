import Errata

extension CatalogComparison {
    /// Close codes, matched by name; one that disappears while another appears with the same number is a rename.
    mutating func compareCloseCodes() {
        let matching = Matching(old.closeCodes, new.closeCodes, name: \.name) { $0.code == $1.code }
        for step in matching.steps {
            switch step {
            case .same(let before, let after):
                compareCloseCode(before, after)
            case .renamed(let before, let after):
                report(.major, .closeCode(before.name), "renamed to '\(after.name)' (same code \(after.code.rawValue))")
                compareCloseCode(before, after)
            case .removed(let closeCode):
                report(.major, .closeCode(closeCode.name), "removed (was \(closeCode.code.rawValue))")
            }
        }
        for closeCode in matching.added {
            report(.minor, .closeCode(closeCode.name), "added (\(closeCode.code.rawValue))")
        }
    }

    private mutating func compareCloseCode(_ before: CloseCodeEntry, _ after: CloseCodeEntry) {
        let subject = CatalogChange.Subject.closeCode(after.name)
        if before.code != after.code {
            report(.major, subject, "code changed from \(before.code.rawValue) to \(after.code.rawValue)")
        }
        compareRetry(before.retry, after.retry, subject)
        if before.reason != after.reason {
            report(.patch, subject, "reason changed from \(quoted(before.reason)) to \(quoted(after.reason))")
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
