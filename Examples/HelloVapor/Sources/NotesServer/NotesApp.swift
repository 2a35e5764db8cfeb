import Errata
import ErrataVapor
import NotesAPI
public import Vapor

/// The Notes API on a Vapor application: `GET /notes/{id}` and `POST /notes`, answering errors from
/// `notes.errata.yaml`.
///
/// Routes throw the errors generated from the catalog (`NotesErrors.noteNotFound(id:)`). `ErrataErrorMiddleware`,
/// in place of Vapor's `ErrorMiddleware`, renders them as the catalog documents; it also answers a body that fails
/// validation with `InvalidNote` and its field errors, an `Abort(.notFound)` and an unmatched path with the catalog's
/// 404 entry that takes no parameters (`RouteNotFound`), and every other error with `InternalServerError`, without
/// letting its text reach the client.
public enum NotesApp {
    /// Sets up `app`: the middleware and the routes, over `store`.
    ///
    /// - Throws: `ErrorRenderer.ConfigurationError` when the catalog has no entry for internal errors (it has).
    public static func configure(_ app: Application, store: NoteStore = NoteStore()) throws {
        app.middleware = Middlewares()
        app.middleware.use(try ErrataErrorMiddleware(catalog: NotesErrors.catalog))

        app.get("notes", ":id") { request async throws -> Note in
            // Not a number: Vapor's Abort, which the middleware answers with the catalog's 404 entry for the status.
            guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
            guard let note = await store.note(id) else { throw NotesErrors.noteNotFound(id: id) }
            return note
        }
        app.post("notes") { request async throws -> Note in
            try NewNote.validate(content: request)
            let new = try request.content.decode(NewNote.self)
            guard let note = await store.add(new.text) else {
                throw NotesErrors.notesFull(limit: Notes.limit).with(retryAfter: .seconds(60))
            }
            return note
        }
        // A failure that is not a catalog error, as a database driver would throw it.
        app.get("fail") { _ -> Note in
            throw NoteStoreError(reason: "connection to notes-db:5432 refused")
        }
    }
}

/// An internal failure with details the client must never see.
struct NoteStoreError: Error, CustomStringConvertible {
    var reason: String

    var description: String { "note store unavailable: \(reason)" }
}
