import Foundation
import Testing

@Suite struct RenderDecodeCommandTests {
    @Test func rendersLikeCurlDashI() throws {
        let output = try CommandRunner.run("render", "pluralkit", "MemberRefNotFound", "memberRef=abcde")
        #expect(output.status == 0, "\(output.standardError)")
        #expect(
            output.standardOutput
                == """
                HTTP/1.1 404 Not Found
                Content-Type: application/json

                {"code":20003,"message":"Member 'abcde' not found."}

                """
        )
    }

    @Test func rendersRetryAfterFieldErrorsAndRequestIDs() throws {
        let limited = try CommandRunner.run("render", "pluralkit", "TooManyRequests", "--retry-after", "1.5")
        #expect(limited.standardOutput.contains("Retry-After: 2\n"))
        #expect(limited.standardOutput.contains(#""retry_after":1500}"#))
        let model = try CommandRunner.run("render", "pluralkit", "InvalidJSONModel", "--field", "name=Too long.")
        #expect(model.standardOutput.contains(#""errors":{"name":[{"message":"Too long."}]}"#))
        let packet = try CommandRunner.run("render", "blazeauth", "Ok", "--request-id", "5")
        #expect(packet.standardOutput.hasSuffix("{\"id\":5,\"status\":1}\n"))
    }

    @Test(arguments: [
        ("pluralkit", "BadRequest"), ("rest-error-codes", "Unknown"), ("batchdata", "InvalidToken"),
        ("blazeauth", "LicenseNotFound"),
    ])
    func rendersAnEntryOfEveryBundledCatalog(_ catalog: String, _ name: String) throws {
        let output = try CommandRunner.run("render", catalog, name)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.hasPrefix("HTTP/1.1 "))
    }

    @Test func missingParameterIsAUsageErrorNamingIt() throws {
        let output = try CommandRunner.run("render", "pluralkit", "MemberRefNotFound")
        #expect(output.status == 64)
        #expect(output.standardError.contains("needs a value for parameter 'memberRef'"))
    }

    @Test func unknownEntryFailsWithAMessage() throws {
        let output = try CommandRunner.run("render", "pluralkit", "NoSuchThing")
        #expect(output.status == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("catalog 'pluralkit' has no entry named 'NoSuchThing'"))
        #expect(!output.standardError.contains("Usage:"))
    }

    @Test func clientOriginEntryFailsInsteadOfRenderingTheInternalError() throws {
        let output = try CommandRunner.run("render", "blazeauth", "FileChecksumMismatch")
        #expect(output.status == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("entry 'FileChecksumMismatch' is client-origin"))
    }

    @Test func decodesABodyFileAsJSON() throws {
        let path = try CommandRunner.temporaryFile(
            named: "body.json",
            #"{"message":"Member 'abc' not found.","code":20003}"#
        )
        let output = try CommandRunner.run("decode", "pluralkit", "--status", "404", "--format", "json", path)
        #expect(output.status == 0, "\(output.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["recognized"] as? Bool == true)
        #expect(object["name"] as? String == "MemberRefNotFound")
        #expect(object["code"] as? Int == 20003)
        #expect(object["status"] as? Int == 404)
        #expect((object["params"] as? [String: String]) == ["memberRef": "abc"])
        #expect(object["retryAfterSeconds"] is NSNull)
        #expect((object["fieldErrors"] as? [Any])?.isEmpty == true)
    }

    @Test func decodesRetryAfterFromAHeader() throws {
        let path = try CommandRunner.temporaryFile(named: "limited.json", #"{"code":0,"message":"Too many requests."}"#)
        let output = try CommandRunner.run(
            "decode",
            "pluralkit",
            "--status",
            "429",
            "--header",
            "Retry-After: 7",
            "--format",
            "json",
            path
        )
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["name"] as? String == "TooManyRequests")
        #expect(object["retryAfterSeconds"] as? Int == 7)
    }

    @Test func unreadableBodyExitsNonZeroWithTheReason() throws {
        let path = try CommandRunner.temporaryFile(named: "garbage.json", "<html>502 Bad Gateway</html>")
        let output = try CommandRunner.run("decode", "pluralkit", "--status", "502", path)
        #expect(output.status == 1)
        #expect(output.standardError.contains("the body is not JSON"))
        #expect(output.standardOutput.contains("recognized: no"))
    }

    @Test func unrecognisedButReadableBodyIsNotAFailure() throws {
        let path = try CommandRunner.temporaryFile(named: "other.json", #"{"code":99999,"message":"Something new"}"#)
        let output = try CommandRunner.run("decode", "pluralkit", "--status", "400", path)
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("recognized: no"))
        #expect(output.standardOutput.contains("code: 99999"))
        #expect(output.standardOutput.contains("message: Something new"))
    }

    @Test func missingBodyFileIsAUsageError() throws {
        let output = try CommandRunner.run("decode", "pluralkit", "no-such-body.json")
        #expect(output.status == 64)
        #expect(output.standardError.contains("cannot read body file 'no-such-body.json'"))
    }
}
