/// Catalog text made safe for HTML: shared with ErrataServer's index page, so `package`.
package enum HTML {
    /// Text with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in element content and in quoted
    /// attribute values alike.
    package static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Escaped text with its line breaks as `<br>`.
    static func multiline(_ text: String) -> String {
        escape(text).replacing("\r\n", with: "<br>").replacing("\n", with: "<br>").replacing("\r", with: "<br>")
    }

    /// `href="#anchor"`'s value, escaped: the anchor percent-encoded as a fragment.
    static func fragmentLink(_ anchor: String) -> String {
        escape("#" + MarkdownText.fragment(anchor))
    }

    /// The URL when it is safe to link to (`http:` or `https:`), else `nil`: a catalog's `javascript:` or `data:`
    /// link is shown as text, never followed.
    static func safeURL(_ url: String) -> String? {
        let lowercased = url.lowercased()
        guard lowercased.hasPrefix("https://") || lowercased.hasPrefix("http://") else { return nil }
        guard !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else { return nil }
        return url
    }
}
