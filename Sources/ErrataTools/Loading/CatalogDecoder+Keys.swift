extension CatalogDecoder {
    // The keys each mapping of a catalog file accepts, and those it needs: the decoder checks every mapping against
    // these lists, and `Schemas/errata-catalog.schema.json` must list the same ones (CatalogFileSchemaTests), so
    // that editors complete and check exactly what the loader reads. Arrays rather than sets, because diagnostics
    // list the allowed keys in this order ("allowed keys are 'errata', 'id', …").

    /// The top level of a catalog file.
    package static let topLevelKeys = [
        "errata", "id", "title", "version", "docs", "envelope", "retryHeader", "groups", "codes", "closeCodes",
        "operations",
    ]
    /// The top-level keys a catalog file must have.
    package static let requiredTopLevelKeys = ["errata", "id", "title", "version", "codes"]

    /// An item of `codes`. Besides `name`, an entry needs `code` or `status` (or both).
    package static let entryKeys = [
        "name", "code", "status", "otherStatuses", "title", "message", "params", "description", "kind", "origin",
        "retry", "fields", "headers", "deprecated", "group", "docs", "lint",
    ]
    /// The keys every item of `codes` must have.
    package static let requiredEntryKeys = ["name"]

    /// The declaration of one parameter in an entry's `params` (`memberRef: { type: string, description: … }`).
    package static let parameterKeys = ["type", "description", "const", "values"]

    /// An entry's `lint`.
    package static let lintKeys = ["allow", "reason"]
    /// The keys an entry's `lint` must have: silencing a rule needs a reason.
    package static let requiredLintKeys = ["allow", "reason"]

    /// An item of `groups`.
    package static let groupKeys = ["name", "codes", "description"]
    /// The keys every item of `groups` must have.
    package static let requiredGroupKeys = ["name", "codes"]

    /// An item of `closeCodes`.
    package static let closeCodeKeys = ["code", "name", "reason", "description", "retry"]
    /// The keys every item of `closeCodes` must have.
    package static let requiredCloseCodeKeys = ["code", "name"]

    /// An item of `operations`.
    package static let operationKeys = ["name", "id", "route", "description", "codes"]
    /// The keys every item of `operations` must have.
    package static let requiredOperationKeys = ["name", "codes"]

    /// The top-level `envelope`.
    package static let envelopeKeys = ["format", "body", "extensions", "fieldErrors", "contentType", "alternatives"]
    /// An item of `envelope.alternatives`: an envelope that cannot have alternatives of its own.
    package static let alternativeEnvelopeKeys = envelopeKeys.filter { $0 != "alternatives" }
    /// The keys every envelope must have.
    package static let requiredEnvelopeKeys = ["format"]

    /// An envelope's `fieldErrors`.
    package static let fieldErrorsKeys = ["layout", "item", "leaf", "attributes"]
    /// The keys of an attribute in `fieldErrors.attributes`.
    package static let fieldErrorAttributeKeys = ["description", "values"]
    /// The keys an envelope's `fieldErrors` must have.
    package static let requiredFieldErrorsKeys = ["layout", "item"]

    /// The placeholders a `docs` link may use.
    package static let docsPlaceholders = ["code", "name", "status"]
}
