/// An error a route answered with that its operation does not declare (``OperationContractMode/strict``).
public struct ContractViolation: Error, CustomStringConvertible {
    /// The operation.
    public var operation: String
    /// The undeclared entry.
    public var entry: String

    public var description: String {
        "operation \(operation) answered with \(entry), which it does not declare"
    }
}
