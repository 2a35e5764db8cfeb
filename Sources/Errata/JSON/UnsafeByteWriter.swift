/// Writes bytes into memory the caller owns: a response buffer sized beforehand (with ``ByteCounter``), or scratch
/// space that a body may not fit in.
///
/// Hand-written for the render hot path: appending to an array checks and may grow its capacity on every piece,
/// which measured as a large share of a templated body's time. Each write still checks the room left: a write that
/// does not fit writes nothing and marks the writer ``isOverflowed``, so that a caller can size its storage exactly
/// and run again, and nothing is ever written past the buffer.
package struct UnsafeByteWriter: ByteSink {
    private let base: UnsafeMutablePointer<UInt8>?
    private let capacity: Int
    /// The number of bytes written.
    package private(set) var count = 0
    /// Whether a write did not fit: the bytes written are then not the whole output.
    package private(set) var isOverflowed = false

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
        guard count < capacity else {
            isOverflowed = true
            return
        }
        base.unsafelyUnwrapped[count] = byte
        count += 1
    }

    @inline(__always)
    package mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        guard bytes.count <= capacity - count else {
            isOverflowed = true
            return
        }
        Self.copy(bytes.count, from: source, to: base.unsafelyUnwrapped + count)
        count += bytes.count
    }

    /// Copies bytes; up to 16 of them as two overlapping loads and stores rather than a call to `memmove`, whose
    /// call measured as much as the copy for the short runs a body is made of (keys, quotes, short values).
    @inline(__always)
    private static func copy(_ count: Int, from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if count >= 8 && count <= 16 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
        } else if count >= 4 && count < 8 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
        } else if count < 4 {
            for offset in 0..<count { target[offset] = source[offset] }
        } else {
            target.update(from: source, count: count)
        }
    }
}
