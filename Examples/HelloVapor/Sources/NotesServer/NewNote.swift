import NotesAPI
import Vapor

/// The body of `POST /notes`; Vapor's validations check it, and ErrataErrorMiddleware answers a failure with the
/// catalog's `InvalidNote`, one field error per failing field.
struct NewNote: Content, Validatable {
    var text: String

    static func validations(_ validations: inout Validations) {
        validations.add("text", as: String.self, is: .count(1...Notes.maximumLength))
    }
}
