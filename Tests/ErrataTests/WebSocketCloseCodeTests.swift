import Errata
import Testing

@Suite struct WebSocketCloseCodeTests {
    /// The IANA WebSocket Close Code Number Registry, 1000–1015, with the names `name` gives (the registry's
    /// meanings in title case, abbreviations spelled out) and whether RFC 6455 lets an endpoint send each.
    static let ianaRegistry: [(code: WebSocketCloseCode, number: UInt16, name: String, isSendable: Bool)] = [
        (.normalClosure, 1000, "Normal Closure", true),
        (.goingAway, 1001, "Going Away", true),
        (.protocolError, 1002, "Protocol Error", true),
        (.unsupportedData, 1003, "Unsupported Data", true),
        (.reserved1004, 1004, "Reserved", false),
        (.noStatusReceived, 1005, "No Status Received", false),
        (.abnormalClosure, 1006, "Abnormal Closure", false),
        (.invalidFramePayloadData, 1007, "Invalid Frame Payload Data", true),
        (.policyViolation, 1008, "Policy Violation", true),
        (.messageTooBig, 1009, "Message Too Big", true),
        (.mandatoryExtension, 1010, "Mandatory Extension", true),
        (.internalError, 1011, "Internal Error", true),
        (.serviceRestart, 1012, "Service Restart", true),
        (.tryAgainLater, 1013, "Try Again Later", true),
        (.badGateway, 1014, "Bad Gateway", true),
        (.tlsHandshake, 1015, "TLS Handshake", false),
    ]

    @Test(arguments: Self.ianaRegistry)
    func registeredConstantsMatchTheIANARegistry(
        code: WebSocketCloseCode,
        number: UInt16,
        name: String,
        isSendable: Bool
    ) {
        #expect(code.rawValue == number)
        #expect(code == WebSocketCloseCode(rawValue: number))
        #expect(code.name == name)
        #expect(code.description == "\(number) \(name)")
        #expect(code.mayBeSentInCloseFrame == isSendable)
        #expect(code.range == .protocol)
    }

    @Test func registeredListsTheSixteenIANAEntriesInOrder() {
        #expect(WebSocketCloseCode.registered.map(\.rawValue) == Array(1000...1015))
        #expect(WebSocketCloseCode.registered == Self.ianaRegistry.map(\.code))
    }

    @Test(arguments: [
        (UInt16(0), WebSocketCloseCode.Range.unused),
        (999, .unused),
        (1000, .protocol),
        (2999, .protocol),
        (3000, .registered),
        (3999, .registered),
        (4000, .privateUse),
        (4999, .privateUse),
        (5000, .invalid),
        (UInt16.max, .invalid),
    ])
    func rangeChangesExactlyAtTheRFC6455Boundaries(number: UInt16, range: WebSocketCloseCode.Range) {
        #expect(WebSocketCloseCode.Range.containing(number) == range)
        #expect(WebSocketCloseCode(rawValue: number).range == range)
        if let codes = range.codes {
            #expect(codes.contains(number))
        }
    }

    @Test(arguments: [
        (WebSocketCloseCode.Range.unused, UInt16(0)...999, "unused (0-999)"),
        (.protocol, 1000...2999, "protocol (1000-2999)"),
        (.registered, 3000...3999, "registered (3000-3999)"),
        (.privateUse, 4000...4999, "private use (4000-4999)"),
    ])
    func rangesReportTheirCodes(range: WebSocketCloseCode.Range, codes: ClosedRange<UInt16>, description: String) {
        #expect(range.codes == codes)
        #expect(range.description == description)
        #expect(WebSocketCloseCode.Range.containing(codes.lowerBound) == range)
        #expect(WebSocketCloseCode.Range.containing(codes.upperBound) == range)
    }

    @Test func invalidRangeHasNoCodes() {
        #expect(WebSocketCloseCode.Range.invalid.codes == nil)
        #expect(WebSocketCloseCode.Range.invalid.description == "invalid (5000+)")
    }

    @Test func rangesAreDistinct() {
        let ranges: [WebSocketCloseCode.Range] = [.unused, .protocol, .registered, .privateUse, .invalid]
        #expect(Set(ranges).count == ranges.count)
    }

    @Test(arguments: [WebSocketCloseCode.noStatusReceived, .abnormalClosure, .tlsHandshake])
    func codesReservedForApplicationsAreNeverSendable(code: WebSocketCloseCode) {
        #expect(!code.mayBeSentInCloseFrame)
        #expect(code.name != nil)
    }

    @Test(arguments: [UInt16(0), 1, 999, 1004, 1016, 1999, 2000, 2999, 5000, 6000, UInt16.max])
    func unusedUndefinedAndOutOfRangeCodesAreNotSendable(number: UInt16) {
        #expect(!WebSocketCloseCode(rawValue: number).mayBeSentInCloseFrame)
    }

    @Test(arguments: [UInt16(3000), 3001, 3999, 4000, 4201, 4999])
    func registeredAndPrivateUseCodesAreSendable(number: UInt16) {
        #expect(WebSocketCloseCode(rawValue: number).mayBeSentInCloseFrame)
    }

    @Test func privateUseCodeIsValidSendableAndPrintsAsItsNumber() {
        let code: WebSocketCloseCode = 4201
        #expect(code.rawValue == 4201)
        #expect(code.range == .privateUse)
        #expect(code.mayBeSentInCloseFrame)
        #expect(code.name == nil)
        #expect(code.description == "4201")
        #expect(String(describing: code) == "4201")
    }

    @Test(arguments: [UInt16(0), 999, 1016, 2999, 3000, 4999, 5000, UInt16.max])
    func unregisteredCodesPrintAsTheBareNumber(number: UInt16) {
        let code = WebSocketCloseCode(rawValue: number)
        #expect(code.name == nil)
        #expect(code.description == String(number))
    }

    @Test func registeredCodePrintsNumberAndName() {
        #expect(WebSocketCloseCode.policyViolation.description == "1008 Policy Violation")
        #expect("\(WebSocketCloseCode.normalClosure)" == "1000 Normal Closure")
    }

    @Test func integerLiteralAndRawValueAgree() {
        let literal: WebSocketCloseCode = 1011
        #expect(literal == .internalError)
        #expect(WebSocketCloseCode(rawValue: 1011) == literal)
        #expect(literal != .serviceRestart)
    }
}
