import Foundation

/// Runs the built `errata` executable, as a user would.
struct CommandRunner {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `errata` binary beside the test bundle (SwiftPM builds it first: the test target depends on it).
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("errata")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/errata")
    }()

    /// The repository root, for paths like `Catalogs`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func run(_ arguments: String...) throws -> Output {
        try run(executable, arguments)
    }

    /// Runs any program, reading its standard output and standard error at the same time: a program that fills
    /// one pipe while the other is being read to its end would otherwise wait forever for the reader.
    static func run(_ program: URL, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = root
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        let errorReader = PipeReader(standardError.fileHandleForReading)
        let outputData = standardOutput.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorReader.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// Reads a pipe to its end on a thread of its own.
    ///
    /// `@unchecked Sendable`: `data` is written once by the reading thread before it signals `done`, and read only
    /// after `wait()` has seen that signal, all under `condition`'s lock.
    final class PipeReader: @unchecked Sendable {
        private let condition = NSCondition()
        private var data: Data?

        init(_ handle: FileHandle) {
            let thread = Thread { [self] in
                let read = handle.readDataToEndOfFile()
                condition.lock()
                data = read
                condition.signal()
                condition.unlock()
            }
            thread.start()
        }

        /// Blocks until the pipe has been read to its end, and returns what it held.
        func wait() -> Data {
            condition.lock()
            defer { condition.unlock() }
            while data == nil { condition.wait() }
            return data ?? Data()
        }
    }

    /// The folder this test process writes its temporary files in, removed when the process exits: each test
    /// used to make a folder of its own in the system's temporary directory and leave it there, some thirty a run.
    static let temporaryRoot: URL = {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("errata-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: CommandRunner.temporaryRoot) }
        return root
    }()

    /// A new, empty folder inside ``temporaryRoot``.
    static func temporaryFolder() throws -> URL {
        let folder = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `text` to a new temporary file named `name` (in a folder of its own, so that two files may share a
    /// name) and returns its path.
    static func temporaryFile(named name: String, _ text: String) throws -> String {
        let file = try temporaryFolder().appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
