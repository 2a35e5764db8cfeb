import AsyncHTTPClient
import Errata
import ErrataAsyncHTTPClient
import ErrataClient
import ErrataOpenAPI
import Foundation
import HTTPTypes
import NIOCore
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The README's three client examples ("In a client: ErrataClient"), as written there but for the server's port,
/// against a live `errata serve` with the bundled catalogs. `Generated/PluralKitErrors.swift` is a link to the
/// golden file `errata generate swift` writes for the bundled catalog (`Tests/GeneratedCodeTests/Generated/`), so it
/// is the generated code an app would get from ErrataPlugin.
@Suite(.timeLimit(.minutes(2))) struct READMEClientExampleTests {
    @Test func urlSessionExampleSucceedsAfterTwoRateLimits() async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        let printed = try await LiveServer.run(catalogs: [catalog]) { base in
            let errors = CatalogClient(catalog: PluralKitErrors.catalog)
            let request = URLRequest(
                url: URL(string: "\(base)/mock/pluralkit/flaky?key=\(UUID())&fail=2&retryAfter=1")!
            )
            do {
                let (data, response) = try await URLSession.shared.data(for: request, errors: errors)
                return "\(response.statusCode) \(String(decoding: data, as: UTF8.self))"
            } catch let error as CatalogResponseError {
                switch PluralKitErrors.Case(error.decoded) {
                case .memberRefNotFound(let memberRef): return "no member \(memberRef)"
                case .unrecognized(let decoded): return "HTTP \(error.status.code): \(decoded.message ?? "")"
                default: return "\(error)"
                }
            }
        }
        #expect(printed == #"200 {"attempt":3}"#)
    }

    @Test func urlSessionExampleGivesTheGeneratedCase() async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        let printed = try await LiveServer.run(catalogs: [catalog]) { base in
            let errors = CatalogClient(catalog: PluralKitErrors.catalog)
            let request = URLRequest(url: URL(string: "\(base)/mock/pluralkit/MemberRefNotFound?memberRef=abc")!)
            do {
                let (data, response) = try await URLSession.shared.data(for: request, errors: errors)
                return "\(response.statusCode) \(String(decoding: data, as: UTF8.self))"
            } catch let error as CatalogResponseError {
                switch PluralKitErrors.Case(error.decoded) {
                case .memberRefNotFound(let memberRef): return "no member \(memberRef)"
                case .unrecognized(let decoded): return "HTTP \(error.status.code): \(decoded.message ?? "")"
                default: return "\(error)"
                }
            }
        }
        #expect(printed == "no member abc")
    }

    @Test func asyncHTTPClientExampleThrowsTheCatalogError() async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        let printed = try await LiveServer.run(catalogs: [catalog]) { base in
            let errors = CatalogClient(catalog: PluralKitErrors.catalog)
            let request = HTTPClientRequest(url: "\(base)/mock/pluralkit/MemberRefNotFound?memberRef=abc")
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10), errors: errors)
                let body = try await response.body.collect(upTo: 1 << 20)
                return String(buffer: body)
            } catch let error as CatalogResponseError {
                return "\(error.entry?.name ?? "?") \(error.decoded.parameters)"
            }
        }
        #expect(printed == #"MemberRefNotFound ["memberRef": "abc"]"#)
    }

    @Test func openAPIExampleThrowsTheCatalogError() async throws {
        let catalog = try TestCatalogs.bundled("pluralkit")
        let printed = try await LiveServer.run(catalogs: [catalog]) { base in
            let errors = CatalogClient(catalog: PluralKitErrors.catalog)
            let client = Client(
                serverURL: URL(string: base)!,
                transport: AsyncHTTPClientTransport(),
                middlewares: [CatalogErrorMiddleware(client: errors)]
            )
            do {
                _ = try await client.getMock(
                    path: .init(catalog: "pluralkit", choice: "MemberRefNotFound"),
                    query: .init(memberRef: "abc")
                )
                return "no error"
            } catch let error as ClientError {
                return error.catalogResponseError?.entry?.name ?? "not a catalog error"
            }
        }
        #expect(printed == "MemberRefNotFound")
    }
}
