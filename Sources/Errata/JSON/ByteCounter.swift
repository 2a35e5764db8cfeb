/// Counts the bytes a writer would write, writing none: the size query before an output is allocated.
package struct ByteCounter: ByteSink {
    package private(set) var count = 0
    package private(set) var lastByte: UInt8?

    package init() {}

    @inline(__always)
    package mutating func write(_ byte: UInt8) {
        count += 1
        lastByte = byte
    }

    @inline(__always)
    package mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let last = bytes.last else { return }
        count += bytes.count
        lastByte = last
    }
}
