/// Where UTF-8 stops being well formed.
///
/// Hand-written because it runs on every decode, over the whole body before the parser reads it:
/// `String(validating:as:)` copies the bytes into a new string only to throw it away, and over an array slice it
/// runs generic code that looks up type metadata per call (measured as a tenth of a decode). ASCII, most of any
/// error body, is skipped eight bytes at a time.
enum UTF8Validation {
    /// The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or `nil` when all of it is.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidOffset)
    }

    /// The offset in `buffer` of the first byte that is not part of well-formed UTF-8, or `nil` when all of it is.
    static func firstInvalidOffset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = buffer.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // RFC 3629 §4: the well-formed sequences, with overlongs and surrogates excluded by the second
            // byte's range.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index
            }
            guard index + length <= count, (low...high).contains(buffer[index + 1]) else { return index }
            for offset in 2..<length where !(0x80...0xBF).contains(buffer[index + offset]) { return index }
            index += length
        }
        return nil
    }
}
