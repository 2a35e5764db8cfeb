public import Errata

/// The static bodies of a renderer's catalog entries, each made once into an adapter's own buffer type (NIO's
/// `ByteBuffer` for Hummingbird and Vapor).
///
/// A static error (an entry without parameters, as most 401s and 403s are) renders the same bytes every time, which
/// the renderer shares as one array (``Errata/RenderedError/sharedBody``). Handing out a copy of a buffer made once
/// saves the response a buffer allocation and a copy of the bytes on every such error: `ByteBuffer` is
/// copy-on-write, and NIO writes a response's buffer without modifying it.
@_spi(ErrataIntegration)
public struct StaticBodies<Buffer: Sendable>: Sendable {
    @usableFromInline
    struct Body: Sendable {
        @usableFromInline var bytes: [UInt8]
        @usableFromInline var buffer: Buffer

        init(bytes: [UInt8], buffer: Buffer) {
            self.bytes = bytes
            self.buffer = buffer
        }
    }

    /// By position in the renderer's catalog. No catalog is kept to check where a rendered error comes from: the
    /// shared array's address does, and a `StaticBodies` holding an `ErrorCatalog` was copied whole, a retain per
    /// reference, each time a middleware asked it for a buffer.
    @usableFromInline let bodies: [Body]

    /// Makes each entry's static body into a buffer with `make`.
    public init(_ renderer: ErrorRenderer, make: ([UInt8]) -> Buffer) {
        self.bodies = renderer.staticBodies.map { Body(bytes: $0, buffer: make($0)) }
    }

    /// The buffer holding `rendered`'s body, when that body is its entry's static body; `nil` otherwise.
    ///
    /// The body is recognised by its storage, not its bytes: the renderer hands out the entry's own array, so a
    /// body sharing that array's storage is those bytes, and comparing two addresses costs nothing. Another
    /// renderer's body for the same entry (the problem alternative's) has storage of its own and is not taken for it.
    ///
    /// Inlinable, so that it is specialised for the adapter's buffer type where it is called: unspecialised, it
    /// looked up its types' metadata on every call, which cost more than the rest of it.
    @inlinable
    public func buffer(for rendered: RenderedError) -> Buffer? {
        guard let body = rendered.sharedBody, !body.isEmpty, let index = rendered.entryPosition, index < bodies.count
        else { return nil }
        let known = bodies[index]
        guard known.bytes.count == body.count, Self.address(of: known.bytes) == Self.address(of: body) else {
            return nil
        }
        return known.buffer
    }

    @usableFromInline
    static func address(of bytes: [UInt8]) -> UnsafeRawPointer? {
        bytes.withUnsafeBytes { $0.baseAddress }
    }
}
