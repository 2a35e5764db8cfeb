public import HTTPTypes

extension HTTPResponse.Status {
    /// The standard registry's definition of this status code, or `nil` when the code is neither registered
    /// with IANA nor an unofficial code in common use.
    ///
    /// The lookup goes by code alone; the status's own reason phrase plays no part.
    ///
    /// ```swift
    /// HTTPResponse.Status.tooManyRequests.definition?.reference  // "RFC 6585, Section 4"
    /// HTTPResponse.Status(code: 299).definition                  // nil
    /// ```
    public var definition: HTTPStatusDefinition? {
        HTTPStatusRegistry.standard.definition(for: self.code)
    }
}
