import Errata
import ErrataCatalogs
import ErrataServer
import ErrataTools
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite struct ErrataServerTests {
    static let catalogs: [ErrorCatalog] = BundledCatalogs.paths.compactMap { CatalogLoader().load(path: $0).catalog }

    static func application(_ catalogs: [ErrorCatalog] = catalogs) throws -> some ApplicationProtocol {
        Application(router: try ErrataServer(catalogs: catalogs).router(logLevel: .debug))
    }

    static func text(_ buffer: ByteBuffer) -> String {
        String(buffer: buffer)
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: buffer).utf8)) as? [String: Any])
    }

    @Test func indexListsEveryCatalog() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = Self.text(response.body)
                for catalog in Self.catalogs {
                    #expect(page.contains("href=\"/\(catalog.id)\""), "\(catalog.id)")
                }
                #expect(page.contains("href=\"/http\""))
            }
        }
    }

    @Test func referencePageShowsEveryCodeWithAnchors() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/pluralkit", method: .get) { response in
                #expect(response.status == .ok)
                let page = Self.text(response.body)
                let catalog = try #require(Self.catalogs.first { $0.id == "pluralkit" })
                for entry in catalog.entries {
                    #expect(page.contains("id=\"\(entry.name)\""), "\(entry.name)")
                }
                #expect(page.contains("id=\"20003\""))
                #expect(!page.contains("<script src="))
                #expect(!page.contains("<link rel=\"stylesheet\" href=\"http"))
            }
        }
    }

    @Test func entryPagesResolveByNameAndCode() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/pluralkit/MemberRefNotFound", method: .get) { response in
                #expect(response.status == .ok)
                let page = Self.text(response.body)
                #expect(page.contains("<h1><code>MemberRefNotFound</code></h1>"))
                #expect(page.contains("Member &#39;<var>{memberRef}</var>&#39; not found."))
            }
            try await client.execute(uri: "/pluralkit/20003", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/pluralkit/NoSuchEntry", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func catalogJSONLoadsBackAsTheSameCatalog() async throws {
        try await Self.application().test(.router) { client in
            for catalog in Self.catalogs {
                try await client.execute(uri: "/\(catalog.id).errata.json", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/json")
                    let reloaded = CatalogLoader().load(
                        text: Self.text(response.body),
                        path: "\(catalog.id).errata.json"
                    )
                    #expect(reloaded.diagnostics.isEmpty, "\(reloaded.diagnostics)")
                    #expect(reloaded.catalog == catalog)
                }
            }
        }
    }

    @Test func httpRegistryPageIsCorrectWhereTheSeedWasNot() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/http", method: .get) { response in
                #expect(response.status == .ok)
                let page = Self.text(response.body)
                #expect(page.contains("Too Many Requests"))
                #expect(page.contains("444"))
            }
        }
    }

    @Test func hostileCatalogTextIsEscaped() async throws {
        let hostile = """
            errata: 1
            id: hostile
            title: "<script>alert('title')</script>"
            version: 1.0.0
            codes:
              - name: Evil
                code: 1
                status: 400
                message: "<img src=x onerror=alert(1)>"
                description: "<script>alert(document.cookie)</script>"
            """
        let catalog = try #require(CatalogLoader().load(text: hostile, path: "hostile.errata.yaml").catalog)
        try await Self.application([catalog]).test(.router) { client in
            for uri in ["/", "/hostile", "/hostile/Evil"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let page = Self.text(response.body)
                    #expect(!page.contains("<script>alert"), "\(uri)")
                    #expect(!page.contains("<img src=x"), "\(uri)")
                    #expect(page.contains("&lt;script&gt;") || page.contains("&lt;img"), "\(uri)")
                }
            }
        }
    }

    @Test func mockAnswersExactlyAsTheAPIWould() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/mock/pluralkit/MemberRefNotFound?memberRef=abcde", method: .get) {
                response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json")
                #expect(Self.text(response.body) == #"{"code":20003,"message":"Member 'abcde' not found."}"#)
            }
            try await client.execute(uri: "/mock/pluralkit/20003?memberRef=x", method: .post) { response in
                #expect(Self.text(response.body) == #"{"code":20003,"message":"Member 'x' not found."}"#)
            }
            try await client.execute(uri: "/mock/pluralkit/TooManyRequests?retryAfter=2", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "2")
                #expect(Self.text(response.body) == #"{"code":0,"message":"Too many requests.","retry_after":2000}"#)
            }
            try await client.execute(uri: "/mock/batchdata/InsufficientBalance", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(
                    Self.text(response.body)
                        == #"{"status":{"code":403,"text":"Forbidden","message":"Insufficient balance"}}"#
                )
            }
            try await client.execute(uri: "/mock/blazeauth/Ok?requestID=5", method: .get) { response in
                #expect(Self.text(response.body) == #"{"id":5,"status":1}"#)
            }
        }
    }

    /// Every way to name an entry in the path answers the same: its name, its code as the catalog writes it (found in
    /// a table built when the server starts) and any other spelling of the code (found by the slow path), a
    /// repeated query item's last value filling the parameter, control items filling none.
    @Test(arguments: [
        "/mock/pluralkit/MemberRefNotFound?memberRef=abcde",
        "/mock/pluralkit/20003?memberRef=abcde",
        "/mock/pluralkit/020003?memberRef=abcde",
        "/mock/pluralkit/20003?memberRef=first&memberRef=abcde",
        "/mock/pluralkit/20003?delay=0&memberRef=abcde&instance=/i",
    ])
    func mockFindsAnEntryByNameOrAnySpellingOfItsCode(_ uri: String) async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound, "\(uri)")
                #expect(Self.text(response.body) == #"{"code":20003,"message":"Member 'abcde' not found."}"#, "\(uri)")
            }
        }
    }

    /// A parameter named like one of the mock's own query items (`key`, `instance`, …) is never filled from the
    /// query: the item steers the mock, and the answer says so rather than asking for the item it ignored.
    @Test func mockNeverFillsAParameterFromItsOwnQueryItems() async throws {
        let text = """
            errata: 1
            id: keys
            title: Keys
            version: 1.0.0
            codes:
              - name: KeyRevoked
                code: 1
                status: 403
                message: "{account}: key '{key}' was revoked."
            """
        let catalog = try #require(CatalogLoader().load(text: text, path: "keys.errata.yaml").catalog)
        try await Self.application([catalog]).test(.router) { client in
            try await client.execute(uri: "/mock/keys/KeyRevoked?account=acme&key=k1", method: .get) { response in
                #expect(response.status == .badRequest)
                let body = Self.text(response.body)
                #expect(body.contains("'KeyRevoked' has a parameter 'key'"), "\(body)")
                #expect(body.contains("give it a constant"), "\(body)")
                #expect(!body.contains("?key=VALUE"), "\(body)")
            }
            // The other parameter, missing, is asked for by name, as before.
            try await client.execute(uri: "/mock/keys/KeyRevoked", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response.body).contains("'KeyRevoked' needs a value for 'account'"))
            }
        }
    }

    /// Catalogs whose entries have no code of their own are found by status, and a parameter fixed by the catalog
    /// needs no value.
    @Test func mockFindsCodelessEntriesByStatusAndFillsConstants() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/mock/batchdata/404", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try Self.json(response.body)
                #expect(body["status"] as? [String: Any] != nil)
            }
            try await client.execute(uri: "/mock/batchdata/403", method: .get) { response in
                #expect(response.status == .badRequest)
                let detail = try Self.json(response.body)["detail"] as? String
                #expect(detail?.contains("is shared by") == true)
            }
            let uri = "/mock/stripe/card_declined?detail=No&declineCode=lost_card"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code == 402)
                let error = try #require(try Self.json(response.body)["error"] as? [String: Any])
                #expect(error["type"] as? String == "card_error")
                #expect(error["decline_code"] as? String == "lost_card")
            }
        }
    }

    /// Each catalog has routes of its own under /mock/{id}, ahead of the routes that capture the catalog: both
    /// answer as before, with and without a choice, and an unknown catalog still gets its own answer.
    @Test func mockRoutesAnswerForKnownAndUnknownCatalogs() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/mock/pluralkit", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response.body).contains("name the error in the path (/mock/pluralkit/NAME)"))
            }
            try await client.execute(uri: "/mock/pluralkit/20003?memberRef=a", method: .delete) { response in
                #expect(Self.text(response.body) == #"{"code":20003,"message":"Member 'a' not found."}"#)
            }
            for uri in ["/mock/no-such-catalog", "/mock/no-such-catalog/20003"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(Self.text(response.body).contains("There is no catalog 'no-such-catalog'"), "\(uri)")
                }
            }
            try await client.execute(uri: "/mock/pluralkit/20003/extra", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func preferHeaderChoosesTheError() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(
                uri: "/mock/rest-error-codes",
                method: .get,
                headers: [HTTPField.Name("Prefer")!: "code=0"]
            ) { response in
                #expect(response.status == .internalServerError)
                #expect(
                    Self.text(response.body)
                        == #"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#
                )
            }
        }
    }

    @Test func randomPicksOnlyAmongTheCodesGiven() async throws {
        try await Self.application().test(.router) { client in
            var seen: Set<Int> = []
            for _ in 0..<40 {
                try await client.execute(uri: "/mock/pluralkit/random?codes=20001,20004:3", method: .get) { response in
                    let code = try Self.json(response.body)["code"] as? Int
                    #expect(code == 20001 || code == 20004)
                    if let code { seen.insert(code) }
                }
            }
            #expect(seen == [20001, 20004])
        }
    }

    @Test(arguments: [
        ("/mock/nope/X", 404, "There is no catalog 'nope'"),
        ("/mock/pluralkit/Nope", 404, "has no entry with the name or code 'Nope'"),
        ("/mock/pluralkit/0", 400, "is shared by"),
        ("/mock/pluralkit/MemberRefNotFound", 400, "needs a value for 'memberRef'"),
        ("/mock/pluralkit/SystemNotFound?delay=10001", 400, "over the limit of 10000 ms"),
        ("/mock/pluralkit/SystemNotFound?delay=soon", 400, "not a whole number"),
        ("/mock/pluralkit/random?codes=20001:0", 400, "weight"),
        ("/mock/blazeauth/FileChecksumMismatch", 400, "client-side status"),
        ("/status/99", 400, "not a status"),
        ("/status/600", 400, "not a status"),
        ("/status/abc", 400, "not a status"),
        ("/status/100", 400, "interim"),
        ("/nothing/here/at/all", 404, "Nothing is served"),
    ])
    func badRequestsGetAProblemThatSaysWhatIsWrong(_ uri: String, _ status: Int, _ detail: String) async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code == status, "\(uri)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                let body = try Self.json(response.body)
                #expect((body["detail"] as? String)?.contains(detail) == true, "\(uri): \(body)")
                #expect(body["status"] as? Int == status)
            }
        }
    }

    @Test(arguments: [
        (301, HTTPField.Name.location, "/"), (401, .wwwAuthenticate, #"Bearer realm="errata""#),
        (405, .allow, "GET, HEAD"), (407, .proxyAuthenticate, #"Basic realm="errata""#),
        (429, .retryAfter, "1"), (503, .retryAfter, "1"),
    ])
    func statusEndpointSendsTheHeadersTheStatusRequires(
        _ code: Int,
        _ header: HTTPField.Name,
        _ value: String
    )
        async throws
    {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/status/\(code)", method: .get) { response in
                #expect(response.status.code == code)
                #expect(response.headers[header] == value)
            }
        }
    }

    @Test func statusEndpointSendsNoBodyWhereNoneIsAllowed() async throws {
        try await Self.application().test(.router) { client in
            for code in [204, 304] {
                try await client.execute(uri: "/status/\(code)", method: .get) { response in
                    #expect(response.status.code == code)
                    #expect(response.body.readableBytes == 0)
                }
            }
            try await client.execute(uri: "/status/404", method: .head) { response in
                #expect(response.status == .notFound)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/status/418", method: .get) { response in
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = try Self.json(response.body)
                #expect(body["status"] as? Int == 418)
            }
        }
    }
}
