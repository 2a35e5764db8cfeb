/// A catalog's server entries, arranged once for the decoder's lookups.
///
/// Decoding looks an entry up on every response; filtering the catalog's entries there, and rendering constant
/// messages to compare them, measured as a large part of a decode. This does both once, when the decoder is made.
struct DecoderIndex: Sendable {
    /// An entry, with what matching by message needs of it.
    ///
    /// A class: candidates are copied into and out of the lists a decode narrows, and a struct holding an
    /// `ErrorEntry` retained each of the entry's references per copy (measured at 7 % of a decode).
    final class Candidate: Sendable {
        /// The catalog's own identity of the entry, which a decoded error carries: copying it retains one reference.
        let identity: EntryIdentity
        var entry: ErrorEntry { identity.entry }
        /// The entry's message template, with its constants written in.
        let message: MessageTemplate?
        /// The message, when it has no parameters.
        let constantMessage: String?
        /// The bytes of literal text in the message template: with several templates fitting, the most specific
        /// wins.
        let literalLength: Int
        /// The entry's constant parameters (``ParameterDeclaration/constant``): a body whose member for one has
        /// another value is not this entry.
        let constants: [String: String]

        init(_ identity: EntryIdentity) {
            self.identity = identity
            let entry = identity.entry
            let constants = entry.constants
            self.constants = constants
            let message = entry.message?.substituting(constants)
            self.message = message
            if let message, message.isConstant {
                constantMessage = try? message.render { _ in nil }
            } else {
                constantMessage = nil
            }
            literalLength = (message?.segments ?? []).reduce(0) { total, segment in
                if case .literal(let text) = segment { total + text.utf8.count } else { total }
            }
        }
    }

    /// The entries a server sends, in catalog order.
    let all: [Candidate]
    /// The same, by code, each list in catalog order.
    let byCode: [ErrorCode: [Candidate]]
    /// Whether entries are told apart by code alone (a status-packet catalog: codes without HTTP statuses).
    let identifiesByCodeAlone: Bool
    /// Whether any entry has a constant parameter, so that matching checks the body's values against them.
    let hasConstants: Bool
    /// Whether any entry has its own docs URL, its problem type, so that matching checks the body's `type`.
    let hasOwnTypes: Bool

    init(_ catalog: ErrorCatalog) {
        let all = catalog.entries.indices.filter { catalog.entries[$0].origin == .server }.map {
            Candidate(catalog.identity(at: $0))
        }
        self.all = all
        var byCode: [ErrorCode: [Candidate]] = [:]
        for candidate in all {
            if let code = candidate.entry.code { byCode[code, default: []].append(candidate) }
        }
        self.byCode = byCode
        self.identifiesByCodeAlone = catalog.entries.contains { $0.code != nil && $0.status == nil }
        self.hasConstants = all.contains { !$0.constants.isEmpty }
        self.hasOwnTypes = all.contains { $0.entry.docs != nil }
    }
}
