import ArgumentParser
import Errata
import HTTPTypes

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the response a client would see for a catalog error, as 'curl -i' shows it.",
        discussion: """
            Example: errata render pluralkit MemberRefNotFound memberRef=abc
            """
    )

    @Argument(help: "A catalog file or bundled catalog id.")
    var catalog: String

    @Argument(help: "The entry's name.")
    var name: String

    @Argument(help: "Parameter values, as name=value.")
    var parameters: [String] = []

    @Option(name: .customLong("field"), help: "A field error, as FIELD=MESSAGE. Repeatable.")
    var fieldErrors: [String] = []

    @Option(help: "Seconds the client should wait before retrying.")
    var retryAfter: Double?

    @Option(help: "The request or packet id (a number stays a number).")
    var requestID: String?

    @Option(help: "The occurrence's instance URI.")
    var instance: String?

    func validate() throws {
        if let retryAfter, !(retryAfter >= 0 && retryAfter <= 1e9) {
            throw ValidationError("--retry-after must be a number of seconds from 0 to 1000000000.")
        }
    }

    func run() async throws {
        let catalog = try CatalogArgument.load(self.catalog)
        var values: [String: String] = [:]
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "=") else {
                throw usageMistake("parameter '\(parameter)' must be written name=value, as in memberRef=abc.")
            }
            values[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
        }
        let fields = try fieldErrors.map { text -> FieldError in
            guard let equals = text.firstIndex(of: "=") else {
                throw usageMistake("--field '\(text)' must be written FIELD=MESSAGE, as in name=\"Too long.\"")
            }
            return FieldError(field: String(text[..<equals]), message: String(text[text.index(after: equals)...]))
        }
        guard let entry = catalog.entry(named: name) else {
            printError(
                "error: catalog '\(catalog.id)' has no entry named '\(name)'; 'errata explain \(name) --catalog "
                    + "\(self.catalog)' searches its codes and names."
            )
            throw ExitCode.failure
        }
        guard entry.origin == .server else {
            printError(
                "error: entry '\(name)' is client-origin: a server never sends it, so it has no response to show "
                    + "(a server that tried would answer with the catalog's internal-error entry)."
            )
            throw ExitCode.failure
        }
        let error: APIError
        do {
            error = try APIError(
                entry,
                parameters: values,
                fieldErrors: fields,
                retryAfter: retryAfter.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) },
                instance: instance,
                requestID: requestID.map { Int($0).map(JSONValue.integer) ?? .string($0) }
            )
        } catch {
            throw usageMistake(error.description)
        }
        let rendered = try ErrorRenderer(catalog: catalog).render(error)
        print("HTTP/1.1 \(rendered.status.code) \(rendered.status.reasonPhrase)")
        for field in rendered.headerFields {
            print("\(field.name): \(field.value)")
        }
        print("")
        print(String(decoding: rendered.body, as: UTF8.self))
        for name in rendered.droppedHeaderFields {
            printError("warning: header '\(name)' was left out: \(name.droppedBecause)")
        }
    }
}
