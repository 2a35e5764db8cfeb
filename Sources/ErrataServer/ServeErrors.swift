import Errata
import ErrataTools

/// `errata serve`'s own errors, declared as a catalog like any other: every bad request gets an RFC 9457 problem
/// that says what is wrong.
enum ServeErrors {
    static let source = """
        errata: 1
        id: errata-serve
        title: errata serve
        version: 1.0.0
        envelope: { format: problem }
        codes:
          - name: UnknownCatalog
            status: 404
            title: Unknown catalog
            message: "There is no catalog '{catalog}'; the catalogs are: {available}."
          - name: UnknownEntry
            status: 404
            title: Unknown entry
            message: "Catalog '{catalog}' has no entry with the name or code '{entry}'."
          - name: AmbiguousCode
            status: 400
            title: Ambiguous code
            message: "Code '{code}' of catalog '{catalog}' is shared by {names}; ask for one of them by name."
          - name: MissingParameter
            status: 400
            title: Missing parameter
            message: "'{entry}' needs a value for '{parameter}': add ?{parameter}=VALUE to the URL."
          - name: InvalidQuery
            status: 400
            title: Invalid query
            message: "{problem}"
          - name: InvalidStatus
            status: 400
            title: Invalid status
            message: "'{status}' is not a status this endpoint answers with: {reason}."
          - name: NotFound
            status: 404
            title: Not found
            message: "Nothing is served at '{path}'; the index at / lists what is."
          - name: NotWebSocketCatalog
            status: 400
            title: Not a WebSocket catalog
            message: "Catalog '{catalog}' has no WebSocket semantics (no close codes, no statuses without an HTTP
              status), so /mock/{catalog}/ws is not served; ask for its errors at /mock/{catalog}/NAME."
          - name: UpgradeRequired
            status: 426
            title: Upgrade required
            message: '/mock/{catalog}/ws is a WebSocket endpoint: connect to it with a WebSocket client and send
              {{"id": 7, "status": NAME}} or {{"close": NAME}}.'
            headers: { Upgrade: websocket }
        """

    /// The answer to a bad message on `/mock/{catalog}/ws`, sent as a text frame. Not a problem: a problem without
    /// an HTTP status has `about:blank`'s title, and its `status` member could pass for the catalog's own status.
    static let webSocketSource = """
        errata: 1
        id: errata-serve-ws
        title: errata serve WebSocket answers
        version: 1.0.0
        envelope:
          format: json
          body: { error: "{name}", detail: "{message}" }
        codes:
          - name: InvalidMessage
            code: invalid-message
            title: Invalid message
            message: "{problem}"
        """

    static let catalog = load(source, path: "errata-serve.errata.yaml")
    static let webSocketCatalog = load(webSocketSource, path: "errata-serve-ws.errata.yaml")

    private static func load(_ source: String, path: String) -> ErrorCatalog {
        // The source is a constant of this file, checked by a test; a failure here is a programming error.
        guard let catalog = CatalogLoader().load(text: source, path: path).catalog else {
            preconditionFailure("errata serve's own error catalog \(path) does not load")
        }
        return catalog
    }

    static func error(_ name: String, _ parameters: [String: String]) -> APIError {
        APIError(unchecked: catalog.entry(named: name)!, parameters: parameters)
    }
}
