import Errata

/// A catalog's reference page in HTML: one self-contained file (inline CSS and a little plain JavaScript, nothing
/// loaded from elsewhere) with the error body and a real example, a table of codes per group, the WebSocket close
/// codes and each operation's answers, and a search box that filters the tables as you type.
///
/// One renderer, two outlets: `errata generate html` writes ``page()`` to a file, and `errata serve` serves the same
/// page, a page per entry (``entryPage(named:referenceURL:)``) and the HTTP status registry
/// (``statusRegistryPage(_:)``). The parts the page is built from (`header()`, `codesSection()`, …) are `package`:
/// ErrataServer shares them, users do not need them.
///
/// Every row has an anchor named after its entry (`#MemberRefNotFound`); a code unique in the catalog has one too
/// (`#20003`). Every piece of catalog text is HTML-escaped, so a description holding `<script>` shows as text.
/// Pages read well on a phone (tables become cards) and in print (the search box is hidden).
///
/// ```swift
/// let page = ReferencePage(catalog: catalog)
/// try page.page().write(toFile: "errors.html", atomically: true, encoding: .utf8)
/// let entry = page.entryPage(named: "MemberRefNotFound")
/// ```
public struct ReferencePage: Sendable {
    /// The catalog the page documents.
    public var catalog: ErrorCatalog { reference.catalog }

    let reference: CatalogReference

    /// Prepares the page for a catalog, rendering each entry's example once.
    public init(catalog: ErrorCatalog) {
        self.reference = CatalogReference(catalog: catalog)
    }

    /// The whole reference page: a complete HTML document.
    public func page() -> String {
        Self.document(
            title: reference.title,
            body: header() + contents() + "<main>\n" + envelopeSection() + codesSection() + closeCodesSection()
                + operationsSection() + Self.noMatches + "</main>\n" + Self.footer
        )
    }

    /// The page's header: the title, what the catalog is, and the search box.
    package func header() -> String {
        """
        <header>
        <h1>\(HTML.escape(reference.title))</h1>
        <p class="lead">\(HTML.escape(reference.summary))</p>
        \(Self.searchBox)
        </header>

        """
    }

    /// The table of contents.
    package func contents() -> String {
        var items = ["<li><a href=\"#error-body\">Error body</a></li>"]
        var codes = "<li><a href=\"#codes\">Codes</a>"
        if reference.sections.count > 1 {
            codes += "<ul>"
            for section in reference.sections {
                codes += "<li><a href=\"\(HTML.fragmentLink(section.anchor))\">\(HTML.escape(section.title))</a></li>"
            }
            codes += "</ul>"
        }
        items.append(codes + "</li>")
        if !catalog.closeCodes.isEmpty { items.append("<li><a href=\"#close-codes\">Close codes</a></li>") }
        if !catalog.operations.isEmpty { items.append("<li><a href=\"#operations\">Operations</a></li>") }
        return "<nav aria-label=\"Contents\">\n<ul>\n" + items.joined(separator: "\n") + "\n</ul>\n</nav>\n"
    }

    // MARK: Envelope

    /// The error body: how errors travel, a real example, and the body's members.
    package func envelopeSection() -> String {
        var html = "<section id=\"error-body\">\n<h2>Error body</h2>\n"
        var sentence = HTML.escape(reference.transportSentence)
        if let introduction = reference.exampleIntroduction { sentence += " " + HTML.escape(introduction) }
        html += "<p>\(sentence)</p>\n"
        if let example = reference.example {
            html += "<pre><code>\(HTML.escape(example.text))</code></pre>\n"
        }
        html += Self.membersTable(reference.shape.rows())
        if reference.shape.usesFieldErrors {
            html += "<p>Per-field errors are \(HTML.escape(reference.shape.fieldErrorLayoutText)). A field error:</p>\n"
            html += Self.membersTable(reference.shape.fieldErrorRows())
        }
        let alternatives = catalog.envelope.alternatives
        if !alternatives.isEmpty {
            let types = alternatives.map { "<code>\(HTML.escape($0.contentType))</code>" }.joined(separator: ", ")
            html += "<p>Also offered by content negotiation (Accept): \(types).</p>\n"
        }
        return html + "</section>\n"
    }

    static func membersTable(_ rows: [EnvelopeShape.Row]) -> String {
        guard !rows.isEmpty else { return "" }
        var html = "<div class=\"table\"><table>\n"
        html += "<thead><tr><th scope=\"col\">Member</th><th scope=\"col\">Type</th><th scope=\"col\">Present</th>"
        html += "<th scope=\"col\">Meaning</th></tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><td data-label=\"Member\"><code>\(HTML.escape(row.path))</code></td>"
            html += "<td data-label=\"Type\">\(HTML.escape(row.type))</td>"
            html += "<td data-label=\"Present\">\(HTML.escape(row.presence))</td>"
            html += "<td data-label=\"Meaning\">\(HTML.escape(row.meaning))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    // MARK: Codes

    /// Every entry, in a table per group; entries outside every group last.
    package func codesSection() -> String {
        var html = "<section id=\"codes\">\n<h2>Codes</h2>\n"
        if let retryHeader = reference.retryHeaderText { html += "<p>\(HTML.escape(retryHeader))</p>\n" }
        let columns = reference.columns
        var headings: [String] = []
        if columns.code { headings.append("Code") }
        headings.append("Name")
        if columns.status { headings.append("Status") }
        if columns.message { headings.append("Message") }
        if columns.description { headings.append("Description") }
        headings.append("Retry")
        for section in reference.sections {
            html += "<section class=\"group\" id=\"\(HTML.escape(section.anchor))\" data-filterable>\n"
            html += "<h3>\(HTML.escape(section.title))</h3>\n"
            var about: [String] = []
            if let range = section.range { about.append(HTML.escape(range)) }
            if let description = section.description { about.append(HTML.multiline(description)) }
            if !about.isEmpty { html += "<p>\(about.joined(separator: " "))</p>\n" }
            html += Self.tableOpening(headings)
            for entry in section.entries { html += row(for: entry) }
            html += Self.tableClosing
            html += "</section>\n"
        }
        return html + "</section>\n"
    }

    /// One entry's row.
    func row(for entry: ErrorEntry) -> String {
        let columns = reference.columns
        let searchText = [
            entry.code?.description, entry.name, entry.title, entry.message?.source, entry.description,
        ].compactMap { $0 }.joined(separator: " ").lowercased()
        var html = "<tr id=\"\(HTML.escape(entry.name))\" data-search=\"\(HTML.escape(searchText))\">"
        if columns.code {
            html += "<td data-label=\"Code\">"
            if let code = entry.code {
                if let anchor = reference.codeAnchors[entry.name] {
                    html += "<span id=\"\(HTML.escape(anchor))\">\(HTML.escape(code.description))</span>"
                } else {
                    html += HTML.escape(code.description)
                }
            }
            html += "</td>"
        }
        html += "<td data-label=\"Name\">\(Self.nameCell(entry))</td>"
        if columns.status {
            let status = CatalogReference.statusText(of: entry).map(HTML.escape) ?? ""
            html += "<td data-label=\"Status\">\(status)</td>"
        }
        if columns.message { html += "<td data-label=\"Message\">\(Self.messageCell(entry))</td>" }
        if columns.description { html += "<td data-label=\"Description\">\(Self.descriptionCell(entry))</td>" }
        html += "<td data-label=\"Retry\">\(CatalogReference.retryText(entry.retry))</td>"
        return html + "</tr>\n"
    }

    static func nameCell(_ entry: ErrorEntry) -> String {
        var html =
            "<a class=\"name\" href=\"\(HTML.fragmentLink(entry.name))\"><code>\(HTML.escape(entry.name))</code></a>"
        if entry.kind != .error { html += " <span class=\"tag\">\(HTML.escape(entry.kind.rawValue))</span>" }
        if entry.origin == .client { html += " <span class=\"tag\">client-side</span>" }
        if entry.isDeprecated { html += " <span class=\"tag\">deprecated</span>" }
        if let title = entry.title { html += "<br><span class=\"muted\">\(HTML.escape(title))</span>" }
        return html
    }

    static func messageCell(_ entry: ErrorEntry) -> String {
        var html = entry.message.map(Self.template) ?? ""
        if !entry.parameters.isEmpty {
            html += "<ul class=\"params\">"
            for parameter in entry.parameters {
                html += "<li><code>\(HTML.escape(parameter.name))</code> <span class=\"muted\">\(parameter.type)</span>"
                if let description = parameter.description { html += ": " + HTML.escape(description) }
                if !parameter.values.isEmpty {
                    html +=
                        " Documented values: "
                        + parameter.values.map { "<code>\(HTML.escape($0.value))</code>" }.joined(separator: ", ")
                        + ", or another."
                }
                html += "</li>"
            }
            html += "</ul>"
        }
        return html
    }

    static func descriptionCell(_ entry: ErrorEntry) -> String {
        var html = entry.description.map(HTML.multiline) ?? ""
        for note in CatalogReference.notes(for: entry) {
            html += "<p class=\"note\">\(HTML.escape(note))</p>"
        }
        return html
    }

    /// A message template with its placeholders marked: `Member '<var>{memberRef}</var>' not found.`
    static func template(_ template: MessageTemplate) -> String {
        var html = ""
        for segment in template.segments {
            switch segment {
            case .literal(let text): html += HTML.multiline(text)
            case .placeholder(let placeholder): html += "<var>{\(HTML.escape(placeholder.name))}</var>"
            }
        }
        return html
    }

    // MARK: Close codes and operations

    /// The WebSocket close codes; empty when the catalog has none.
    package func closeCodesSection() -> String {
        guard !catalog.closeCodes.isEmpty else { return "" }
        var html = "<section id=\"close-codes\" data-filterable>\n<h2>Close codes</h2>\n"
        html += "<p>WebSocket close codes end the whole session; the statuses above answer one operation.</p>\n"
        html += Self.tableOpening(["Code", "Name", "Reason", "Retry", "Description"])
        for closeCode in catalog.closeCodes {
            let anchor = reference.closeCodeAnchors[closeCode.name] ?? closeCode.name
            let searchText = [String(closeCode.code.rawValue), closeCode.name, closeCode.reason, closeCode.description]
                .compactMap { $0 }.joined(separator: " ").lowercased()
            html += "<tr id=\"\(HTML.escape(anchor))\" data-search=\"\(HTML.escape(searchText))\">"
            html += "<td data-label=\"Code\">\(HTML.escape(closeCode.code.description))</td>"
            html += "<td data-label=\"Name\"><a class=\"name\" href=\"\(HTML.fragmentLink(anchor))\">"
            html += "<code>\(HTML.escape(closeCode.name))</code></a></td>"
            html += "<td data-label=\"Reason\">\(closeCode.reason.map(HTML.escape) ?? "")</td>"
            html += "<td data-label=\"Retry\">\(CatalogReference.retryText(closeCode.retry))</td>"
            html += "<td data-label=\"Description\">\(closeCode.description.map(HTML.multiline) ?? "")</td></tr>\n"
        }
        return html + Self.tableClosing + "</section>\n"
    }

    /// Each operation and the entries it may answer with, linked to their rows; empty when the catalog lists none.
    package func operationsSection() -> String {
        let operations = catalog.operations
        guard !operations.isEmpty else { return "" }
        let hasLocation = operations.contains { CatalogReference.location(of: $0) != nil }
        let hasDescription = operations.contains { $0.description != nil }
        var headings = ["Operation"]
        if hasLocation { headings.append("Route") }
        if hasDescription { headings.append("Description") }
        headings.append("May answer with")
        var html = "<section id=\"operations\" data-filterable>\n<h2>Operations</h2>\n"
        html += Self.tableOpening(headings)
        for operation in operations {
            let answers = reference.answers(of: operation)
            let searchText =
                ([operation.name, CatalogReference.location(of: operation), operation.description]
                .compactMap { $0 } + answers.map(\.name)).joined(separator: " ").lowercased()
            html += "<tr data-search=\"\(HTML.escape(searchText))\">"
            html += "<td data-label=\"Operation\"><code>\(HTML.escape(operation.name))</code></td>"
            if hasLocation {
                html +=
                    "<td data-label=\"Route\">\(CatalogReference.location(of: operation).map(HTML.escape) ?? "")</td>"
            }
            if hasDescription {
                html += "<td data-label=\"Description\">\(operation.description.map(HTML.multiline) ?? "")</td>"
            }
            let links = answers.map { entry in
                var link = "<a href=\"\(HTML.fragmentLink(entry.name))\"><code>\(HTML.escape(entry.name))</code></a>"
                let identification = CatalogReference.identification(of: entry)
                if !identification.isEmpty { link += " <span class=\"muted\">(\(HTML.escape(identification)))</span>" }
                return "<li>" + link + "</li>"
            }
            html += "<td data-label=\"May answer with\"><ul class=\"answers\">\(links.joined())</ul></td></tr>\n"
        }
        return html + Self.tableClosing + "</section>\n"
    }

    // MARK: Pieces

    static func tableOpening(_ headings: [String]) -> String {
        "<div class=\"table\"><table>\n<thead><tr>"
            + headings.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
    }

    static let tableClosing = "</tbody>\n</table></div>\n"

    static let searchBox = """
        <div class="search" hidden><label for="search">Search</label> \
        <input id="search" type="search" placeholder="Code, name, message or description" autocomplete="off" \
        spellcheck="false"></div>
        """

    static let noMatches = "<p id=\"no-matches\" hidden>Nothing matches the search.</p>\n"

    static let footer = "<footer><p>\(CatalogReference.provenance)</p></footer>\n"
}
