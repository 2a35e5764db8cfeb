import Testing

@testable import Errata

/// `UTF8Validation.firstInvalidOffset` is hand-written for speed; the standard library's UTF-8 parser is the
/// reference it must agree with, byte for byte, on any input.
@Suite struct UTF8ValidationTests {
    /// The offset of the first ill-formed sequence according to the standard library, or `nil`.
    static func referenceOffset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// Bytes biased towards the interesting ranges: ASCII runs (the 8-byte fast path), lead bytes around every
    /// boundary RFC 3629 draws, and continuation bytes.
    static func randomBytes(using generator: inout SplitMix64) -> [UInt8] {
        let interesting: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
            0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        let count = Int.random(in: 0...40, using: &generator)
        return (0..<count).map { _ in
            switch Int.random(in: 0..<4, using: &generator) {
            case 0, 1: UInt8.random(in: 0x20...0x7E, using: &generator)
            case 2: interesting.randomElement(using: &generator)!
            default: UInt8.random(in: 0...255, using: &generator)
            }
        }
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var generator = SplitMix64(state: 0x5EED)
        for _ in 0..<20_000 {
            let bytes = Self.randomBytes(using: &generator)
            let expected = Self.referenceOffset(bytes)
            #expect(UTF8Validation.firstInvalidOffset(bytes) == expected, "bytes: \(bytes)")
            #expect((expected == nil) == (String(validating: bytes, as: UTF8.self) != nil))
        }
    }

    @Test(
        arguments: [
            ("plain ASCII longer than one word", Array("{\"code\":20003,\"message\":\"x\"}".utf8), nil as Int?),
            ("emoji after a full word", Array("12345678😀".utf8), nil),
            ("overlong slash", [0x41, 0xC0, 0xAF], 1),
            ("UTF-16 surrogate encoded", [0xED, 0xA0, 0x80], 0),
            ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80], 0),
            ("truncated at the end after a word", Array("abcdefgh".utf8) + [0xE2, 0x82], 8),
            ("stray continuation inside a word", [0x61, 0x61, 0x61, 0x80, 0x61, 0x61, 0x61, 0x61, 0x61], 3),
        ] as [(String, [UInt8], Int?)]
    )
    func knownCases(_ name: String, _ bytes: [UInt8], _ expected: Int?) {
        #expect(UTF8Validation.firstInvalidOffset(bytes) == expected, "\(name)")
        #expect(Self.referenceOffset(bytes) == expected, "reference disagrees on \(name)")
    }
}
