import Errata
import Testing

/// The same throwing code compiled against the Swift generated before and after a change `errata diff` grades
/// minor (an entry gaining `retry: after`, another gaining field errors): `EvolvingBeforeErrors` and
/// `EvolvingAfterErrors` are golden files that `SwiftGeneratorTests.aMinorChangeKeepsEveryConstructorsShape` writes
/// from one catalog in its two versions.
@Suite struct CatalogEvolutionTests {
    /// What a server wrote against the first version, spelled once for each generated type.
    static func errorsWrittenAgainstTheFirstVersion() -> [(before: APIError, after: APIError)] {
        [
            (EvolvingBeforeErrors.rateLimited, EvolvingAfterErrors.rateLimited),
            (EvolvingBeforeErrors.invalidModel(model: "m1"), EvolvingAfterErrors.invalidModel(model: "m1")),
        ]
    }

    @Test func codeWrittenBeforeTheChangeBuildsTheSameErrorsAfterIt() {
        for (before, after) in Self.errorsWrittenAgainstTheFirstVersion() {
            #expect(before.entry.name == after.entry.name)
            #expect(before.message == after.message)
            #expect(after.retryAfter == nil)
            #expect(after.fieldErrors.isEmpty)
        }
    }

    @Test func whatTheNewVersionAddsIsSetWithModifiers() throws {
        let renderer = try ErrorRenderer(catalog: EvolvingAfterErrors.catalog)
        let limited = EvolvingAfterErrors.rateLimited.with(retryAfter: .milliseconds(1500))
        let rendered = renderer.render(limited)
        #expect(
            String(decoding: rendered.body, as: UTF8.self) == #"{"code":1,"message":"Slow down.","retry_after":1500}"#
        )

        let invalid = EvolvingAfterErrors.invalidModel(model: "m1")
            .with(fieldErrors: [FieldError(field: "name", message: "Too long.")])
        let body = String(decoding: renderer.render(invalid).body, as: UTF8.self)
        #expect(
            body == #"{"code":2,"message":"Model m1 is invalid.","errors":[{"field":"name","message":"Too long."}]}"#
        )
    }
}
