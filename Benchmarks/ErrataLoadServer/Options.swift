/// The load server's command line: `[--port N] [--catalog PATH]`.
///
/// Hand-parsed, so the benchmark package needs no argument parser for two options.
struct Options {
    var port = 8080
    /// The repository's PluralKit catalog.
    var catalogPath = Options.repositoryRoot + "/Catalogs/pluralkit.errata.yaml"

    /// The repository this file is in, as `Benchmarks/ErrataLoadServer/Options.swift`.
    static let repositoryRoot = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
        .joined(separator: "/")

    init(_ arguments: some Sequence<String>) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--port":
                guard let value = iterator.next(), let port = Int(value), (0...65535).contains(port) else {
                    throw LoadServerError("--port needs a TCP port, 0–65535")
                }
                self.port = port
            case "--catalog":
                guard let value = iterator.next() else { throw LoadServerError("--catalog needs a path") }
                self.catalogPath = value
            default:
                throw LoadServerError("unknown argument '\(argument)'; use [--port N] [--catalog PATH]")
            }
        }
    }
}
