/// Writes bytes into memory the caller owns and sized beforehand (with ``ByteCounter``).
///
/// Hand-written for the render hot path: appending to an array checks and may grow its capacity on every piece,
/// which measured as a large share of a templated body's time. Each write is still bounds-checked, so a size
/// that was too small traps instead of writing past the buffer.
package struct UnsafeByteWriter: ByteSink {
    private let base: UnsafeMutablePointer<UInt8>?
    private let capacity: Int
    /// The number of bytes written.
    package private(set) var count = 0

    package init(_ buffer: UnsafeMutableRawBufferPointer) {
        base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        capacity = buffer.count
    }

    package init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress
        capacity = buffer.count
    }

    package var lastByte: UInt8? {
        guard let base, count > 0 else { return nil }
        return base[count - 1]
    }

    @inline(__always)
    package mutating func write(_ byte: UInt8) {
        precondition(count < capacity, "body larger than its computed size")
        base.unsafelyUnwrapped[count] = byte
        count += 1
    }

    @inline(__always)
    package mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        precondition(bytes.count <= capacity - count, "body larger than its computed size")
        (base.unsafelyUnwrapped + count).update(from: source, count: bytes.count)
        count += bytes.count
    }
}
