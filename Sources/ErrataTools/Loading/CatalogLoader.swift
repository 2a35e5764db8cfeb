import Errata
import Foundation

/// Loads catalog files (`NAME.errata.yaml` or `NAME.errata.json`) with located diagnostics.
///
/// Loading reports every problem in one pass, each with file, line and column, what is wrong and how to fix it,
/// and never crashes or hangs: files are size-limited, and nesting depth and node count (counting alias
/// expansion) are bounded before the tree is walked. Past 1,000 errors it stops writing messages and ends with a
/// count of the rest.
///
/// ```swift
/// let result = CatalogLoader().load(path: "Catalogs/pluralkit.errata.yaml")
/// for diagnostic in result.diagnostics { print(diagnostic) }
/// guard let catalog = result.catalog else { exit(1) }
/// ```
public struct CatalogLoader: Sendable {
    /// The bounds a file must stay within.
    public struct Limits: Hashable, Sendable {
        /// The largest file accepted, in bytes.
        public var maximumFileSize: Int
        /// The deepest nesting accepted.
        public var maximumDepth: Int
        /// The most YAML values accepted, counting each use of an alias in full.
        public var maximumNodeCount: Int

        /// Creates limits.
        public init(maximumFileSize: Int = 4 << 20, maximumDepth: Int = 64, maximumNodeCount: Int = 250_000) {
            self.maximumFileSize = maximumFileSize
            self.maximumDepth = maximumDepth
            self.maximumNodeCount = maximumNodeCount
        }

        /// 4 MiB, 64 levels, 250,000 values: far above any real catalog.
        public static let `default` = Limits()
    }

    /// The bounds a file must stay within.
    public var limits: Limits

    /// Creates a loader.
    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Reads and loads the catalog file at `path`.
    public func load(path: String) -> CatalogLoadResult {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if let size, size > limits.maximumFileSize {
            return .failure(
                "the file is \(size) bytes; catalog files are limited to \(limits.maximumFileSize) bytes",
                file: path
            )
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return .failure(
                "'\(path)' is a folder; name a catalog file, or pass the folder to 'errata lint'",
                file: path
            )
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "there is no such file"
            return .failure("cannot open '\(path)': \(reason)", file: path)
        }
        return load(bytes: Array(data), path: path)
    }

    /// Loads a catalog from text.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - path: The name diagnostics use for the file.
    public func load(text: String, path: String) -> CatalogLoadResult {
        load(bytes: Array(text.utf8), path: path)
    }

    /// Loads a catalog from a file's bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents: UTF-8 YAML, or JSON.
    ///   - path: The name diagnostics use for the file.
    public func load(bytes: [UInt8], path: String) -> CatalogLoadResult {
        if bytes.count > limits.maximumFileSize {
            return .failure(
                "the file is \(bytes.count) bytes; catalog files are limited to \(limits.maximumFileSize) bytes",
                file: path
            )
        }
        if let problem = Self.textProblem(in: bytes, file: path) {
            return CatalogLoadResult(catalog: nil, diagnostics: [problem], sourceMap: CatalogSourceMap(file: path))
        }
        var input = bytes
        // A byte order mark is allowed, and is not part of the first line's columns.
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input.removeFirst(3) }
        if path.hasSuffix(".json") {
            // JSON allows tabs as white space where YAML does not; outside strings (which cannot hold a raw
            // tab) a tab is only white space, so a space in its place keeps every column.
            for index in input.indices where input[index] == UInt8(ascii: "\t") { input[index] = UInt8(ascii: " ") }
        }
        let reader = YAMLReader(maximumDepth: limits.maximumDepth, maximumNodeCount: limits.maximumNodeCount)
        let root: YAMLNode?
        do {
            root = try reader.read(input)
        } catch {
            return .failure(error.message, file: path, line: error.line, column: error.column)
        }
        var decoder = CatalogDecoder(file: path)
        let catalog = decoder.decode(root)
        // Decoding visits sections in a fixed order; report in file order, as a compiler does.
        var diagnostics = decoder.diagnostics.enumerated().sorted {
            ($0.element.sortKey, $0.offset) < ($1.element.sortKey, $1.offset)
        }.map(\.element)
        if decoder.errorCount > diagnostics.count {
            diagnostics.append(
                Diagnostic(
                    .error,
                    "\(decoder.errorCount - diagnostics.count) more errors not shown; fix the first "
                        + "\(diagnostics.count) and load the file again",
                    at: SourceLocation(file: path, line: 1, column: 1)
                )
            )
        }
        return CatalogLoadResult(catalog: catalog, diagnostics: diagnostics, sourceMap: decoder.sourceMap)
    }

    /// Rejects binary files, invalid UTF-8 and characters YAML does not allow, with the position of the first.
    private static func textProblem(in bytes: [UInt8], file: String) -> Diagnostic? {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\0" {
                    return Diagnostic(
                        .error,
                        "the file contains a NUL byte (at byte \(offset)); catalog files are UTF-8 text",
                        at: SourceLocation(file: file, line: line, column: column)
                    )
                }
                if !isAllowedInYAML(scalar) {
                    var hex = String(scalar.value, radix: 16, uppercase: true)
                    if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
                    return Diagnostic(
                        .error,
                        "the file contains the character U+\(hex) (at byte \(offset)), which YAML does not allow; "
                            + "remove it",
                        at: SourceLocation(file: file, line: line, column: column)
                    )
                }
                let isByteOrderMark = offset == 0 && scalar == "\u{FEFF}"
                offset += UTF8.width(scalar)
                if isByteOrderMark { continue }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return Diagnostic(
                    .error,
                    "the file is not valid UTF-8 (near byte \(offset)); save it as UTF-8 text",
                    at: SourceLocation(file: file, line: line, column: column)
                )
            }
        }
    }
}

/// Whether YAML 1.2 allows `scalar` in a stream (its `c-printable` set), as libyaml's reader checks.
private func isAllowedInYAML(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
}
