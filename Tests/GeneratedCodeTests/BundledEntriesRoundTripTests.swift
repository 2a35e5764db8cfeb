import Errata
import Testing

/// Every entry of every bundled catalog, built as an occurrence, rendered, decoded and recognised as its own case.
@Suite struct BundledEntriesRoundTripTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        var catalog: ErrorCatalog
        var entry: ErrorEntry
        var recognize: @Sendable (DecodedError) -> String

        var testDescription: String { "\(catalog.id) \(entry.name)" }
    }

    static let entries: [Entry] =
        PluralKitErrors.catalog.entries.map {
            Entry(catalog: PluralKitErrors.catalog, entry: $0) { "\(PluralKitErrors.Case($0))" }
        }
        + RESTErrors.catalog.entries.map { Entry(catalog: RESTErrors.catalog, entry: $0) { "\(RESTErrors.Case($0))" } }
        + BatchDataErrors.catalog.entries.map {
            Entry(catalog: BatchDataErrors.catalog, entry: $0) { "\(BatchDataErrors.Case($0))" }
        }
        + BlazeAuthWebSocketErrors.catalog.entries.map {
            Entry(catalog: BlazeAuthWebSocketErrors.catalog, entry: $0) { "\(BlazeAuthWebSocketErrors.Case($0))" }
        }

    @Test(arguments: entries)
    func entryIsRecognisedAsItsOwnCase(_ item: Entry) throws {
        let renderer = try ErrorRenderer(catalog: item.catalog)
        let decoder = ErrorDecoder(catalog: item.catalog)
        let parameters = Dictionary(uniqueKeysWithValues: item.entry.parameterNames.map { ($0, "value-of-\($0)") })
        let error = APIError(unchecked: item.entry, parameters: parameters)
        let decoded: DecodedError
        if item.entry.status == nil {
            decoded = decoder.decodeStatusPacket(renderer.statusPacket(error, requestID: 7))
        } else {
            let rendered = renderer.render(error)
            decoded = decoder.decode(status: rendered.status, headerFields: rendered.headerFields, body: rendered.body)
        }
        let recognized = item.recognize(decoded)
        if item.entry.origin == .client {
            // A server never sends a client-side status: the renderer answers with the internal error instead.
            #expect(!recognized.lowercased().hasPrefix(item.entry.name.lowercased()))
            return
        }
        let name = recognized.prefix { $0 != "(" }
        #expect(name.lowercased() == item.entry.name.lowercased(), "\(recognized)")
        // Parameters the body carries (in the message) come back; header-only ones are nil.
        for name in item.entry.message?.parameterNames ?? [] where item.entry.constants[name] == nil {
            #expect(recognized.contains("\"value-of-\(name)\""), "\(recognized)")
        }
    }
}
