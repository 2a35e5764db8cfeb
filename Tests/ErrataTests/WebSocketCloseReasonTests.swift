import Errata
import Testing

@Suite struct WebSocketCloseReasonTests {
    static func padding(_ count: Int) -> String {
        String(repeating: "a", count: count)
    }

    /// Checks what every reason must be: valid UTF-8, within the limit, and a prefix of its input.
    static func expectFits(_ reason: WebSocketCloseReason, cutFrom input: String) {
        let bytes = Array(reason.text.utf8)
        #expect(String(validating: bytes, as: UTF8.self) == reason.text)
        #expect(reason.utf8ByteCount == bytes.count)
        #expect(reason.utf8ByteCount <= WebSocketCloseReason.maximumByteCount)
        #expect(input.utf8.starts(with: bytes))
        #expect(reason.wasTruncated == (reason.text != input))
    }

    @Test func maximumLeavesRoomForTheStatusCodeInAControlFrame() {
        #expect(WebSocketCloseReason.maximumByteCount == 125 - 2)
    }

    @Test(arguments: [
        "",
        "Going away for maintenance",
        "Fermeture demandée — à bientôt ✌️",
        String(repeating: "a", count: 123),
        String(repeating: "a", count: 121) + "é",
        String(repeating: "a", count: 120) + "€",
        String(repeating: "a", count: 119) + "😀",
        String(repeating: "😀", count: 30) + "abc",
    ])
    func textThatFitsIsKeptUnchanged(text: String) {
        let reason = WebSocketCloseReason(truncating: text)
        #expect(reason.text == text)
        #expect(!reason.wasTruncated)
        #expect(reason.utf8ByteCount == text.utf8.count)
        #expect(reason.description == text)
        Self.expectFits(reason, cutFrom: text)
    }

    @Test func asciiIsCutAtExactlyTheMaximum() {
        let text = Self.padding(124)
        let reason = WebSocketCloseReason(truncating: text)
        #expect(reason.text == Self.padding(123))
        #expect(reason.utf8ByteCount == 123)
        #expect(reason.wasTruncated)
        Self.expectFits(reason, cutFrom: text)
    }

    /// Scalars of 2, 3 and 4 bytes placed so that their last byte is the 123rd: they just fit.
    @Test(arguments: ["é", "€", "😀"])
    func scalarEndingOnTheLimitIsKept(scalar: String) {
        let width = scalar.utf8.count
        let kept = Self.padding(123 - width) + scalar
        let text = kept + "tail"
        let reason = WebSocketCloseReason(truncating: text)
        #expect(reason.text == kept)
        #expect(reason.utf8ByteCount == 123)
        #expect(reason.wasTruncated)
        Self.expectFits(reason, cutFrom: text)
    }

    /// Every position at which a scalar of 2, 3 or 4 bytes straddles the 123rd byte: the scalar is dropped whole.
    static let straddlingScalars: [(scalar: String, start: Int)] = ["é", "€", "😀"].flatMap { scalar in
        let width = scalar.utf8.count
        return (124 - width...122).map { (scalar, $0) }
    }

    @Test(arguments: Self.straddlingScalars)
    func scalarStraddlingTheLimitIsDroppedWhole(scalar: String, start: Int) {
        let text = Self.padding(start) + scalar + "tail"
        let reason = WebSocketCloseReason(truncating: text)
        #expect(reason.text == Self.padding(start))
        #expect(reason.utf8ByteCount == start)
        #expect(reason.wasTruncated)
        Self.expectFits(reason, cutFrom: text)
    }

    /// Clusters of several scalars that straddle the limit are dropped whole, although a prefix of their
    /// scalars would fit.
    @Test(arguments: [
        ("👨‍👩‍👧‍👦", 110),  // ZWJ family: 4 emoji of 4 bytes joined by 3 ZWJ of 3 bytes = 25 bytes
        ("👩🏽‍💻", 110),  // skin-tone modifier and ZWJ: 15 bytes
        ("🇫🇷", 118),  // flag: two regional indicators = 8 bytes
        ("e\u{301}", 121),  // decomposed é: 1 + 2 bytes
    ])
    func graphemeClusterStraddlingTheLimitIsDroppedWhole(cluster: String, start: Int) {
        #expect(cluster.count == 1)
        #expect(start + cluster.utf8.count > 123)
        let text = Self.padding(start) + cluster + "tail"
        let reason = WebSocketCloseReason(truncating: text)
        #expect(reason.text == Self.padding(start))
        #expect(reason.wasTruncated)
        Self.expectFits(reason, cutFrom: text)
    }

    @Test func emojiRunIsCutBetweenEmoji() {
        let text = String(repeating: "😀", count: 40)  // 160 bytes
        let reason = WebSocketCloseReason(truncating: text)
        #expect(reason.text == String(repeating: "😀", count: 30))
        #expect(reason.utf8ByteCount == 120)
        Self.expectFits(reason, cutFrom: text)
    }

    @Test func firstCharacterLongerThanTheLimitIsCutBetweenItsScalars() {
        // One Character: "e" and 200 combining acute accents of 2 bytes each, 401 bytes in all.
        let text = "e" + String(repeating: "\u{301}", count: 200)
        #expect(text.count == 1)
        let reason = WebSocketCloseReason(truncating: text)
        let expected = "e" + String(repeating: "\u{301}", count: 61)
        #expect(reason.text.unicodeScalars.elementsEqual(expected.unicodeScalars))
        #expect(reason.utf8ByteCount == 123)
        #expect(reason.wasTruncated)
        Self.expectFits(reason, cutFrom: text)
    }

    @Test func scalarFallbackNeverSplitsAMultiByteScalar() {
        // One Character: "a" and 100 combining left harpoons (U+20D0) of 3 bytes each; 41 of them would be 124 bytes.
        let text = "a" + String(repeating: "\u{20D0}", count: 100)
        let reason = WebSocketCloseReason(truncating: text)
        #expect(reason.text.unicodeScalars.count == 41)
        #expect(reason.utf8ByteCount == 121)
        Self.expectFits(reason, cutFrom: text)
    }

    @Test(arguments: [
        String(repeating: "é", count: 100),
        String(repeating: "€", count: 100),
        String(repeating: "𝄞", count: 100),
        String(repeating: "aé€😀", count: 20),
        String(repeating: "👨‍👩‍👧‍👦", count: 10),
        String(repeating: "🇫🇷🇩🇪", count: 10),
        String(repeating: "ก่ำ", count: 30),
        String(repeating: "x", count: 10_000),
    ])
    func longTextAlwaysFitsAndStaysAPrefix(text: String) {
        let reason = WebSocketCloseReason(truncating: text)
        #expect(reason.wasTruncated)
        #expect(reason.utf8ByteCount > 123 - 25)  // no more than one cluster of this input is given up
        Self.expectFits(reason, cutFrom: text)
    }

    @Test func reasonsCompareByTextAndTruncation() {
        let first = WebSocketCloseReason(truncating: Self.padding(200))
        let second = WebSocketCloseReason(truncating: Self.padding(300))
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(first != WebSocketCloseReason(truncating: Self.padding(123)))
    }
}
