/// What the error middleware does when a route answers with an error its operation does not declare.
public struct OperationContractMode: Sendable, Hashable {
    private enum Base { case log, strict }
    private let base: Base

    /// Log and count the violation; the error is still sent as it is.
    public static let log = OperationContractMode(base: .log)
    /// Also answer with the internal-error entry, so that tests fail loudly.
    public static let strict = OperationContractMode(base: .strict)
}
