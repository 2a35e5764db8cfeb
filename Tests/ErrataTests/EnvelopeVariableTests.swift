import Errata
import Testing

@Suite struct EnvelopeVariableTests {
    /// Every spelling the catalog reference documents, and the variable it parses to.
    static let spellings: [(String, EnvelopeVariable)] = [
        ("code", .code), ("name", .name), ("status", .status), ("reason", .reason), ("title", .title),
        ("message", .message), ("type", .type), ("instance", .instance), ("errors", .errors), ("details", .details),
        ("retryAfterSeconds", .retryAfterSeconds), ("retryAfterMilliseconds", .retryAfterMilliseconds),
        ("retryAfterDecimalSeconds", .retryAfterDecimalSeconds),
        ("requestID", .requestID), ("params.memberID", .parameter("memberID")), ("params.x", .parameter("x")),
    ]

    @Test func eachSpellingParsesAndPrintsBack() {
        for (spelling, variable) in Self.spellings {
            #expect(EnvelopeVariable(spelling) == variable, "\(spelling)")
            #expect(variable.description == spelling)
        }
        // `named` is every variable but parameters, each once.
        #expect(
            EnvelopeVariable.named == Self.spellings.map(\.1).filter { if case .parameter = $0 { false } else { true } }
        )
    }

    @Test(arguments: ["", "Code", "params", "params.", "params.a.b", "attributes.limit", "retryAfter", " code"])
    func otherNamesAreNotEnvelopeVariables(name: String) {
        #expect(EnvelopeVariable(name) == nil)
    }

    @Test func fieldErrorVariablesParseAndPrintBack() {
        let spellings: [(String, FieldErrorVariable)] = [
            ("field", .field), ("pointer", .pointer), ("message", .message), ("attributes.limit", .attribute("limit")),
        ]
        for (spelling, variable) in spellings {
            #expect(FieldErrorVariable(spelling) == variable, "\(spelling)")
            #expect(variable.description == spelling)
        }
        #expect(FieldErrorVariable.named == [.field, .pointer, .message])
        for name in ["code", "attributes.", "attributes.a.b", "params.limit", "Field"] {
            #expect(FieldErrorVariable(name) == nil, "\(name)")
        }
    }
}
