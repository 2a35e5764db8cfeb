import Errata
import Vapor

/// Per-field errors for the catalog's 400 entry, from what Vapor throws when a request body does not fit.
enum FieldErrors {
    /// One field error at the coding path, when the failure has one (a body that is not JSON at all has none).
    static func fieldErrors(for error: DecodingError) -> [FieldError] {
        let context: DecodingError.Context
        let message: String
        switch error {
        case .keyNotFound(let key, let keyContext):
            let path = keyContext.codingPath + [key]
            return [FieldError(field: dotted(path), message: "is required")]
        case .typeMismatch(let type, let mismatchContext):
            context = mismatchContext
            message = "is not of type \(type)"
        case .valueNotFound(let type, let valueContext):
            context = valueContext
            message = "is missing a value of type \(type)"
        case .dataCorrupted(let corruptedContext):
            context = corruptedContext
            message = "is not valid"
        @unknown default:
            return []
        }
        guard !context.codingPath.isEmpty else { return [] }
        return [FieldError(field: dotted(context.codingPath), message: message)]
    }

    /// One field error per failing validation, with Vapor's own wording (`is less than minimum of 3 character(s)`).
    static func fieldErrors(for error: ValidationsError) -> [FieldError] {
        error.failures.map { failure in
            FieldError(
                field: failure.key.stringValue,
                message: failure.customFailureDescription ?? failure.result.failureDescription ?? "is not valid"
            )
        }
    }

    /// `proxy_tags.0.prefix`, as PluralKit and most APIs name a nested field.
    static func dotted(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
