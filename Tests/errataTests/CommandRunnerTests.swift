import Foundation
import Testing

@Suite struct CommandRunnerTests {
    /// A program that writes a megabyte to standard error before anything to standard output fills the error pipe
    /// (64 KiB on Linux) and blocks; a runner that read standard output to its end first would wait forever.
    @Test(.timeLimit(.minutes(1)))
    func readsAFullStandardErrorWhileStandardOutputIsOpen() throws {
        let script = "head -c 1048576 /dev/zero | tr '\\0' e >&2; echo done"
        let output = try CommandRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
        #expect(output.status == 0)
        #expect(output.standardOutput == "done\n")
        #expect(output.standardError.utf8.count == 1_048_576)
        #expect(output.standardError.allSatisfy { $0 == "e" })
    }
}
