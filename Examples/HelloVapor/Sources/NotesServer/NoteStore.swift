import NotesAPI

/// The notes the server keeps, in memory: at most ``Notes/limit``.
public actor NoteStore {
    private var notes: [Int: Note]
    private var nextID: Int

    /// A store holding `notes`, numbered from 1.
    public init(_ texts: [String] = ["Buy milk."]) {
        let kept = texts.prefix(Notes.limit).enumerated().map { Note(id: $0.offset + 1, text: $0.element) }
        self.notes = Dictionary(uniqueKeysWithValues: kept.map { ($0.id, $0) })
        self.nextID = kept.count + 1
    }

    /// The note numbered `id`, if there is one.
    public func note(_ id: Int) -> Note? {
        notes[id]
    }

    /// Adds a note and returns it, or `nil` when the store is full.
    public func add(_ text: String) -> Note? {
        guard notes.count < Notes.limit else { return nil }
        let note = Note(id: nextID, text: text)
        notes[note.id] = note
        nextID += 1
        return note
    }
}
