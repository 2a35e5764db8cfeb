import Errata
import HTTPTypes
import Testing

/// Building occurrences: parameters checked against the entry, the rendered message, and a description that is
/// safe to log.
@Suite struct APIErrorTests {
    static func template(_ text: String) -> MessageTemplate {
        try! MessageTemplate(text)
    }

    static let memberRefNotFound = ErrorEntry(
        name: "MemberRefNotFound",
        code: 20003,
        status: .notFound,
        title: "Member not found",
        message: template("Member '{memberRef}' not found.")
    )

    static let methodNotAllowed = ErrorEntry(
        name: "MethodNotAllowed",
        status: .methodNotAllowed,
        message: template("Method not allowed."),
        parameters: [ParameterDeclaration(name: "allowedMethods")],
        headers: [ErrorEntry.Header(name: "Allow", value: template("{allowedMethods}"))]
    )

    static let rangeError = ErrorEntry(
        name: "OutOfRange",
        code: "OUT_OF_RANGE",
        status: .badRequest,
        message: template("{field} must be between {min} and {max}, not {field}.")
    )

    static let ok = ErrorEntry(name: "Ok", code: 1, kind: .success)

    static let catalog = ErrorCatalog(
        id: "shop",
        title: "Shop",
        entries: [memberRefNotFound, methodNotAllowed, rangeError, ok]
    )

    struct Secret: Error, CustomStringConvertible {
        var description: String { "SECRET-token-f00dfeed in /etc/shadow" }
    }

    // MARK: Building

    @Test func buildsByEntryNameWithItsParameters() throws {
        let error = try APIError("MemberRefNotFound", in: Self.catalog, parameters: ["memberRef": "abc"])
        #expect(error.entry == Self.memberRefNotFound)
        #expect(error.parameters == ["memberRef": "abc"])
        #expect(error.fieldErrors.isEmpty)
        #expect(error.retryAfter == nil)
        #expect(error.instance == nil)
        #expect(error.underlyingError == nil)
    }

    @Test func aMissingParameterIsNamed() {
        let error = #expect(throws: APIError.ConstructionError.self) {
            try APIError("MemberRefNotFound", in: Self.catalog)
        }
        #expect(
            error?.description
                == "'MemberRefNotFound' needs a value for parameter 'memberRef' (its parameters: memberRef)"
        )
    }

    @Test func aMissingDeclaredParameterIsNamedEvenWhenOnlyAHeaderUsesIt() {
        let error = #expect(throws: APIError.ConstructionError.self) {
            try APIError("MethodNotAllowed", in: Self.catalog)
        }
        #expect(error?.description.contains("'allowedMethods'") == true)
    }

    @Test func anUnknownParameterIsNamed() {
        let error = #expect(throws: APIError.ConstructionError.self) {
            try APIError("MemberRefNotFound", in: Self.catalog, parameters: ["memberRef": "a", "memberId": "b"])
        }
        #expect(error?.description == "'MemberRefNotFound' has no parameter 'memberId' (its parameters: memberRef)")
    }

    @Test func anyParameterOfAnEntryWithoutParametersIsUnknown() {
        let error = #expect(throws: APIError.ConstructionError.self) {
            try APIError("Ok", in: Self.catalog, parameters: ["id": "5"])
        }
        #expect(error?.description == "'Ok' has no parameter 'id' (it has no parameters)")
    }

    @Test func anUnknownEntryIsNamed() {
        let error = #expect(throws: APIError.ConstructionError.self) {
            try APIError("MemberNotFound", in: Self.catalog)
        }
        #expect(error?.description == "catalog 'shop' has no entry named 'MemberNotFound'")
    }

    @Test func parametersUsedTwiceAreNeededOnce() throws {
        let error = try APIError(
            Self.rangeError,
            parameters: ["field": "age", "min": "0", "max": "150"]
        )
        #expect(error.message == "age must be between 0 and 150, not age.")
    }

    @Test func anUncheckedOccurrenceIsNotChecked() {
        let error = APIError(unchecked: Self.memberRefNotFound, parameters: ["other": "x"])
        #expect(error.message == "Member '' not found.")
    }

    // MARK: Message

    @Test(arguments: [
        ("abc", "Member 'abc' not found."),
        ("", "Member '' not found."),
        ("{memberRef}", "Member '{memberRef}' not found."),
        ("a\"b\\c\n", "Member 'a\"b\\c\n' not found."),
        ("🧑‍🧑‍🧒", "Member '🧑‍🧑‍🧒' not found."),
    ])
    func messageFillsTheTemplateWithoutExpandingValues(_ value: String, _ expected: String) throws {
        let error = try APIError(Self.memberRefNotFound, parameters: ["memberRef": value])
        #expect(error.message == expected)
    }

    @Test func messageIsNilWithoutATemplate() throws {
        #expect(try APIError("Ok", in: Self.catalog).message == nil)
    }

    // MARK: Description

    @Test func descriptionNamesTheEntryStatusAndMessage() throws {
        let error = try APIError("MemberRefNotFound", in: Self.catalog, parameters: ["memberRef": "abc"])
        #expect(error.description == "MemberRefNotFound (404): Member 'abc' not found.")
        #expect(try APIError("Ok", in: Self.catalog).description == "Ok")
    }

    @Test func descriptionNeverContainsTheUnderlyingError() throws {
        let error = try APIError(
            "MemberRefNotFound",
            in: Self.catalog,
            parameters: ["memberRef": "abc"],
            underlyingError: Secret()
        )
        #expect(error.underlyingError != nil)
        for text in [error.description, "\(error)", String(describing: error), String(reflecting: error)] {
            #expect(!text.contains("SECRET"), "\(text)")
            #expect(!text.contains("shadow"), "\(text)")
        }
        let thrown: any Error = error
        #expect(!"\(thrown)".contains("SECRET"))
        #expect(!String(describing: thrown).contains("SECRET"))
    }
}
