import Errata
import HTTPTypes

/// What a reference page says about a catalog, before it is written as Markdown or HTML: the code tables by group,
/// the anchors, the example body, and the wording both formats share.
struct CatalogReference {
    /// A table of entries: one group, or the entries outside every group.
    struct Section {
        var title: String
        /// The section's anchor: `group-not-found`, or `other` (`all-codes` when the catalog has no groups).
        var anchor: String
        /// The group's codes in words (`Codes 20001–20999.`), or `nil` for the entries outside every group.
        var range: String?
        var description: String?
        var entries: [ErrorEntry]
    }

    /// Which optional columns the code tables have: a column empty for every entry is left out (BatchData has no
    /// codes, BlazeAuth no HTTP statuses and no messages).
    struct Columns {
        var code: Bool
        var status: Bool
        var message: Bool
        var description: Bool
    }

    let catalog: ErrorCatalog
    let sections: [Section]
    let columns: Columns
    /// The envelope, member by member.
    let shape: EnvelopeShape
    /// The example shown with the envelope.
    let example: ExampleResponse?
    /// Each entry's example, by name (none for client-origin entries).
    let examples: [String: ExampleResponse]
    /// The extra anchor for an entry's code, by entry name, when the code is unique in the catalog.
    let codeAnchors: [String: String]
    /// The anchor of each close code's row, by name.
    let closeCodeAnchors: [String: String]

    init(catalog: ErrorCatalog) {
        self.catalog = catalog
        self.shape = EnvelopeShape(envelope: catalog.envelope, catalog: catalog)

        var byGroup: [String: [ErrorEntry]] = [:]
        var other: [ErrorEntry] = []
        for entry in catalog.entries {
            if let group = catalog.group(of: entry) {
                byGroup[group.name, default: []].append(entry)
            } else {
                other.append(entry)
            }
        }
        var sections: [Section] = []
        var usedAnchors: Set<String> = []
        for group in catalog.groups {
            guard let entries = byGroup.removeValue(forKey: group.name) else { continue }
            let range =
                group.codes.lowerBound == group.codes.upperBound
                ? "Code \(group.codes.lowerBound)." : "Codes \(group.codes.lowerBound)–\(group.codes.upperBound)."
            sections.append(
                Section(
                    title: group.name,
                    anchor: Self.uniqueAnchor("group-" + Self.slug(group.name), in: &usedAnchors),
                    range: range,
                    description: group.description,
                    entries: entries
                )
            )
        }
        if !other.isEmpty {
            sections.append(
                Section(
                    title: catalog.groups.isEmpty ? "All codes" : "Other",
                    anchor: Self.uniqueAnchor(catalog.groups.isEmpty ? "all-codes" : "other", in: &usedAnchors),
                    range: nil,
                    description: nil,
                    entries: other
                )
            )
        }
        self.sections = sections

        let entries = catalog.entries
        columns = Columns(
            code: entries.contains { $0.code != nil },
            status: entries.contains { $0.status != nil },
            message: entries.contains { $0.message != nil },
            description: entries.contains { $0.description != nil || !Self.notes(for: $0).isEmpty }
        )

        // Anchors: entry names first, then unique codes and close codes where they collide with nothing.
        var ids = Set(entries.map(\.name)).union(usedAnchors).union(Self.fixedAnchors)
        var codeCounts: [String: Int] = [:]
        for entry in entries {
            if let code = entry.code { codeCounts[code.description, default: 0] += 1 }
        }
        var codeAnchors: [String: String] = [:]
        for entry in entries {
            guard let code = entry.code?.description, codeCounts[code] == 1, Self.isUsableAnchor(code),
                !ids.contains(code)
            else { continue }
            ids.insert(code)
            codeAnchors[entry.name] = code
        }
        self.codeAnchors = codeAnchors
        var closeCodeAnchors: [String: String] = [:]
        for closeCode in catalog.closeCodes {
            closeCodeAnchors[closeCode.name] = Self.uniqueAnchor(closeCode.name, in: &ids)
        }
        self.closeCodeAnchors = closeCodeAnchors

        // ErrorRenderer throws only for a named internal-error entry, and none is named here.
        if let renderer = try? ErrorRenderer(catalog: catalog) {
            var examples: [String: ExampleResponse] = [:]
            for entry in entries where examples[entry.name] == nil {
                examples[entry.name] = ExampleResponse(entry: entry, renderer: renderer)
            }
            self.examples = examples
            self.example = Self.envelopeExampleEntry(in: catalog).flatMap { examples[$0.name] }
        } else {
            self.examples = [:]
            self.example = nil
        }
    }

    /// The anchors of the page's own sections, which entries and codes must not take.
    static let fixedAnchors: Set<String> = [
        "error-body", "codes", "close-codes", "operations", "search", "no-matches", "example",
    ]

    // MARK: Wording

    /// `Every error and status code of X: catalog id, version v.`
    var summary: String {
        "Every error and status code of \(catalog.title): catalog \(catalog.id), version \(catalog.version)."
    }

    /// Says where the page comes from.
    static let provenance = "Generated by Errata from the catalog: edit the catalog, not this page."

    /// The page title.
    var title: String {
        "\(catalog.title) errors"
    }

    /// The status as `404 Not Found`, with the registry's reason phrase.
    static func statusText(_ status: HTTPResponse.Status) -> String {
        let reason = HTTPStatusRegistry.standard.definition(for: status.code)?.reasonPhrase ?? status.reasonPhrase
        return reason.isEmpty ? String(status.code) : "\(status.code) \(reason)"
    }

    /// An entry's statuses: `403 Forbidden`, or `403 Forbidden (also 429 Too Many Requests)` when the API answers
    /// it with others too; `nil` without a status.
    static func statusText(of entry: ErrorEntry) -> String? {
        let texts = entry.statuses.map(statusText)
        guard let first = texts.first else { return nil }
        return texts.count == 1 ? first : first + " (also " + texts.dropFirst().joined(separator: ", ") + ")"
    }

    /// Documented values in words, each with its meaning: `Documented values: missing (A resource does not exist);
    /// invalid. The set is open: a newer server may send another.`; `nil` for none.
    static func valuesText(_ values: [DocumentedValue]) -> String? {
        guard !values.isEmpty else { return nil }
        let listed = values.map { value in
            value.value
                + (value.description.map { " (" + ($0.hasSuffix(".") ? String($0.dropLast()) : $0) + ")" } ?? "")
        }
        return "Documented values: " + listed.joined(separator: "; ")
            + ". The set is open: a newer server may send another."
    }

    /// What the catalog's retry header means, for the page's codes section; `nil` without one.
    var retryHeaderText: String? {
        catalog.retryHeader.map { header in
            "A response may carry \(header.rawName): true or false, the server's advice on retrying that very "
                + "request. Clients follow it over the retry column below."
        }
    }

    /// The retry rule in words.
    static func retryText(_ rule: ErrorEntry.RetryRule) -> String {
        switch rule {
        case .after: "after a delay"
        case .immediately: "immediately"
        default: "no"
        }
    }

    /// Short facts about an entry that its table row shows beside the description.
    static func notes(for entry: ErrorEntry) -> [String] {
        var notes: [String] = []
        if entry.kind != .error { notes.append("Not an error: a \(entry.kind) status.") }
        if entry.origin == .client { notes.append("Client-side only: a server never sends it.") }
        if entry.isDeprecated { notes.append("Deprecated: clients should stop depending on it.") }
        if entry.hasFieldErrors { notes.append("May carry per-field errors.") }
        for header in entry.headers { notes.append("Sends \(header.name): \(header.value.source)") }
        return notes
    }

    /// The code and status of an entry, for lists of answers: `20002, 404`.
    static func identification(of entry: ErrorEntry) -> String {
        [entry.code?.description, entry.status.map { String($0.code) }].compactMap { $0 }.joined(separator: ", ")
    }

    /// Where an operation is: its route, or its packet id.
    static func location(of operation: Operation) -> String? {
        if let route = operation.route { return route }
        return operation.id.map { "id \($0)" }
    }

    /// The entries an operation answers with, in the order listed; names the catalog does not have are left out.
    func answers(of operation: Operation) -> [ErrorEntry] {
        operation.codes.compactMap { catalog.entry(named: $0) }
    }

    /// The sentence introducing the envelope example.
    var exampleIntroduction: String? {
        guard let example else { return nil }
        let entry = example.occurrence.entry
        var text = "For example, \(entry.name)"
        if let status = entry.status {
            text += " (\(Self.statusText(status)))"
        } else if let code = entry.code {
            text += " (\(code))"
        }
        let samples = example.sampleDescription
        if !samples.isEmpty { text += ", with \(samples)" }
        return text + ":"
    }

    /// How errors travel, in one sentence.
    var transportSentence: String {
        if catalog.entries.contains(where: { $0.status != nil }) {
            return "Errors are sent with Content-Type: \(catalog.envelope.contentType)."
        }
        return "Statuses are sent as JSON packets (no entry has an HTTP status)."
    }

    /// The entry whose rendering shows the envelope best: a server error with per-field errors, else one whose message
    /// has parameters, else any server error, else any entry a server sends.
    static func envelopeExampleEntry(in catalog: ErrorCatalog) -> ErrorEntry? {
        let sent = catalog.entries.filter { $0.origin == .server }
        let errors = sent.filter { $0.kind == .error }
        return errors.first { $0.hasFieldErrors }
            ?? errors.first { !($0.message?.parameterNames.isEmpty ?? true) }
            ?? errors.first
            ?? sent.first
    }

    // MARK: Anchors

    /// Lowercase words joined by `-`: `Not found` → `not-found`.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// `anchor`, or `anchor-2`, `anchor-3`, … when it is taken; records the one returned.
    static func uniqueAnchor(_ anchor: String, in used: inout Set<String>) -> String {
        var candidate = anchor
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(anchor)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Whether text can be an HTML id: not empty, no white space.
    static func isUsableAnchor(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains { $0.properties.isWhitespace }
    }
}
