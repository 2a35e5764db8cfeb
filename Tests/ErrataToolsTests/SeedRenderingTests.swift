import Errata
import ErrataCatalogs
import ErrataTools
import HTTPTypes
import Testing

/// Every example on a seed page renders to exactly the bytes the page shows.
@Suite struct SeedRenderingTests {
    static func catalog(_ id: String) throws -> ErrorCatalog {
        let path = try #require(BundledCatalogs.path(forID: id))
        let loaded = CatalogLoader().load(path: path)
        return try #require(loaded.catalog, "\(loaded.diagnostics)")
    }

    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @Test func restErrorCodesUnknownRendersWithNullDetails() throws {
        let catalog = try Self.catalog("rest-error-codes")
        let rendered = try ErrorRenderer(catalog: catalog).render(try APIError("Unknown", in: catalog))
        #expect(
            Self.text(rendered.body)
                == #"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#
        )
        #expect(rendered.status == .internalServerError)
        #expect(rendered.headerFields[.contentType] == "application/json")
    }

    @Test func batchDataInvalidTokenRendersTheStatusObject() throws {
        let catalog = try Self.catalog("batchdata")
        let rendered = try ErrorRenderer(catalog: catalog).render(try APIError("InvalidToken", in: catalog))
        #expect(
            Self.text(rendered.body) == #"{"status":{"code":401,"text":"Unauthorized","message":"Invalid token."}}"#
        )
        #expect(rendered.status.code == 401)
    }

    @Test func blazeAuthOkRendersTheStatusPacket() throws {
        let catalog = try Self.catalog("blazeauth")
        let renderer = try ErrorRenderer(catalog: catalog)
        let packet = renderer.statusPacket(try APIError("Ok", in: catalog), requestID: 5)
        #expect(Self.text(packet) == #"{"id":5,"status":1}"#)
    }

    @Test func pluralKitMemberRefNotFoundFillsTheTemplate() throws {
        let catalog = try Self.catalog("pluralkit")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": "abcde"])
        )
        #expect(rendered.status.code == 404)
        #expect(Self.text(rendered.body) == #"{"code":20003,"message":"Member 'abcde' not found."}"#)
    }

    @Test func pluralKitModelErrorCarriesFieldErrors() throws {
        let catalog = try Self.catalog("pluralkit")
        let error = try APIError(
            "InvalidJSONModel",
            in: catalog,
            fieldErrors: [
                FieldError(
                    field: "name",
                    message: "Member name too long.",
                    attributes: [.init("max_length", 100), .init("actual_length", 140)]
                )
            ]
        )
        let rendered = try ErrorRenderer(catalog: catalog).render(error)
        #expect(
            Self.text(rendered.body)
                == #"{"code":40001,"message":"Error parsing JSON model (check errors key for details)","errors":{"name":[{"message":"Member name too long.","max_length":100,"actual_length":140}]}}"#
        )
    }

    @Test func pluralKitRateLimitCarriesRetryAfterInMilliseconds() throws {
        let catalog = try Self.catalog("pluralkit")
        let error = try APIError("TooManyRequests", in: catalog, retryAfter: .milliseconds(1500))
        let rendered = try ErrorRenderer(catalog: catalog).render(error)
        #expect(rendered.status.code == 429)
        #expect(Self.text(rendered.body) == #"{"code":0,"message":"Too many requests.","retry_after":1500}"#)
        #expect(rendered.headerFields[.retryAfter] == "2")
    }
}
