/// What the Notes API's server and clients agree on besides its errors (those are `NotesErrors`, generated from
/// `notes.errata.yaml`).
public enum Notes {
    /// The most notes the server keeps.
    public static let limit = 3

    /// The longest note text, in characters.
    public static let maximumLength = 140
}
