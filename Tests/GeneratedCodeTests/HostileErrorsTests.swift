import Errata
import HTTPTypes
import Testing

/// The hostile catalog's generated type: typed parameters, keyword names and option labels, on the wire and back.
@Suite struct HostileErrorsTests {
    static let renderer = try! ErrorRenderer(catalog: HostileErrors.catalog)
    static let decoder = ErrorDecoder(catalog: HostileErrors.catalog)

    static func roundTrip(_ error: APIError) -> HostileErrors.Case {
        let rendered = renderer.render(error)
        return HostileErrors.Case(
            decoder.decode(status: rendered.status, headerFields: rendered.headerFields, body: rendered.body)
        )
    }

    @Test func typedParametersAreWrittenAsTextAndReadBackAsTheirTypes() throws {
        let error = HostileErrors.case(
            in: 3,
            default: 2.5,
            self_: true,
            retryAfter: "soon"
        )
        .with(retryAfter: .seconds(2))
        #expect(error.parameters == ["in": "3", "default": "2.5", "self": "true", "retryAfter": "soon"])
        #expect(error.retryAfter == .seconds(2))
        #expect(error.message == "In 3, default 2.5, self true, retry soon.")
        guard case .case(let `in`, let `default`, let self_, let retryAfter) = Self.roundTrip(error) else {
            Issue.record("not recognised as .case")
            return
        }
        #expect(`in` == 3)
        #expect(`default` == 2.5)
        #expect(self_ == true)
        #expect(retryAfter == "soon")
    }

    @Test func aParameterThatIsNotItsDeclaredTypeIsUnrecognized() {
        var error = HostileErrors.case(in: 3, default: 2.5, self_: true, retryAfter: "soon")
        error.parameters["in"] = "three"
        guard case .unrecognized(let decoded) = Self.roundTrip(error) else {
            Issue.record("a non-integer 'in' was recognised")
            return
        }
        #expect(decoded.name == "Case")
        #expect(decoded.parameters["in"] == "three")
    }

    @Test func hostileTextSurvivesRenderingAndDecoding() {
        let who = #"Ann "the \(hacker)" {x}"#
        let rendered = Self.renderer.render(HostileErrors.default(who: who))
        #expect(rendered.headerFields[HTTPField.Name("X-Evil")!] == #"a"b\(c)"# + who)
        let decoded = Self.decoder.decode(
            status: rendered.status,
            headerFields: rendered.headerFields,
            body: rendered.body
        )
        #expect(decoded.code == .string(#"quote"back\slash\(interp)"#))
        guard case .default(let decodedWho) = HostileErrors.Case(decoded) else {
            Issue.record("not recognised as .default: \(decoded)")
            return
        }
        #expect(decodedWho == who)
    }

    @Test func parametersNamedLikeTheGeneratedCodeStillWork() {
        let error = HostileErrors.swift(Swift_: "a", Errata_: "b", Entries: "c")
        #expect(error.message == "a b c")
        guard case .swift("a", "b", "c") = Self.roundTrip(error) else {
            Issue.record("not recognised as .swift")
            return
        }
        guard case .error(error: "boom") = Self.roundTrip(HostileErrors.error(error: "boom")) else {
            Issue.record("not recognised as .error")
            return
        }
    }
}
