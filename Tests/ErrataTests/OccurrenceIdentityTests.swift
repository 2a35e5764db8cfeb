import Errata
import HTTPTypes
import Testing

/// An occurrence refers to its entry by position and keeps its values in the entry's parameter order; the renderer
/// finds it again without a name, renders entries from elsewhere through its own definition, and writes bodies
/// into a caller's buffer byte for byte as it writes arrays.
@Suite struct OccurrenceIdentityTests {
    static func template(_ text: String) -> MessageTemplate {
        try! MessageTemplate(text)
    }

    static let range = ErrorEntry(
        name: "OutOfRange",
        code: 40001,
        status: .badRequest,
        message: template("{field} must be between {min} and {max}."),
        parameters: [
            ParameterDeclaration(name: "field"), ParameterDeclaration(name: "min"), ParameterDeclaration(name: "max"),
        ]
    )

    /// The same name, parameters declared in another order.
    static let rangeReordered = ErrorEntry(
        name: "OutOfRange",
        code: 40001,
        status: .badRequest,
        message: template("{field} must be between {min} and {max}."),
        parameters: [
            ParameterDeclaration(name: "max"), ParameterDeclaration(name: "field"), ParameterDeclaration(name: "min"),
        ]
    )

    static let unauthorized = ErrorEntry(name: "Unauthorized", code: 1, status: .unauthorized, message: template("No."))

    static let catalog = ErrorCatalog(id: "shop", title: "Shop", entries: [unauthorized, range])
    static let otherCatalog = ErrorCatalog(id: "other", title: "Other", entries: [rangeReordered])

    static let values = ["field": "age", "min": "18", "max": "1\"20\n"]
    static let expectedBody =
        #"{"type":"about:blank","title":"Bad Request","status":400,"detail":"age must be between 18 and 1\"20\n."}"#

    @Test func theByPositionInitialiserRendersAsTheByNameOne() throws {
        let renderer = try ErrorRenderer(catalog: Self.catalog)
        let byName = try APIError("OutOfRange", in: Self.catalog, parameters: Self.values)
        let byPosition = APIError(unchecked: 1, in: Self.catalog, values: ["age", "18", "1\"20\n"])
        #expect(String(decoding: renderer.body(for: byName), as: UTF8.self) == Self.expectedBody)
        #expect(renderer.body(for: byPosition) == renderer.body(for: byName))
        #expect(byPosition.parameters == Self.values)
        #expect(byPosition.entry == Self.range)
    }

    @Test func anOccurrenceFromAnotherCatalogRendersThroughThisOnesEntryWithItsValues() throws {
        let renderer = try ErrorRenderer(catalog: Self.catalog)
        let foreign = try APIError("OutOfRange", in: Self.otherCatalog, parameters: Self.values)
        #expect(String(decoding: renderer.body(for: foreign), as: UTF8.self) == Self.expectedBody)
        #expect(String(decoding: renderer.render(foreign).body, as: UTF8.self) == Self.expectedBody)
        #expect(!renderer.render(foreign).isInternalError)
    }

    @Test func anEntryGivenOnItsOwnRendersThroughTheCatalogsEntry() throws {
        let renderer = try ErrorRenderer(catalog: Self.catalog)
        let alone = APIError(unchecked: Self.rangeReordered, parameters: Self.values)
        #expect(String(decoding: renderer.body(for: alone), as: UTF8.self) == Self.expectedBody)
    }

    @Test func parametersSetByNameLandInTheEntrysOrder() throws {
        var error = try APIError("OutOfRange", in: Self.catalog, parameters: Self.values)
        error.parameters["min"] = "21"
        error.parameters["unknown"] = "dropped"
        #expect(error.parameters == ["field": "age", "min": "21", "max": "1\"20\n"])
        #expect(error.message == "age must be between 21 and 1\"20\n.")
        error.entry = ErrorEntry(name: "Other", status: .badRequest, message: Self.template("{min}"))
        #expect(error.parameters == ["min": "21"])
    }

    @Test func aTemplatedBodyWrittenIntoABufferIsTheArraysBytes() throws {
        let renderer = try ErrorRenderer(catalog: Self.catalog)
        let rendered = renderer.render(try APIError("OutOfRange", in: Self.catalog, parameters: Self.values))
        #expect(rendered.sharedBody == nil)
        #expect(rendered.bodyByteCount == rendered.body.count)
        var buffer = [UInt8](repeating: 0xFF, count: rendered.bodyByteCount + 8)
        let written = buffer.withUnsafeMutableBytes { rendered.writeBody(into: $0) }
        #expect(written == rendered.bodyByteCount)
        #expect(Array(buffer[..<written]) == rendered.body)
        #expect(buffer[written...].allSatisfy { $0 == 0xFF })
    }

    @Test func aStaticBodyIsSharedAndWrittenAsIs() throws {
        let renderer = try ErrorRenderer(catalog: Self.catalog)
        let rendered = renderer.render(try APIError("Unauthorized", in: Self.catalog))
        let shared = try #require(rendered.sharedBody)
        #expect(shared == rendered.body)
        var buffer = [UInt8](repeating: 0, count: rendered.bodyByteCount)
        #expect(buffer.withUnsafeMutableBytes { rendered.writeBody(into: $0) } == shared.count)
        #expect(buffer == shared)
    }
}
