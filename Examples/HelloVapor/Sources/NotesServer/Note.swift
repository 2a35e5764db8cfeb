public import Vapor

/// A note, as the API sends it.
public struct Note: Content, Equatable {
    /// The note's number.
    public var id: Int
    /// What the note says.
    public var text: String

    /// A note.
    public init(id: Int, text: String) {
        self.id = id
        self.text = text
    }
}
