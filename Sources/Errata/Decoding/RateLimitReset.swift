import HTTPTypes

/// The wait an exhausted `X-RateLimit-*` quota implies: the de facto fields of GitHub, Discord, Reddit and many
/// others, which predate the IETF `RateLimit` fields and are still what most APIs send.
///
/// `X-RateLimit-Remaining: 0` means the quota is spent until it resets. The reset is read from
/// `X-RateLimit-Reset-After` (seconds from now, Discord: `1.2`) when present, else `X-RateLimit-Reset`, which APIs
/// write either as a Unix time (GitHub: `1372700873`; Discord: `1470173023.123`) or as seconds from now (Reddit:
/// `523`). The two are told apart by size: a value of a billion or more (2001-09-09 as a Unix time, 31 years as a
/// wait) is a Unix time, measured from the response's `Date` when it has one (so that the client's clock does not
/// matter), else from `now`. Fields that do not parse are ignored.
enum RateLimitReset {
    /// `X-RateLimit-Remaining`.
    static let remaining = HTTPField.Name("X-RateLimit-Remaining")!
    /// `X-RateLimit-Reset`.
    static let reset = HTTPField.Name("X-RateLimit-Reset")!
    /// `X-RateLimit-Reset-After`.
    static let resetAfter = HTTPField.Name("X-RateLimit-Reset-After")!

    /// The wait until an exhausted quota resets, to the millisecond rounded up; `nil` when the quota is not
    /// exhausted or the fields are absent or unreadable.
    ///
    /// - Parameter now: Seconds since 1970, for a Unix-time reset when the response has no `Date`; default the
    ///   system clock.
    static func delay(in headerFields: HTTPFields, now: Int64? = nil) -> Duration? {
        guard headerFields[remaining].flatMap(number) == 0 else { return nil }
        if let after = headerFields[resetAfter].flatMap(number) {
            return milliseconds(after)
        }
        guard let reset = headerFields[reset].flatMap(number) else { return nil }
        guard reset >= 1e9 else { return milliseconds(reset) }
        let reference = headerFields[.date].flatMap(HTTPDate.secondsSince1970) ?? now ?? ErrorDecoder.currentTime()
        return milliseconds(reset - Double(reference))
    }

    /// A non-negative decimal number of at most 24 digits and dots between spaces, as these fields write them.
    private static func number(_ text: String) -> Double? {
        let digits = text.trimmingASCIISpaces
        guard !digits.isEmpty, digits.utf8.count <= 24,
            digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") }),
            let value = Double(digits), value.isFinite
        else { return nil }
        return value
    }

    /// Seconds as a wait to the millisecond, rounded up; none below zero, and at most about 31,700 years.
    private static func milliseconds(_ seconds: Double) -> Duration {
        .milliseconds(Int64((min(max(seconds, 0), 1e12) * 1000).rounded(.up)))
    }
}
