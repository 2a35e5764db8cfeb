/// One value an API documents for a parameter or a field error attribute (Stripe's `insufficient_funds` decline
/// code, GitHub's `missing_field`), with what it means.
///
/// Documented values describe a set that stays open, as codes do: a newer server may send another, so occurrences
/// and decoders take any value, and generated schemas list the documented ones as examples, never as an `enum`.
public struct DocumentedValue: Hashable, Sendable {
    /// The value as sent: `missing_field`.
    public var value: String
    /// What it means.
    public var description: String?

    /// Creates a value.
    public init(_ value: String, description: String? = nil) {
        self.value = value
        self.description = description
    }
}
