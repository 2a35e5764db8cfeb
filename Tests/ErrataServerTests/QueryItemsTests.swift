import HummingbirdCore
import Testing

@testable import ErrataServer

/// The mock reads its query itself instead of through `URI.queryParameters`; it must read every query the way
/// Hummingbird does, or a mock answer would change with the speed-up.
@Suite struct QueryItemsTests {
    static let queries = [
        "", "memberRef=abcde", "a=1&b=2", "a=1&&b=2&", "&", "a", "a=", "=x", "a=b=c", "a=+b%20c", "a=%41%42%43",
        "a=caf%C3%A9", "a=%zz", "a=%4", "a=50%", "a=%", "memberRef=first&memberRef=abcde&retryAfter=2",
        "na%20me=v", "a=%E2%82%AC&b=%e2%82%ac",
    ]

    /// Every item, name and decoded value, in order.
    static func items(_ query: String) -> [String] {
        var items: [String] = []
        QueryItems(query).forEachItem { name, value in
            items.append(String(decoding: name, as: UTF8.self) + " = " + QueryItems.decoded(value))
        }
        return items
    }

    /// Item for item, but for the empty items that Hummingbird keeps between two `&` (`a&&b`) and this skips: an
    /// empty name fills nothing, since every parameter and control item has a name.
    @Test(arguments: queries) func readsAQueryAsHummingbirdDoes(_ query: String) {
        let hummingbird = URI("/mock/pluralkit/20003?" + query).queryParameters
            .filter { !$0.key.isEmpty || !$0.value.isEmpty }
            .map { "\($0.key) = \($0.value)" }
        #expect(Self.items(query) == hummingbird)
    }

    @Test func decodesPercentEncodingAndKeepsABrokenOneAsItCame() {
        #expect(
            Self.items("a=%41%42&b=caf%C3%A9&c=%zz&d=50%&e=+") == ["a = AB", "b = café", "c = %zz", "d = 50%", "e = +"]
        )
    }

    @Test func theLastOfARepeatedItemWinsAndNamesCompareWhole() {
        let items = QueryItems("memberRef=first&member=x&memberRefs=y&memberRef=abc%20de")
        #expect(items.value(named: "memberRef") == "abc de")
        #expect(items.value(named: "member") == "x")
        #expect(items.value(named: "memberR") == nil)
        #expect(QueryItems("").value(named: "memberRef") == nil)
    }
}
