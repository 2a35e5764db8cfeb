import NotesServer
import Testing
import Vapor
import VaporTesting

/// What the server sends on the wire, byte for byte: the generated errors, Vapor's validation failures, `Abort` and
/// unmatched routes, rendered by `ErrataErrorMiddleware` as `notes.errata.yaml` documents them.
@Suite struct NotesAppTests {
    /// One request and the exact answer.
    struct Exchange: Sendable, CustomTestStringConvertible {
        var method: HTTPMethod = .GET
        var path: String
        var body: String? = nil
        var status: HTTPResponseStatus
        var retryAfter: String? = nil
        var response: String

        var testDescription: String { "\(method) \(path)" }
    }

    static let errors: [Exchange] = [
        Exchange(
            path: "/notes/9",
            status: .notFound,
            response: #"{"error":{"code":"NOTE_NOT_FOUND","message":"There is no note 9."}}"#
        ),
        // Vapor's Abort(.notFound): the catalog's 404 entry that takes no parameters.
        Exchange(
            path: "/notes/first",
            status: .notFound,
            response: #"{"error":{"code":"NO_ROUTE","message":"There is nothing here; try GET /notes/{id}."}}"#
        ),
        // No route matches: the same entry.
        Exchange(
            path: "/nowhere",
            status: .notFound,
            response: #"{"error":{"code":"NO_ROUTE","message":"There is nothing here; try GET /notes/{id}."}}"#
        ),
        // Vapor's validations, one field error each, in Vapor's words.
        Exchange(
            method: .POST,
            path: "/notes",
            body: #"{"text":""}"#,
            status: .badRequest,
            response: #"{"error":{"code":"NOTE_INVALID","message":"The note is not valid; see fields.","#
                + #""fields":[{"field":"text","message":"is less than minimum of 1 character(s)"}]}}"#
        ),
        Exchange(
            method: .POST,
            path: "/notes",
            body: #"{}"#,
            status: .badRequest,
            response: #"{"error":{"code":"NOTE_INVALID","message":"The note is not valid; see fields.","#
                + #""fields":[{"field":"text","message":"is required"}]}}"#
        ),
        // Not a catalog error: the internal-error entry, with none of the thrown error's text.
        Exchange(
            path: "/fail",
            status: .internalServerError,
            response: #"{"error":{"code":"INTERNAL","message":"The server could not answer."}}"#
        ),
    ]

    static func withNotesApp(_ test: (Application) async throws -> Void) async throws {
        try await withApp { app in
            try NotesApp.configure(app)
            try await test(app)
        }
    }

    @Test(arguments: errors)
    func answersAsTheCatalogDocuments(_ exchange: Exchange) async throws {
        try await Self.withNotesApp { app in
            var headers = HTTPHeaders()
            if exchange.body != nil { headers.contentType = .json }
            try await app.testing().test(
                exchange.method,
                exchange.path,
                headers: headers,
                body: exchange.body.map { ByteBuffer(string: $0) }
            ) { response in
                #expect(response.status == exchange.status)
                #expect(response.headers.contentType == .json)
                #expect(response.headers.first(name: "Retry-After") == exchange.retryAfter)
                #expect(response.body.string == exchange.response)
            }
        }
    }

    @Test func readsAndAddsNotes() async throws {
        try await Self.withNotesApp { app in
            try await app.testing().test(.GET, "/notes/1") { response in
                #expect(response.status == .ok)
                let note = try response.content.decode(Note.self)
                #expect(note == Note(id: 1, text: "Buy milk."))
            }
            var headers = HTTPHeaders()
            headers.contentType = .json
            let body = ByteBuffer(string: #"{"text":"Call Ann."}"#)
            try await app.testing().test(.POST, "/notes", headers: headers, body: body) { response in
                #expect(response.status == .ok)
                let note = try response.content.decode(Note.self)
                #expect(note == Note(id: 2, text: "Call Ann."))
            }
        }
    }

    @Test func aFullNotebookSaysWhenToRetry() async throws {
        try await withApp { app in
            try NotesApp.configure(app, store: NoteStore(["One.", "Two.", "Three."]))
            var headers = HTTPHeaders()
            headers.contentType = .json
            let body = ByteBuffer(string: #"{"text":"Four."}"#)
            try await app.testing().test(.POST, "/notes", headers: headers, body: body) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers.first(name: "Retry-After") == "60")
                #expect(
                    response.body.string
                        == #"{"error":{"code":"NOTES_FULL","message":"The notebook holds at most 3 notes; try again later."}}"#
                )
            }
        }
    }
}
