import Errata

/// Generates a catalog's reference page in Markdown: the error body with a real example, a table of codes per group,
/// the WebSocket close codes, and what each operation may answer with.
///
/// Every entry's row carries an anchor named after the entry (`#MemberRefNotFound`), which the operations table links
/// to. Catalog text is escaped, so a `|` or a line break in a description cannot break a table, and `<`, `&` and
/// Markdown's own metacharacters show as themselves.
///
/// ```swift
/// let markdown = MarkdownGenerator.generate(catalog)
/// // # PluralKit API v2 errors
/// // …
/// // | 20003 | <a id="MemberRefNotFound"></a>`MemberRefNotFound`<br>Member not found | 404 Not Found | …
/// ```
public enum MarkdownGenerator {
    /// Generates the reference page.
    ///
    /// - Parameter catalog: The catalog.
    /// - Returns: The page, ending in a newline.
    public static func generate(_ catalog: ErrorCatalog) -> String {
        let reference = CatalogReference(catalog: catalog)
        var writer = LineWriter()
        writer.line("# " + MarkdownText.heading(reference.title))
        writer.line()
        writer.line(MarkdownText.escape(reference.summary))
        writer.line(CatalogReference.provenance)
        writer.line()
        writeContents(reference, into: &writer)
        writeEnvelope(reference, into: &writer)
        writeCodes(reference, into: &writer)
        writeCloseCodes(reference, into: &writer)
        writeOperations(reference, into: &writer)
        // Every section ends with a blank line; the file ends with one newline.
        var text = writer.text
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text
    }

    private static func writeContents(_ reference: CatalogReference, into writer: inout LineWriter) {
        var items = [MarkdownText.link("Error body", anchor: "error-body")]
        let groups = reference.sections.map { MarkdownText.link(MarkdownText.escape($0.title), anchor: $0.anchor) }
        items.append(
            MarkdownText.link("Codes", anchor: "codes")
                + (groups.count > 1 ? " (" + groups.joined(separator: ", ") + ")" : "")
        )
        if !reference.catalog.closeCodes.isEmpty {
            items.append(MarkdownText.link("Close codes", anchor: "close-codes"))
        }
        if !reference.catalog.operations.isEmpty { items.append(MarkdownText.link("Operations", anchor: "operations")) }
        for item in items { writer.line("- " + item) }
        writer.line()
    }

    // MARK: Envelope

    private static func writeEnvelope(_ reference: CatalogReference, into writer: inout LineWriter) {
        writer.line(MarkdownText.anchor("error-body"))
        writer.line("## Error body")
        writer.line()
        var sentence = MarkdownText.escape(reference.transportSentence)
        if let introduction = reference.exampleIntroduction { sentence += " " + MarkdownText.escape(introduction) }
        writer.line(sentence)
        writer.line()
        if let example = reference.example {
            let text = example.text
            let fence = MarkdownText.fence(for: text)
            writer.line(fence + (example.status == nil ? "json" : "http"))
            writer.line(text)
            writer.line(fence)
            writer.line()
        }
        writeMembers(reference.shape.rows(), into: &writer)
        if reference.shape.usesFieldErrors {
            writer.line(
                "Per-field errors are " + MarkdownText.escape(reference.shape.fieldErrorLayoutText) + ". A field error:"
            )
            writer.line()
            writeMembers(reference.shape.fieldErrorRows(), into: &writer)
        }
        let alternatives = reference.catalog.envelope.alternatives
        if !alternatives.isEmpty {
            let types = alternatives.map { "`" + $0.contentType.replacing("`", with: "") + "`" }
            writer.line("Also offered by content negotiation (Accept): " + types.joined(separator: ", ") + ".")
            writer.line()
        }
    }

    private static func writeMembers(_ rows: [EnvelopeShape.Row], into writer: inout LineWriter) {
        guard !rows.isEmpty else { return }
        writer.line("| member | type | present | meaning |")
        writer.line("|---|---|---|---|")
        for row in rows {
            let cells = [
                MarkdownText.code(row.path), MarkdownText.escape(row.type), row.presence,
                MarkdownText.escape(row.meaning),
            ]
            writer.line("| " + cells.joined(separator: " | ") + " |")
        }
        writer.line()
    }

    // MARK: Codes

    private static func writeCodes(_ reference: CatalogReference, into writer: inout LineWriter) {
        writer.line(MarkdownText.anchor("codes"))
        writer.line("## Codes")
        writer.line()
        if let retryHeader = reference.retryHeaderText {
            writer.line(MarkdownText.escape(retryHeader))
            writer.line()
        }
        let columns = reference.columns
        var header = ["code", "name", "status", "message", "description", "retry"]
        let shown = [columns.code, true, columns.status, columns.message, columns.description, true]
        header = zip(header, shown).filter(\.1).map(\.0)
        for section in reference.sections {
            writer.line(MarkdownText.anchor(section.anchor))
            writer.line("### " + MarkdownText.heading(section.title))
            writer.line()
            var about: [String] = []
            if let range = section.range { about.append(range) }
            if let description = section.description { about.append(MarkdownText.escape(description)) }
            if !about.isEmpty {
                writer.line(about.joined(separator: " "))
                writer.line()
            }
            writer.line("| " + header.joined(separator: " | ") + " |")
            writer.line("|" + String(repeating: "---|", count: header.count))
            for entry in section.entries {
                let cells = [
                    columns.code ? codeCell(entry, reference) : nil,
                    nameCell(entry),
                    columns.status ? CatalogReference.statusText(of: entry) ?? "" : nil,
                    columns.message ? messageCell(entry) : nil,
                    columns.description ? descriptionCell(entry) : nil,
                    CatalogReference.retryText(entry.retry),
                ].compactMap { $0 }
                writer.line("| " + cells.joined(separator: " | ") + " |")
            }
            writer.line()
        }
    }

    private static func codeCell(_ entry: ErrorEntry, _ reference: CatalogReference) -> String {
        guard let code = entry.code else { return "" }
        let text = MarkdownText.escape(code.description)
        guard let anchor = reference.codeAnchors[entry.name] else { return text }
        return MarkdownText.anchor(anchor) + text
    }

    private static func nameCell(_ entry: ErrorEntry) -> String {
        var cell = MarkdownText.anchor(entry.name) + MarkdownText.code(entry.name)
        if let title = entry.title { cell += "<br>" + MarkdownText.escape(title) }
        return cell
    }

    private static func messageCell(_ entry: ErrorEntry) -> String {
        var lines: [String] = []
        if let message = entry.message { lines.append(MarkdownText.escape(message.source)) }
        for parameter in entry.parameters {
            var line = MarkdownText.code(parameter.name) + " (\(parameter.type))"
            if let constant = parameter.constant { line += ", always " + MarkdownText.code(constant) }
            if let description = parameter.description { line += ": " + MarkdownText.escape(description) }
            if !parameter.values.isEmpty {
                line +=
                    " Documented values: "
                    + parameter.values.map { MarkdownText.code($0.value) }.joined(separator: ", ")
                    + ", or another."
            }
            lines.append(line)
        }
        return lines.joined(separator: "<br>")
    }

    private static func descriptionCell(_ entry: ErrorEntry) -> String {
        var lines: [String] = []
        if let description = entry.description { lines.append(MarkdownText.escape(description)) }
        for note in CatalogReference.notes(for: entry) { lines.append("*" + MarkdownText.escape(note) + "*") }
        return lines.joined(separator: "<br>")
    }

    // MARK: Close codes and operations

    private static func writeCloseCodes(_ reference: CatalogReference, into writer: inout LineWriter) {
        let closeCodes = reference.catalog.closeCodes
        guard !closeCodes.isEmpty else { return }
        writer.line(MarkdownText.anchor("close-codes"))
        writer.line("## Close codes")
        writer.line()
        writer.line("WebSocket close codes end the whole session; the statuses above answer one operation.")
        writer.line()
        writer.line("| code | name | reason | retry | description |")
        writer.line("|---|---|---|---|---|")
        for closeCode in closeCodes {
            let anchor = reference.closeCodeAnchors[closeCode.name] ?? closeCode.name
            let cells = [
                MarkdownText.escape(closeCode.code.description),
                MarkdownText.anchor(anchor) + MarkdownText.code(closeCode.name),
                closeCode.reason.map(MarkdownText.escape) ?? "",
                CatalogReference.retryText(closeCode.retry),
                closeCode.description.map(MarkdownText.escape) ?? "",
            ]
            writer.line("| " + cells.joined(separator: " | ") + " |")
        }
        writer.line()
    }

    private static func writeOperations(_ reference: CatalogReference, into writer: inout LineWriter) {
        let operations = reference.catalog.operations
        guard !operations.isEmpty else { return }
        writer.line(MarkdownText.anchor("operations"))
        writer.line("## Operations")
        writer.line()
        let hasLocation = operations.contains { CatalogReference.location(of: $0) != nil }
        let hasDescription = operations.contains { $0.description != nil }
        var header = ["operation"]
        if hasLocation { header.append("route") }
        if hasDescription { header.append("description") }
        header.append("may answer with")
        writer.line("| " + header.joined(separator: " | ") + " |")
        writer.line("|" + String(repeating: "---|", count: header.count))
        for operation in operations {
            var cells = [MarkdownText.code(operation.name)]
            if hasLocation { cells.append(CatalogReference.location(of: operation).map(MarkdownText.escape) ?? "") }
            if hasDescription { cells.append(operation.description.map(MarkdownText.escape) ?? "") }
            let answers = reference.answers(of: operation).map { entry in
                let identification = CatalogReference.identification(of: entry)
                let link = MarkdownText.link(MarkdownText.code(entry.name), anchor: entry.name)
                return identification.isEmpty ? link : link + " (" + MarkdownText.escape(identification) + ")"
            }
            cells.append(answers.joined(separator: ", "))
            writer.line("| " + cells.joined(separator: " | ") + " |")
        }
        writer.line()
    }
}
