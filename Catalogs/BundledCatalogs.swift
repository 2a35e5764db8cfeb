import Foundation

/// The example catalogs that ship with Errata, one per seed API and one per real public API (GitHub, Stripe,
/// Kubernetes, Google APIs, Discord, RFC 9457's examples), bundled as resources so the `errata` command
/// finds them from any working directory.
public enum BundledCatalogs {
    /// The catalog files' names, in the order `errata serve` lists them.
    public static let fileNames = [
        "pluralkit.errata.yaml",
        "rest-error-codes.errata.yaml",
        "batchdata.errata.yaml",
        "blazeauth.errata.yaml",
        "github.errata.yaml",
        "stripe.errata.yaml",
        "kubernetes.errata.yaml",
        "google-apis.errata.yaml",
        "discord.errata.yaml",
        "rfc9457.errata.yaml",
    ]

    /// The paths of the bundled catalog files.
    public static var paths: [String] {
        fileNames.compactMap { Bundle.module.url(forResource: $0, withExtension: nil)?.path }
    }

    /// The path of the bundled catalog with this identifier (`pluralkit`), if there is one.
    public static func path(forID id: String) -> String? {
        guard fileNames.contains("\(id).errata.yaml") else { return nil }
        return Bundle.module.url(forResource: "\(id).errata.yaml", withExtension: nil)?.path
    }

    /// The identifiers of the bundled catalogs.
    public static var ids: [String] {
        fileNames.map { String($0.dropLast(".errata.yaml".count)) }
    }
}
