import ArgumentParser
import Errata
import Foundation
import HTTPTypes

struct DecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode an error response body into a catalog error.",
        discussion: """
            Reads the body from FILE, or standard input when FILE is '-' or absent. Exits 1 when the body \
            cannot be read as JSON (the reason is printed); an unrecognised error is not a failure.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "A catalog file or bundled catalog id.")
    var catalog: String

    @Argument(help: "The body file, or '-' for standard input.")
    var file: String = "-"

    @Option(help: "The response's HTTP status.")
    var status: Int?

    @Option(name: .customLong("header"), help: "A response header, as 'Name: value'. Repeatable.")
    var headers: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        if let status, !(100...599).contains(status) {
            throw ValidationError("--status \(status) is not an HTTP status; use 100–599.")
        }
    }

    func run() async throws {
        let catalog = try CatalogArgument.load(self.catalog)
        var fields = HTTPFields()
        for header in headers {
            guard let colon = header.firstIndex(of: ":"),
                let name = HTTPField.Name(String(header[..<colon]).trimmingCharacters(in: .whitespaces))
            else {
                throw usageMistake("--header '\(header)' must be written 'Name: value'.")
            }
            fields.append(
                HTTPField(
                    name: name,
                    value: String(header[header.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                )
            )
        }
        let decoder = ErrorDecoder(catalog: catalog)
        let body = try readBody(limit: decoder.limits.maximumBodySize)
        let decoded = decoder.decode(
            status: status.map { HTTPResponse.Status(code: $0) },
            headerFields: fields,
            body: body
        )
        switch format {
        case .text: print(Self.text(decoded), terminator: "")
        case .json: print(Self.json(decoded).description)
        }
        if let problem = decoded.problem {
            printError("error: \(problem)")
            throw ExitCode(1)
        }
    }

    /// Reads at most `limit + 1` bytes, so that an endless input costs bounded memory and still reads as too large.
    private func readBody(limit: Int) throws -> [UInt8] {
        let handle: FileHandle
        if file == "-" {
            handle = .standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: file) else {
                throw usageMistake("cannot read body file '\(file)': no such file, or not readable.")
            }
            handle = opened
        }
        var bytes: [UInt8] = []
        while bytes.count <= limit {
            let chunk = handle.readData(ofLength: min(64 << 10, limit + 1 - bytes.count))
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return bytes
    }

    static func text(_ decoded: DecodedError) -> String {
        var lines: [String] = []
        lines.append("recognized: \(decoded.isRecognized ? "yes" : "no")")
        if let name = decoded.name { lines.append("name: \(name)") }
        if let code = decoded.code { lines.append("code: \(code)") }
        if let status = decoded.status { lines.append("status: \(status.code)") }
        if let message = decoded.message { lines.append("message: \(message)") }
        for (name, value) in decoded.parameters.sorted(by: { $0.key < $1.key }) {
            lines.append("param \(name): \(value)")
        }
        if let retryAfter = decoded.retryAfter { lines.append("retry after: \(seconds(retryAfter)) s") }
        for fieldError in decoded.fieldErrors {
            var line = "field \(fieldError.field): \(fieldError.message)"
            if !fieldError.attributes.isEmpty {
                line += " (" + fieldError.attributes.map { "\($0.key)=\($0.value.text)" }.joined(separator: ", ") + ")"
            }
            lines.append(line)
        }
        if let problem = decoded.problem { lines.append("problem: \(problem)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ decoded: DecodedError) -> JSONValue {
        func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        let code: JSONValue =
            switch decoded.code {
            case .integer(let value)?: .integer(value)
            case .string(let value)?: .string(value)
            case nil: .null
            }
        return .object([
            .init("recognized", .bool(decoded.isRecognized)),
            .init("name", string(decoded.name)),
            .init("code", code),
            .init("status", decoded.status.map { .integer($0.code) } ?? .null),
            .init("message", string(decoded.message)),
            .init(
                "params",
                .object(decoded.parameters.sorted { $0.key < $1.key }.map { .init($0.key, .string($0.value)) })
            ),
            .init("retryAfterSeconds", decoded.retryAfter.map { .number(seconds($0)) } ?? .null),
            .init(
                "fieldErrors",
                .array(
                    decoded.fieldErrors.map {
                        .object([
                            .init("field", .string($0.field)),
                            .init("message", .string($0.message)),
                            .init("pointer", .string($0.resolvedPointer)),
                            .init("attributes", .object($0.attributes)),
                        ])
                    }
                )
            ),
            .init("requestID", decoded.requestID ?? .null),
            .init("problem", string(decoded.problem?.description)),
        ])
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        return milliseconds == 0 ? "\(seconds)" : "\(seconds).\(String(format: "%03lld", milliseconds))"
    }
}
