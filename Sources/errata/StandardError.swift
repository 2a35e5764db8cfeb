import ArgumentParser
import Foundation

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Reports a usage mistake found while a command runs (a catalog argument that names no catalog file, a malformed
/// `name=value`), and returns the exit status to throw: 64, as ArgumentParser's own usage errors.
///
/// Not a `ValidationError`: thrown from `run()`, ArgumentParser prints it with the root command's usage
/// (`Usage: errata <subcommand>`), which sends the user to the wrong help.
func usageMistake(_ message: String) -> ExitCode {
    printError("error: \(message)")
    return .validationFailure
}
