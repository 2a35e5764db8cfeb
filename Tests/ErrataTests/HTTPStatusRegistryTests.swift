import Errata
import HTTPTypes
import Testing

@Suite struct HTTPStatusRegistryTests {
    typealias Level = HTTPStatusDefinition.HeaderRequirement.Level

    /// The IANA HTTP Status Code Registry as of 2024: code, reason phrase, defining reference.
    ///
    /// 306 and 418 are "(Unused)" there; 418 keeps RFC 2324's phrase, which is what is deployed.
    static let ianaRegistry: [(code: Int, reasonPhrase: String, reference: String)] = [
        (100, "Continue", "RFC 9110, Section 15.2.1"),
        (101, "Switching Protocols", "RFC 9110, Section 15.2.2"),
        (102, "Processing", "RFC 2518, Section 10.1"),
        (103, "Early Hints", "RFC 8297, Section 2"),
        (200, "OK", "RFC 9110, Section 15.3.1"),
        (201, "Created", "RFC 9110, Section 15.3.2"),
        (202, "Accepted", "RFC 9110, Section 15.3.3"),
        (203, "Non-Authoritative Information", "RFC 9110, Section 15.3.4"),
        (204, "No Content", "RFC 9110, Section 15.3.5"),
        (205, "Reset Content", "RFC 9110, Section 15.3.6"),
        (206, "Partial Content", "RFC 9110, Section 15.3.7"),
        (207, "Multi-Status", "RFC 4918, Section 11.1"),
        (208, "Already Reported", "RFC 5842, Section 7.1"),
        (226, "IM Used", "RFC 3229, Section 10.4.1"),
        (300, "Multiple Choices", "RFC 9110, Section 15.4.1"),
        (301, "Moved Permanently", "RFC 9110, Section 15.4.2"),
        (302, "Found", "RFC 9110, Section 15.4.3"),
        (303, "See Other", "RFC 9110, Section 15.4.4"),
        (304, "Not Modified", "RFC 9110, Section 15.4.5"),
        (305, "Use Proxy", "RFC 9110, Section 15.4.6"),
        (306, "(Unused)", "RFC 9110, Section 15.4.7"),
        (307, "Temporary Redirect", "RFC 9110, Section 15.4.8"),
        (308, "Permanent Redirect", "RFC 9110, Section 15.4.9"),
        (400, "Bad Request", "RFC 9110, Section 15.5.1"),
        (401, "Unauthorized", "RFC 9110, Section 15.5.2"),
        (402, "Payment Required", "RFC 9110, Section 15.5.3"),
        (403, "Forbidden", "RFC 9110, Section 15.5.4"),
        (404, "Not Found", "RFC 9110, Section 15.5.5"),
        (405, "Method Not Allowed", "RFC 9110, Section 15.5.6"),
        (406, "Not Acceptable", "RFC 9110, Section 15.5.7"),
        (407, "Proxy Authentication Required", "RFC 9110, Section 15.5.8"),
        (408, "Request Timeout", "RFC 9110, Section 15.5.9"),
        (409, "Conflict", "RFC 9110, Section 15.5.10"),
        (410, "Gone", "RFC 9110, Section 15.5.11"),
        (411, "Length Required", "RFC 9110, Section 15.5.12"),
        (412, "Precondition Failed", "RFC 9110, Section 15.5.13"),
        (413, "Content Too Large", "RFC 9110, Section 15.5.14"),
        (414, "URI Too Long", "RFC 9110, Section 15.5.15"),
        (415, "Unsupported Media Type", "RFC 9110, Section 15.5.16"),
        (416, "Range Not Satisfiable", "RFC 9110, Section 15.5.17"),
        (417, "Expectation Failed", "RFC 9110, Section 15.5.18"),
        (418, "I'm a teapot", "RFC 9110, Section 15.5.19"),
        (421, "Misdirected Request", "RFC 9110, Section 15.5.20"),
        (422, "Unprocessable Content", "RFC 9110, Section 15.5.21"),
        (423, "Locked", "RFC 4918, Section 11.3"),
        (424, "Failed Dependency", "RFC 4918, Section 11.4"),
        (425, "Too Early", "RFC 8470, Section 5.2"),
        (426, "Upgrade Required", "RFC 9110, Section 15.5.22"),
        (428, "Precondition Required", "RFC 6585, Section 3"),
        (429, "Too Many Requests", "RFC 6585, Section 4"),
        (431, "Request Header Fields Too Large", "RFC 6585, Section 5"),
        (451, "Unavailable For Legal Reasons", "RFC 7725, Section 3"),
        (500, "Internal Server Error", "RFC 9110, Section 15.6.1"),
        (501, "Not Implemented", "RFC 9110, Section 15.6.2"),
        (502, "Bad Gateway", "RFC 9110, Section 15.6.3"),
        (503, "Service Unavailable", "RFC 9110, Section 15.6.4"),
        (504, "Gateway Timeout", "RFC 9110, Section 15.6.5"),
        (505, "HTTP Version Not Supported", "RFC 9110, Section 15.6.6"),
        (506, "Variant Also Negotiates", "RFC 2295, Section 8.1"),
        (507, "Insufficient Storage", "RFC 4918, Section 11.5"),
        (508, "Loop Detected", "RFC 5842, Section 7.2"),
        (510, "Not Extended", "RFC 2774, Section 7"),
        (511, "Network Authentication Required", "RFC 6585, Section 6"),
    ]

    /// Unofficial codes in common use: code, reason phrase, authority.
    static let unofficialCodes: [(code: Int, reasonPhrase: String, authority: String)] = [
        (419, "Page Expired", "Laravel"),
        (420, "Enhance Your Calm", "Twitter"),
        (444, "No Response", "nginx"),
        (494, "Request Header Too Large", "nginx"),
        (495, "SSL Certificate Error", "nginx"),
        (496, "SSL Certificate Required", "nginx"),
        (497, "HTTP Request Sent to HTTPS Port", "nginx"),
        (499, "Client Closed Request", "nginx"),
        (509, "Bandwidth Limit Exceeded", "Apache/cPanel"),
        (520, "Web Server Returned an Unknown Error", "Cloudflare"),
        (521, "Web Server Is Down", "Cloudflare"),
        (522, "Connection Timed Out", "Cloudflare"),
        (523, "Origin Is Unreachable", "Cloudflare"),
        (524, "A Timeout Occurred", "Cloudflare"),
        (525, "SSL Handshake Failed", "Cloudflare"),
        (526, "Invalid SSL Certificate", "Cloudflare"),
        (530, "Origin DNS Error", "Cloudflare"),
        (598, "Network Read Timeout Error", "HTTP proxies"),
        (599, "Network Connect Timeout Error", "HTTP proxies"),
    ]

    /// Every header requirement in the registry: code, field, level.
    static let headerRequirements: [(code: Int, name: HTTPField.Name, level: Level)] = [
        (101, .upgrade, .must),
        (103, HTTPField.Name("Link")!, .may),
        (201, .location, .may),
        (206, .contentRange, .must),
        (206, .contentType, .must),
        (206, .date, .must),
        (206, .cacheControl, .must),
        (206, .eTag, .must),
        (206, .expires, .must),
        (206, .contentLocation, .must),
        (206, .vary, .must),
        (300, .location, .should),
        (301, .location, .should),
        (302, .location, .should),
        (303, .location, .should),
        (304, .date, .must),
        (304, .cacheControl, .must),
        (304, .eTag, .must),
        (304, .expires, .must),
        (304, .contentLocation, .must),
        (304, .vary, .must),
        (307, .location, .should),
        (308, .location, .should),
        (401, .wwwAuthenticate, .must),
        (405, .allow, .must),
        (407, .proxyAuthenticate, .must),
        (413, .retryAfter, .should),
        (415, .accept, .may),
        (415, .acceptEncoding, .may),
        (416, .contentRange, .should),
        (426, .upgrade, .must),
        (429, .retryAfter, .may),
        (451, HTTPField.Name("Link")!, .should),
        (503, .retryAfter, .may),
    ]

    /// The constants swift-http-types defines, whose reason phrases ours must match.
    static let httpTypesStatuses: [HTTPResponse.Status] = [
        .continue, .switchingProtocols, .earlyHints,
        .ok, .created, .accepted, .nonAuthoritativeInformation, .noContent, .resetContent, .partialContent,
        .multipleChoices, .movedPermanently, .found, .seeOther, .notModified, .temporaryRedirect, .permanentRedirect,
        .badRequest, .unauthorized, .forbidden, .notFound, .methodNotAllowed, .notAcceptable,
        .proxyAuthenticationRequired, .requestTimeout, .conflict, .gone, .lengthRequired, .preconditionFailed,
        .contentTooLarge, .uriTooLong, .unsupportedMediaType, .rangeNotSatisfiable, .expectationFailed,
        .misdirectedRequest, .unprocessableContent, .tooEarly, .upgradeRequired, .preconditionRequired,
        .tooManyRequests, .requestHeaderFieldsTooLarge, .unavailableForLegalReasons,
        .internalServerError, .notImplemented, .badGateway, .serviceUnavailable, .gatewayTimeout,
        .httpVersionNotSupported, .networkAuthenticationRequired,
    ]

    let registry = HTTPStatusRegistry.standard

    // MARK: The published table

    @Test(arguments: Self.ianaRegistry)
    func matchesTheIANARegistry(code: Int, reasonPhrase: String, reference: String) throws {
        let definition = try #require(self.registry.definition(for: code))
        #expect(definition.code == code)
        #expect(definition.reasonPhrase == reasonPhrase)
        #expect(definition.reference == reference)
        #expect(definition.registration.isRegistered)
        #expect(definition.registration.authority == "IANA")
    }

    @Test func registeredCodesAreExactlyTheIANASet() {
        let registered = self.registry.definitions.filter(\.registration.isRegistered).map(\.code)
        #expect(registered == Self.ianaRegistry.map(\.code))
        #expect(registered.count == 63)
    }

    @Test(arguments: Self.unofficialCodes)
    func marksUnofficialCodesWithTheirAuthority(code: Int, reasonPhrase: String, authority: String) throws {
        let definition = try #require(self.registry[code])
        #expect(definition.reasonPhrase == reasonPhrase)
        #expect(!definition.registration.isRegistered)
        #expect(!definition.registration.isReserved)
        #expect(definition.registration == .unofficial(authority))
        #expect(definition.registration.authority == authority)
        #expect(definition.reference == authority)
    }

    @Test func containsOnlyRegisteredAndListedUnofficialCodes() {
        let expected = (Self.ianaRegistry.map(\.code) + Self.unofficialCodes.map(\.code)).sorted()
        #expect(self.registry.definitions.map(\.code) == expected)
    }

    @Test func marks306And418ReservedAnd510Obsoleted() throws {
        let reserved = self.registry.definitions.filter(\.registration.isReserved).map(\.code)
        #expect(reserved == [306, 418])
        let obsoleted = self.registry.definitions.filter(\.registration.isObsoleted).map(\.code)
        #expect(obsoleted == [510])

        let teapot = try #require(self.registry[418])
        #expect(teapot.reasonPhrase == "I'm a teapot")
        #expect(teapot.registration == .reserved)
        #expect(teapot.meaning.contains("(Unused)"))
        #expect(teapot.meaning.contains("RFC 2324"))

        let notExtended = try #require(self.registry[510])
        #expect(notExtended.registration.isRegistered)
        #expect(notExtended.meaning.contains("OBSOLETED"))
    }

    @Test func citesTheRFC9110SectionOfTheCodesClass() {
        for definition in self.registry.definitions where definition.reference.hasPrefix("RFC 9110") {
            let section = "RFC 9110, Section 15.\(definition.code / 100 + 1)."
            #expect(definition.reference.hasPrefix(section), "\(definition)")
        }
    }

    @Test(arguments: Self.httpTypesStatuses)
    func agreesWithSwiftHTTPTypesReasonPhrases(status: HTTPResponse.Status) throws {
        let definition = try #require(status.definition)
        #expect(definition.reasonPhrase == status.reasonPhrase)
        #expect(definition.status == status)
    }

    // MARK: Semantics

    @Test func hasNoContentExactlyFor1xx204205And304() {
        let contentless = self.registry.definitions.filter { !$0.mayHaveContent }.map(\.code)
        #expect(contentless == [100, 101, 102, 103, 204, 205, 304])
    }

    @Test func isHeuristicallyCacheableExactlyAsRFC9110AndRFC7725Say() {
        let cacheable = self.registry.definitions.filter(\.isHeuristicallyCacheable).map(\.code)
        // RFC 9110, Section 15.1, and 451 from RFC 7725, Section 3.
        #expect(cacheable == [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501])

        let fromRFC9110 = self.registry.definitions
            .filter { $0.isHeuristicallyCacheable && $0.reference.hasPrefix("RFC 9110") }
            .map(\.code)
        #expect(fromRFC9110 == [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501])
    }

    @Test(arguments: Self.headerRequirements)
    func requiresHeaderFieldsAtTheRFCsLevel(code: Int, name: HTTPField.Name, level: Level) throws {
        let definition = try #require(self.registry[code])
        let requirement = try #require(definition.headers.first { $0.name == name })
        #expect(requirement.level == level)
        #expect(requirement.note.contains("Section"), "\(requirement.note)")
    }

    @Test func listsNoOtherHeaderRequirements() {
        let listed = Self.headerRequirements.map { "\($0.code) \($0.name)" }
        let actual = self.registry.definitions.flatMap { definition in
            definition.headers.map { "\(definition.code) \($0.name)" }
        }
        #expect(actual == listed)
    }

    @Test func levelsAreSpelledAsInRFC2119() {
        #expect(Level.must.rawValue == "MUST")
        #expect(Level.should.rawValue == "SHOULD")
        #expect(Level.may.rawValue == "MAY")
    }

    @Test func marksTransientFailuresRetryable() {
        let registered = self.registry.definitions.filter { $0.isRetryable && $0.registration.isRegistered }
        #expect(registered.map(\.code) == [408, 421, 425, 429, 500, 502, 503, 504])

        let unofficial = self.registry.definitions.filter { $0.isRetryable && !$0.registration.isRegistered }
        #expect(unofficial.map(\.code) == [420, 520, 521, 522, 524, 598, 599])
    }

    @Test(arguments: HTTPStatusRegistry.standard.definitions)
    func derivesTheStatusClassFromTheFirstDigit(definition: HTTPStatusDefinition) {
        #expect(definition.statusClass.rawValue == definition.code / 100)
        #expect(definition.statusClass.codes.contains(definition.code))
        let kind: HTTPResponse.Status.Kind =
            switch definition.statusClass {
            case .informational: .informational
            case .successful: .successful
            case .redirection: .redirection
            case .clientError: .clientError
            default: .serverError
            }
        #expect(definition.status.kind == kind)
    }

    @Test(arguments: [400, 404, 410])
    func classes400404And410AsClientErrors(code: Int) throws {
        let definition = try #require(self.registry[code])
        #expect(definition.statusClass == .clientError)
        #expect(definition.status.kind == .clientError)
        #expect(definition.meaning.hasPrefix("Client error"))
        #expect(!definition.meaning.lowercased().contains("success"))
    }

    @Test func says201CreatedANewResourceThatLocationIdentifies() throws {
        let created = try #require(self.registry[201])
        #expect(created.meaning.contains("created"))
        #expect(created.meaning.contains("Location"))
        #expect(created.headers.map(\.name) == [.location])
    }

    @Test func writesEveryMeaningAsSentences() {
        for definition in self.registry.definitions {
            #expect(definition.meaning.first?.isUppercase == true, "\(definition)")
            #expect(definition.meaning.hasSuffix("."), "\(definition)")
        }
    }

    @Test func keepsReasonPhrasesValidOnTheWire() {
        for definition in self.registry.definitions {
            // `HTTPResponse.Status` replaces characters that are not legal in a reason phrase.
            #expect(definition.status.reasonPhrase == definition.reasonPhrase)
            #expect(definition.status.code == definition.code)
        }
    }

    // MARK: Lookup

    @Test func looksUpTooManyRequestsFromSwiftHTTPTypes() {
        #expect(HTTPResponse.Status.tooManyRequests.definition?.reasonPhrase == "Too Many Requests")
        #expect(HTTPResponse.Status.tooManyRequests.definition?.description == "429 Too Many Requests")
    }

    @Test func looksUpByCodeIgnoringTheReasonPhrase() {
        let status = HTTPResponse.Status(code: 404, reasonPhrase: "Nope")
        #expect(status.definition?.reasonPhrase == "Not Found")
    }

    @Test(arguments: [Int.min, -1, 0, 42, 99, 104, 199, 209, 299, 309, 427, 430, 512, 600, 999, Int.max])
    func returnsNilForUnknownCodes(code: Int) {
        #expect(self.registry.definition(for: code) == nil)
        #expect(self.registry[code] == nil)
        if (0...999).contains(code) {
            #expect(HTTPResponse.Status(code: code).definition == nil)
        }
    }

    @Test func looksUpEveryCodeLikeALinearSearch() {
        for code in -10...1010 {
            let expected = self.registry.definitions.first { $0.code == code }
            #expect(self.registry.definition(for: code) == expected, "\(code)")
            #expect(self.registry[code] == expected, "\(code)")
        }
    }

    @Test func sortsDefinitionsByCode() {
        let codes = self.registry.definitions.map(\.code)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
    }

    // MARK: Descriptions

    @Test func describesDefinitionsAndRegistrations() throws {
        #expect(try #require(self.registry[422]).description == "422 Unprocessable Content")
        #expect(HTTPStatusDefinition.Registration.iana.description == "IANA")
        #expect(HTTPStatusDefinition.Registration.reserved.description == "IANA (reserved)")
        #expect(HTTPStatusDefinition.Registration.obsoleted.description == "IANA (obsoleted)")
        #expect(HTTPStatusDefinition.Registration.unofficial("nginx").description == "unofficial (nginx)")
    }

    @Test(arguments: [
        (HTTPStatusClass.informational, 1, "1xx informational"),
        (.successful, 2, "2xx successful"),
        (.redirection, 3, "3xx redirection"),
        (.clientError, 4, "4xx client error"),
        (.serverError, 5, "5xx server error"),
    ])
    func describesStatusClasses(statusClass: HTTPStatusClass, rawValue: Int, description: String) {
        #expect(statusClass.rawValue == rawValue)
        #expect(statusClass.description == description)
        #expect(HTTPStatusClass(rawValue: rawValue) == statusClass)
        #expect(HTTPStatusClass(code: rawValue * 100) == statusClass)
        #expect(HTTPStatusClass(code: rawValue * 100 + 99) == statusClass)
        #expect(statusClass.codes == (rawValue * 100)...(rawValue * 100 + 99))
    }

    @Test(arguments: [Int.min, -100, 0, 42, 99, 600, 999, Int.max])
    func hasNoStatusClassOutside100To599(code: Int) {
        #expect(HTTPStatusClass(code: code) == nil)
    }

    @Test(arguments: [-1, 0, 6, 10])
    func hasNoStatusClassForOtherDigits(rawValue: Int) {
        #expect(HTTPStatusClass(rawValue: rawValue) == nil)
    }
}
