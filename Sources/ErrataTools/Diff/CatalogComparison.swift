import Errata
import HTTPTypes

/// One comparison of two catalogs: each `compare…` step appends the changes it finds, in catalog order.
///
/// ``CatalogDiff/compare(_:_:)`` runs the steps; the grading rules are listed on ``CatalogDiff``.
struct CatalogComparison {
    let old: ErrorCatalog
    let new: ErrorCatalog
    private(set) var changes: [CatalogChange] = []
    /// Entries reported as renamed, old name → new name, so that operations follow them.
    var renamedEntries: [String: String] = [:]

    init(old: ErrorCatalog, new: ErrorCatalog) {
        self.old = old
        self.new = new
    }

    mutating func report(_ grade: ChangeGrade, _ subject: CatalogChange.Subject, _ detail: String) {
        changes.append(CatalogChange(grade, subject, detail))
    }

    // MARK: The catalog's own metadata

    mutating func compareCatalog() {
        if old.id != new.id {
            report(.patch, .catalog, "id changed from '\(old.id)' to '\(new.id)'")
        }
        if old.title != new.title {
            report(.patch, .catalog, "title changed from \(quoted(old.title)) to \(quoted(new.title))")
        }
        if old.docs?.source != new.docs?.source {
            report(
                .patch,
                .catalog,
                "docs link changed from \(quoted(old.docs?.source)) to \(quoted(new.docs?.source))"
            )
        }
        if old.retryHeader != new.retryHeader {
            // Clients follow the header over the entries' rules: one they no longer read, or a new one, changes when
            // they retry.
            report(
                old.retryHeader == nil ? .minor : .major,
                .catalog,
                "retry header changed from \(quoted(old.retryHeader?.rawName)) to \(quoted(new.retryHeader?.rawName))"
            )
        }
        compareGroups()
    }

    private mutating func compareGroups() {
        let matching = Matching(old.groups, new.groups, name: \.name)
        for step in matching.steps {
            switch step {
            case .removed(let group):
                report(.patch, .catalog, "group '\(group.name)' (\(describe(group.codes))) removed")
            case .same(let before, let after), .renamed(let before, let after):
                if before.codes != after.codes {
                    report(
                        .patch,
                        .catalog,
                        "group '\(after.name)' codes changed from \(describe(before.codes)) to \(describe(after.codes))"
                    )
                }
                if before.description != after.description {
                    report(.patch, .catalog, "group '\(after.name)' description changed")
                }
            }
        }
        for group in matching.added {
            report(.patch, .catalog, "group '\(group.name)' (\(describe(group.codes))) added")
        }
    }

    // MARK: Shared rules

    /// Retry tightened (`immediately` → `after` → `never`) is major; loosened is minor.
    mutating func compareRetry(
        _ before: ErrorEntry.RetryRule,
        _ after: ErrorEntry.RetryRule,
        _ subject: CatalogChange.Subject
    ) {
        guard before != after else { return }
        // `allCases` runs from strictest to loosest.
        let strictness = { (rule: ErrorEntry.RetryRule) in ErrorEntry.RetryRule.allCases.firstIndex(of: rule) ?? 0 }
        let isTightened = strictness(after) < strictness(before)
        report(
            isTightened ? .major : .minor,
            subject,
            "retry \(isTightened ? "tightened" : "loosened") from \(before) to \(after)"
        )
    }

    /// A template's change, graded by its parameters: dropping one is major, adding one minor, the same ones patch.
    ///
    /// - Parameter what: How the message names the template (`message`, `header 'Allow' value`).
    mutating func compareTemplate(
        _ what: String,
        _ before: MessageTemplate?,
        _ after: MessageTemplate?,
        _ subject: CatalogChange.Subject
    ) {
        guard before?.source != after?.source else { return }
        let oldNames = before?.parameterNames ?? []
        let newNames = after?.parameterNames ?? []
        let dropped = oldNames.filter { !newNames.contains($0) }
        let added = newNames.filter { !oldNames.contains($0) }
        let change =
            switch (before, after) {
            case (nil, let after?): "\(what) added: \(quoted(after.source))"
            case (let before?, nil): "\(what) removed (was \(quoted(before.source)))"
            default: "\(what) changed from \(quoted(before?.source)) to \(quoted(after?.source))"
            }
        if !dropped.isEmpty {
            let adding = added.isEmpty ? "" : " and adding \(list("parameter", added))"
            report(.major, subject, "\(change), dropping \(list("parameter", dropped))\(adding)")
        } else if !added.isEmpty {
            report(.minor, subject, "\(change), adding \(list("parameter", added))")
        } else if let before, let after {
            report(.patch, subject, "\(what) wording changed from \(quoted(before.source)) to \(quoted(after.source))")
        } else {
            report(.patch, subject, change)
        }
    }

    // MARK: Text

    /// `"text"` with JSON escapes, or `none`.
    func quoted(_ text: String?) -> String {
        guard let text else { return "none" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    func describe(_ range: ClosedRange<Int>) -> String {
        "\(range.lowerBound)...\(range.upperBound)"
    }

    /// `parameter 'a'`, `parameters 'a' and 'b'`, `parameters 'a', 'b' and 'c'`.
    func list(_ noun: String, _ names: [String]) -> String {
        let quotedNames = names.map { "'\($0)'" }
        guard let last = quotedNames.last else { return noun + "s" }
        if quotedNames.count == 1 { return "\(noun) \(last)" }
        return "\(noun)s \(quotedNames.dropLast().joined(separator: ", ")) and \(last)"
    }
}
