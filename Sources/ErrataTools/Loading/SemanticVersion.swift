/// A semantic version (`MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`), the form of a catalog's `version`.
public struct SemanticVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Incompatible changes.
    public var major: Int
    /// Backward-compatible additions.
    public var minor: Int
    /// Backward-compatible fixes.
    public var patch: Int
    /// The pre-release label (`beta.1`), if any.
    public var prerelease: String?

    /// Parses `1.2.3`, `1.2.3-beta.1` or `1.2.3+build`; `nil` for anything else.
    public init?(_ text: String) {
        var core = Substring(text)
        if let plus = core.firstIndex(of: "+") { core = core[..<plus] }
        var prerelease: String?
        if let dash = core.firstIndex(of: "-") {
            prerelease = String(core[core.index(after: dash)...])
            core = core[..<dash]
            if prerelease?.isEmpty == true { return nil }
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || !part.hasPrefix("0"), let number = Int(part)
            else { return nil }
            numbers.append(number)
        }
        self.major = numbers[0]
        self.minor = numbers[1]
        self.patch = numbers[2]
        self.prerelease = prerelease
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.map { "-\($0)" } ?? "")
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.prerelease, rhs.prerelease) {
        case (nil, nil), (nil, _): return false
        case (_, nil): return true
        case (let left?, let right?): return left < right
        }
    }
}
