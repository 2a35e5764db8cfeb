/// Where JSON bytes go: a growing array, a counter that sizes an output before it is written, or a buffer.
///
/// The renderer runs a body program over an ``UnsafeByteWriter`` into scratch space, or over a ``ByteCounter`` and
/// then an ``UnsafeByteWriter`` into storage of the counted size (an array's or a caller's, such as a response
/// buffer), so no write grows a capacity. Generic rather than an existential so that each sink's code is
/// specialised.
package protocol ByteSink {
    mutating func write(_ byte: UInt8)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The last byte written, for commas that depend on whether an object or array is still empty.
    var lastByte: UInt8? { get }
}

extension ByteSink {
    /// Writes the UTF-8 of a static string (`null`, `true`, …).
    @inline(__always)
    mutating func write(_ text: StaticString) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes a string's UTF-8.
    @inline(__always)
    mutating func write(utf8 string: String) {
        var string = string
        string.withUTF8 { write($0) }
    }
}

extension Array: ByteSink where Element == UInt8 {
    @inline(__always)
    package mutating func write(_ byte: UInt8) { append(byte) }

    @inline(__always)
    package mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }

    package var lastByte: UInt8? { last }
}
