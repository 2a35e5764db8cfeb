extension ReferencePage {
    /// A complete HTML document around `body`, with the reference page's style sheet and search script inline.
    ///
    /// For pages built from the parts (`header()`, `codesSection()`, …) that should look like the reference
    /// page.
    ///
    /// - Parameters:
    ///   - title: The document title; escaped here.
    ///   - body: The body's HTML, used as it is.
    /// - Returns: The document, ending in a newline.
    package static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="Errata">
        <title>\(HTML.escape(title))</title>
        <style>
        \(styleSheet)</style>
        </head>
        <body>
        \(body)<script>
        \(script)</script>
        </body>
        </html>

        """
    }

    /// The pages' CSS: readable from a phone (tables turn into cards) to print (no search box, no navigation).
    ///
    /// Anchors stop a little below the top edge: `#20003` names the code in its row, so without the margin the row
    /// would open cut off above its code.
    package static let styleSheet = """
        :root { --text: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --background: #ffffff; --accent: #0b57d0;
          --code: #f3f4f6; --highlight: #fff4c2; }
        @media (prefers-color-scheme: dark) {
          :root { --text: #e8eaed; --muted: #a0a4ab; --line: #3c4043; --background: #17181a; --accent: #8ab4f8;
            --code: #25272a; --highlight: #4a3f0b; }
        }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 80rem; padding: 1rem 1.25rem 3rem; color: var(--text);
          background: var(--background); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 1rem 0 .25rem; }
        h2 { font-size: 1.4rem; margin: 2.5rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.15rem; margin: 1.75rem 0 .25rem; }
        a { color: var(--accent); }
        code, pre, var { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
        var { font-style: normal; color: var(--accent); }
        pre { background: var(--code); padding: .75rem 1rem; border-radius: 6px; overflow-x: auto; }
        .lead, .muted, footer { color: var(--muted); }
        .note { margin: .25rem 0 0; color: var(--muted); font-size: .9em; }
        .tag { display: inline-block; margin-left: .25rem; padding: 0 .45rem; border: 1px solid var(--line);
          border-radius: 1rem; font-size: .75rem; color: var(--muted); white-space: nowrap; }
        .search { position: sticky; top: 0; z-index: 1; padding: .5rem 0; background: var(--background); }
        .search label { font-weight: 600; margin-right: .5rem; }
        .search input { width: 100%; max-width: 32rem; padding: .5rem .75rem; font: inherit; color: inherit;
          background: var(--background); border: 1px solid var(--line); border-radius: 6px; }
        nav ul { margin: .5rem 0; padding-left: 1.25rem; }
        nav ul ul { display: inline; padding: 0; }
        nav ul ul li { display: inline; }
        nav ul ul li + li::before { content: " · "; color: var(--muted); }
        nav ul ul::before { content: ": "; }
        .table { overflow-x: auto; }
        table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; }
        th, td { padding: .45rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
        th { font-size: .85rem; color: var(--muted); white-space: nowrap; }
        td:first-child { white-space: nowrap; }
        tr:target, tr:has(:target) { background: var(--highlight); }
        [id] { scroll-margin-top: 1rem; }
        .params, .answers { margin: .25rem 0 0; padding-left: 1.1rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1.25rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        footer { margin-top: 3rem; font-size: .85rem; }
        @media (max-width: 40rem) {
          body { padding: .5rem .75rem 2rem; }
          h1 { font-size: 1.5rem; }
          table, thead, tbody, tr, th, td { display: block; }
          thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          tr { margin: 0 0 .75rem; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: 8px; }
          td { padding: .2rem 0; border: 0; white-space: normal !important; }
          td[data-label]::before { content: attr(data-label); display: block; font-size: .75rem; color: var(--muted); }
          dl.facts { grid-template-columns: 1fr; gap: .1rem; }
          dl.facts dd { margin-bottom: .6rem; }
        }
        @media print {
          :root { --text: #000; --muted: #444; --line: #bbb; --background: #fff; --accent: #000; --code: #f4f4f4; }
          .search, nav, #no-matches { display: none !important; }
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          a { text-decoration: none; }
          h2, h3 { break-after: avoid; }
          tr { break-inside: avoid; }
          pre { white-space: pre-wrap; }
        }

        """

    /// The pages' JavaScript: shows the search box and filters the rows of every table with `data-search` rows as
    /// you type (all words must match), hiding tables left empty. Without JavaScript the search box stays hidden.
    package static let script = """
        (function () {
          "use strict";
          var box = document.getElementById("search");
          if (!box) { return; }
          box.parentNode.hidden = false;
          var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-search]"));
          var sections = Array.prototype.slice.call(document.querySelectorAll("[data-filterable]"));
          var none = document.getElementById("no-matches");
          function filter() {
            var words = box.value.toLowerCase().split(/\\s+/).filter(function (word) { return word.length > 0; });
            var shown = 0;
            rows.forEach(function (row) {
              var text = row.getAttribute("data-search");
              var matches = words.every(function (word) { return text.indexOf(word) !== -1; });
              row.hidden = !matches;
              if (matches) { shown += 1; }
            });
            sections.forEach(function (section) {
              section.hidden = section.querySelector("tr[data-search]:not([hidden])") === null;
            });
            if (none) { none.hidden = shown > 0; }
          }
          box.addEventListener("input", filter);
          document.addEventListener("keydown", function (event) {
            if (event.key === "/" && document.activeElement !== box) { event.preventDefault(); box.focus(); }
          });
          if (box.value) { filter(); }
        })();

        """
}
