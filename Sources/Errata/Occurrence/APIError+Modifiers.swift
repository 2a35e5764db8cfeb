public import HTTPTypes

// What varies between occurrences of one entry, set after it is built. Generated constructors take only the
// message's parameters, and these add the rest, so that a catalog change `errata diff` grades minor (an entry
// gaining `retry: after` or field errors) leaves every `throw Errors.entry` compiling:
//
//     throw Errors.tooManyRequests.with(retryAfter: .seconds(30))
//     throw Errors.invalidModel.with(fieldErrors: [FieldError(field: "name", message: "Too long.")])
extension APIError {
    /// The occurrence with a delay for the client to wait before retrying (`Retry-After`, or the envelope's
    /// `retryAfterSeconds`/`retryAfterMilliseconds`/`retryAfterDecimalSeconds`).
    public func with(retryAfter delay: Duration?) -> APIError {
        var error = self
        error.retryAfter = delay
        return error
    }

    /// The occurrence with per-field errors, in order.
    public func with(fieldErrors: [FieldError]) -> APIError {
        var error = self
        error.fieldErrors = fieldErrors
        return error
    }

    /// The occurrence with a URI identifying it (RFC 9457 `instance`).
    public func with(instance: String?) -> APIError {
        var error = self
        error.instance = instance
        return error
    }

    /// The occurrence with free-form JSON for the envelope's `details` member.
    public func with(details: JSONValue?) -> APIError {
        var error = self
        error.details = details
        return error
    }

    /// The occurrence with further response headers, added after the ones it has.
    public func with(headerFields: HTTPFields) -> APIError {
        var error = self
        error.headerFields.append(contentsOf: headerFields)
        return error
    }

    /// The occurrence with what went wrong inside, for logs; never rendered.
    public func with(underlyingError: (any Error & Sendable)?) -> APIError {
        var error = self
        error.underlyingError = underlyingError
        return error
    }
}
