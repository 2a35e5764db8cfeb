import Errata
import ErrataHummingbird
import ErrataResponder
import HTTPTypes
import Hummingbird
import NIOCore

extension ErrataServer {
    func mock(
        _ request: Request,
        _ context: ServeRequestContext,
        catalog id: String,
        choice: String?
    ) async throws
        -> Response
    {
        // Read once, for the faults and the answer.
        let query = MockQuery(request)
        let faults = try mockFaults(query)
        let response = try await mockAnswer(request, context, query: query, catalog: id, choice: choice)
        return faults.isEmpty ? response : try await deliver(response, faults, context: context)
    }

    private func mockAnswer(
        _ request: Request,
        _ context: ServeRequestContext,
        query: MockQuery,
        catalog id: String,
        choice: String?
    ) async throws -> Response {
        let mock = try mock(id)
        if choice == "ws" {
            // The WebSocket endpoint, asked without an upgrade: say what it needs, or why this catalog has none.
            let name = Self.hasWebSocketSemantics(mock.catalog) ? "UpgradeRequired" : "NotWebSocketCatalog"
            throw ServeErrors.error(name, ["catalog": id])
        }
        var choice = choice ?? ""
        if choice.isEmpty || choice == "random" && query.prefer != nil {
            // `Prefer: code=20003` chooses as the path would.
            if let prefer = query.prefer, let code = Self.preference(prefer, named: "code") {
                choice = code
            } else if choice.isEmpty {
                throw ServeErrors.error(
                    "InvalidQuery",
                    ["problem": "name the error in the path (/mock/\(id)/NAME) or a 'Prefer: code=NAME' header"]
                )
            }
        }
        if choice == "random" {
            choice = try pickRandom(query.codes, in: mock.catalog)
        }
        if choice == "flaky" {
            return try await flaky(request, context, mock: mock, query: query)
        }
        let error: APIError
        if let position = mock.positions[choice] {
            error = try occurrence(of: position, in: mock, query: query)
        } else {
            error = try occurrence(of: try Self.resolve(choice, in: mock.catalog), in: mock, query: query)
        }
        if let text = query.delay {
            guard let delay = Int(text), delay >= 0 else {
                throw ServeErrors.error(
                    "InvalidQuery",
                    ["problem": "delay=\(text) is not a whole number of milliseconds"]
                )
            }
            guard delay <= Self.maximumDelay else {
                throw ServeErrors.error(
                    "InvalidQuery",
                    ["problem": "delay=\(delay) is over the limit of \(Self.maximumDelay) ms"]
                )
            }
            try await Task.sleep(for: .milliseconds(delay))
        }
        return mock.responder.response(for: error, request: request, logger: context.logger, requestID: nil)
    }

    /// The occurrence of `entry`, one of `mock`'s, that the query describes.
    func occurrence(of entry: ErrorEntry, in mock: MockCatalog, query: MockQuery) throws -> APIError {
        // Every entry's name is in the table (the first of a name, as `resolve` finds it).
        try occurrence(of: mock.positions[entry.name]!, in: mock, query: query)
    }

    /// What the query says of an occurrence besides its parameters: its retry-after, instance and request id; a
    /// client-side entry is refused.
    static func options(
        name: String,
        origin: ErrorEntry.Origin,
        query: MockQuery
    ) throws -> (retryAfter: Duration?, instance: String?, requestID: JSONValue?) {
        var retryAfter: Duration?
        if let text = query.retryAfter {
            guard let seconds = Double(text), seconds >= 0, seconds <= 86_400 * 365 else {
                throw ServeErrors.error("InvalidQuery", ["problem": "retryAfter=\(text) is not a number of seconds"])
            }
            retryAfter = .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
        let requestID: JSONValue? = query.requestID.map { Int($0).map(JSONValue.integer) ?? .string($0) }
        if origin == .client {
            throw ServeErrors.error(
                "InvalidQuery",
                ["problem": "'\(name)' is a client-side status; a server never sends it"]
            )
        }
        return (retryAfter, query.instance, requestID)
    }

    /// The occurrence of the entry at `position` that the query describes: its parameters in the entry's order,
    /// straight from the query (the last of a repeated item wins; control items fill none), its retry-after,
    /// instance and request id, built from the catalog's own identity for the entry by position, so that rendering
    /// finds it without a lookup.
    func occurrence(of position: Int, in mock: MockCatalog, query: MockQuery) throws -> APIError {
        let names = mock.queryNames[position]
        var values: [String?] = []
        if !names.isEmpty {
            // Appended one by one into reserved space: `[String?](repeating:count:)` looked up its array type's
            // metadata on each call.
            values.reserveCapacity(names.count)
            for name in names { values.append(name.flatMap(query.items.value(named:))) }
            for (index, name) in mock.parameterNames[position].enumerated() where values[index] == nil {
                guard !mock.constants[position].contains(name) else { continue }
                guard names[index] != nil else {
                    // `?key=…` would not help: the mock reads that item itself.
                    throw ServeErrors.error(
                        "InvalidQuery",
                        [
                            "problem": "'\(mock.names[position])' has a parameter '\(name)', a name the mock keeps for "
                                + "its own query item, so no query fills it; give it a constant in the catalog to mock it"
                        ]
                    )
                }
                throw ServeErrors.error("MissingParameter", ["entry": mock.names[position], "parameter": name])
            }
        }
        let (retryAfter, instance, requestID) = try Self.options(
            name: mock.names[position],
            origin: mock.origins[position],
            query: query
        )
        return APIError(
            unchecked: position,
            in: mock.catalog,
            values: values,
            retryAfter: retryAfter,
            instance: instance,
            requestID: requestID
        )
    }

    /// `codes=20001,20003:3`: each code or name with an optional weight (default 1).
    private func pickRandom(_ codes: String?, in catalog: ErrorCatalog) throws -> String {
        let items: [(String, Int)]
        if let codes, !codes.isEmpty {
            items = try codes.split(separator: ",").map { item in
                let parts = item.split(separator: ":", maxSplits: 1)
                let weight = parts.count == 2 ? Int(parts[1]) : 1
                guard let weight, weight > 0, weight <= 1_000_000 else {
                    throw ServeErrors.error(
                        "InvalidQuery",
                        ["problem": "'\(item)' in codes= needs a whole-number weight from 1, like 20003:3"]
                    )
                }
                _ = try Self.resolve(String(parts[0]), in: catalog)
                return (String(parts[0]), weight)
            }
        } else {
            items = catalog.entries.filter { $0.origin == .server && $0.kind == .error }.map { ($0.name, 1) }
        }
        guard !items.isEmpty else {
            throw ServeErrors.error("InvalidQuery", ["problem": "catalog '\(catalog.id)' has no errors to pick from"])
        }
        var ticket = Int.random(in: 0..<items.reduce(0) { $0 + $1.1 })
        for (choice, weight) in items {
            if ticket < weight { return choice }
            ticket -= weight
        }
        return items[items.count - 1].0
    }

    /// The value of `name` in a `Prefer` header (RFC 7240): `code=20003` or `code="20003"`.
    static func preference(_ header: String, named name: String) -> String? {
        for preference in header.split(separator: ",") {
            let parts = preference.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: " ") == name else { continue }
            var value = parts[1].trimmingCharacters(in: " ")
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

extension HTTPField.Name {
    static let prefer = HTTPField.Name("Prefer")!
}
