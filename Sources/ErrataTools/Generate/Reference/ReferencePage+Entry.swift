import Errata
import HTTPTypes

extension ReferencePage {
    /// A page for one entry: every fact the catalog gives about it, its real example response, and the operations
    /// that may answer with it.
    ///
    /// - Parameters:
    ///   - name: The entry's name.
    ///   - referenceURL: Where the reference page is, for the link back to the entry's row (`./`, `/docs/pluralkit`).
    /// - Returns: A complete HTML document, or `nil` when the catalog has no entry of that name.
    public func entryPage(named name: String, referenceURL: String = "./") -> String? {
        guard let entry = catalog.entry(named: name) else { return nil }
        var facts: [(String, String)] = []
        if let code = entry.code { facts.append(("Code", HTML.escape(code.description))) }
        if let status = entry.status, let statusText = CatalogReference.statusText(of: entry) {
            var text = HTML.escape(statusText)
            if let meaning = status.definition?.meaning {
                text += "<br><span class=\"muted\">\(HTML.escape(meaning))</span>"
            }
            facts.append(("HTTP status", text))
        }
        if let title = entry.title { facts.append(("Title", HTML.escape(title))) }
        if let message = entry.message { facts.append(("Message", Self.template(message))) }
        if !entry.parameterNames.isEmpty {
            let declared = Dictionary(entry.parameters.map { ($0.name, $0) }) { first, _ in first }
            let items = entry.parameterNames.map { parameter in
                var item = "<li><code>\(HTML.escape(parameter))</code>"
                item += " <span class=\"muted\">\(declared[parameter]?.type ?? .string)</span>"
                if let constant = declared[parameter]?.constant {
                    item += ", always <code>\(HTML.escape(constant))</code>"
                }
                if let description = declared[parameter]?.description { item += ": " + HTML.escape(description) }
                if let values = declared[parameter].flatMap({ CatalogReference.valuesText($0.values) }) {
                    item += " " + HTML.escape(values)
                }
                return item + "</li>"
            }
            facts.append(("Parameters", "<ul class=\"params\">\(items.joined())</ul>"))
        }
        if let description = entry.description { facts.append(("Description", HTML.multiline(description))) }
        if entry.kind != .error { facts.append(("Kind", HTML.escape(entry.kind.rawValue) + " (not an error)")) }
        if entry.origin == .client { facts.append(("Origin", "client-side only: a server never sends it")) }
        facts.append(("Retry", CatalogReference.retryText(entry.retry)))
        if entry.hasFieldErrors { facts.append(("Field errors", "may carry per-field errors")) }
        if !entry.headers.isEmpty {
            let items = entry.headers.map {
                "<li><code>\(HTML.escape($0.name)): \(HTML.escape($0.value.source))</code></li>"
            }
            facts.append(("Headers", "<ul class=\"params\">\(items.joined())</ul>"))
        }
        if let group = catalog.group(of: entry) {
            let anchor = reference.sections.first { $0.title == group.name }?.anchor ?? ""
            facts.append(
                (
                    "Group",
                    "<a href=\"\(HTML.escape(referenceURL))\(HTML.fragmentLink(anchor))\">"
                        + "\(HTML.escape(group.name))</a>"
                )
            )
        }
        if entry.isDeprecated { facts.append(("Deprecated", "yes: clients should stop depending on it")) }
        if let link = documentationLink(for: entry) { facts.append(("Documentation", link)) }
        let operations = catalog.operations.filter { $0.codes.contains(entry.name) }
        if !operations.isEmpty {
            let items = operations.map { operation in
                var item = "<li><code>\(HTML.escape(operation.name))</code>"
                if let location = CatalogReference.location(of: operation) {
                    item += " <span class=\"muted\">\(HTML.escape(location))</span>"
                }
                return item + "</li>"
            }
            facts.append(("Operations", "<ul class=\"answers\">\(items.joined())</ul>"))
        }

        var body = "<header>\n"
        body += "<p><a href=\"\(HTML.escape(referenceURL))\(HTML.fragmentLink(entry.name))\">"
        body += "\(HTML.escape(reference.title))</a></p>\n"
        body += "<h1><code>\(HTML.escape(entry.name))</code></h1>\n"
        if let title = entry.title { body += "<p class=\"lead\">\(HTML.escape(title))</p>\n" }
        body += "</header>\n<main>\n<dl class=\"facts\">\n"
        for (term, definition) in facts { body += "<dt>\(term)</dt><dd>\(definition)</dd>\n" }
        body += "</dl>\n"
        if let example = reference.examples[entry.name] {
            body += "<section id=\"example\">\n<h2>Example</h2>\n"
            let samples = example.sampleDescription
            if !samples.isEmpty { body += "<p>With \(HTML.escape(samples)):</p>\n" }
            body += "<pre><code>\(HTML.escape(example.text))</code></pre>\n</section>\n"
        }
        body += "</main>\n" + Self.footer
        return Self.document(title: "\(entry.name) · \(reference.title)", body: body)
    }

    /// The entry's documentation link (its own `docs`, else the catalog's template), or its text when it is not an
    /// http(s) URL.
    private func documentationLink(for entry: ErrorEntry) -> String? {
        guard let url = catalog.documentationURL(for: entry) else { return nil }
        guard let safe = HTML.safeURL(url) else { return HTML.escape(url) }
        return "<a href=\"\(HTML.escape(safe))\">\(HTML.escape(safe))</a>"
    }
}
