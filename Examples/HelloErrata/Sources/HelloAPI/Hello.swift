/// What the Hello API's server and clients agree on besides its errors (those are `HelloErrors`, generated from
/// `hello.errata.yaml`).
public enum Hello {
    /// The longest name the server greets, in characters.
    public static let maximumNameLength = 20

    /// The address `hello-server` listens on, and `hello-client` asks, unless told otherwise.
    public static let defaultPort = 8080
}
