import Errata
import NIOCore

/// The static bodies of a renderer's catalog entries, each written into a `ByteBuffer` once.
///
/// A static error (an entry without parameters, as most 401s and 403s are) renders the same bytes every time, which
/// the renderer shares as one array (``RenderedError/sharedBody``). Handing out a copy of a buffer made once saves
/// the response a buffer allocation and a copy of the bytes on every such error: `ByteBuffer` is copy-on-write, and
/// NIO writes a response's buffer without modifying it.
struct StaticBodyBuffers: Sendable {
    private struct Body: Sendable {
        var bytes: [UInt8]
        var buffer: ByteBuffer
    }

    private let catalog: ErrorCatalog
    private let bodies: [Body]

    init(_ renderer: ErrorRenderer) {
        self.catalog = renderer.catalog
        self.bodies = renderer.staticBodies.map { Body(bytes: $0, buffer: ByteBuffer(bytes: $0)) }
    }

    /// The buffer holding `rendered`'s body, when that body is its entry's static body; `nil` otherwise.
    ///
    /// The body is recognised by its storage, not its bytes: the renderer hands out the entry's own array, so a
    /// body sharing that array's storage is those bytes, and comparing two addresses costs nothing. Another
    /// renderer's body for the same entry (the problem alternative's) has storage of its own and is not taken for it.
    func buffer(for rendered: RenderedError) -> ByteBuffer? {
        guard let body = rendered.sharedBody, !body.isEmpty, let index = rendered.index(in: catalog),
            index < bodies.count
        else { return nil }
        let known = bodies[index]
        guard known.bytes.count == body.count, Self.address(of: known.bytes) == Self.address(of: body) else {
            return nil
        }
        return known.buffer
    }

    private static func address(of bytes: [UInt8]) -> UnsafeRawPointer? {
        bytes.withUnsafeBytes { $0.baseAddress }
    }
}
