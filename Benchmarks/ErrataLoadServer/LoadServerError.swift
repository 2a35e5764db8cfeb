/// A mistake in the load server's arguments or catalog, printed as it is.
struct LoadServerError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
