import Testing

@Suite struct ExplainCommandTests {
    @Test func explainsAnHTTPStatus() throws {
        let output = try CommandRunner.run("explain", "429")
        #expect(output.status == 0)
        #expect(output.standardOutput.hasPrefix("429 Too Many Requests\n"))
        #expect(output.standardOutput.contains("RFC 6585, Section 4"))
        #expect(output.standardOutput.contains("Retry-After"))
    }

    @Test func explainsAWebSocketCloseCode() throws {
        let output = try CommandRunner.run("explain", "ws:1008")
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("1008 Policy Violation"))
    }

    @Test(arguments: ["grpc:NOT_FOUND", "grpc:5", "grpc:not_found"])
    func explainsAGRPCStatus(_ code: String) throws {
        let output = try CommandRunner.run("explain", code)
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("gRPC NOT_FOUND (5)"))
        #expect(output.standardOutput.contains("404 Not Found"))
    }

    @Test func listsCatalogEntriesThatShareACode() throws {
        let output = try CommandRunner.run("explain", "0", "--catalog", "Catalogs")
        #expect(output.status == 0)
        for name in [
            "pluralkit InternalServerError", "pluralkit BadRequest", "pluralkit Unauthorized",
            "pluralkit Forbidden", "blazeauth None", "rest-error-codes Unknown",
        ] {
            #expect(output.standardOutput.contains(name), "missing \(name)")
        }
    }

    @Test func findsBundledCatalogsByID() throws {
        let output = try CommandRunner.run("explain", "20003", "--catalog", "pluralkit")
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("Member '{memberRef}' not found."))
    }

    @Test func listsCatalogCloseCodes() throws {
        let output = try CommandRunner.run("explain", "ws:4201", "--catalog", "blazeauth")
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("private use"))
        #expect(output.standardOutput.contains("blazeauth RateLimitHit"))
    }

    @Test(arguments: ["999", "ws:70000", "grpc:NOPE", "NoSuchEntry"])
    func unknownCodesFail(_ code: String) throws {
        let output = try CommandRunner.run("explain", code)
        #expect(output.status != 0)
        #expect(!output.standardError.isEmpty)
        #expect(output.standardOutput.isEmpty)
    }
}
