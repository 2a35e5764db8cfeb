import Errata
import ErrataTools
import Foundation
import HTTPTypes

/// One decoder per bundled catalog (every `*.errata.yaml` in `Catalogs/`), built once per process: the catalogs are
/// read from beside this package (found through `#filePath`, as the test suites find their fixtures).
let decoders: [ErrorDecoder] = {
    let root = "/" + "\(#filePath)".split(separator: "/").dropLast(3).joined(separator: "/")
    let folder = root + "/Catalogs"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".errata.yaml") }.sorted()
    guard !names.isEmpty else { fatalError("no catalogs in \(folder)") }
    return names.map { name in
        let path = "\(folder)/\(name)"
        guard let catalog = CatalogLoader().load(path: path).catalog else { fatalError("cannot load \(path)") }
        return ErrorDecoder(catalog: catalog)
    }
}()

/// The statuses the first byte chooses between: each catalog's own, and some it does not declare.
let statuses: [Int] = [200, 400, 401, 403, 404, 409, 413, 422, 429, 500, 502, 503, 504, 599]

/// The content types the second byte chooses between (the decoder picks the envelope by media type).
let contentTypes: [String?] = [
    nil, "application/json", "application/problem+json", "application/json; charset=utf-8", "text/plain",
]

/// Decodes the input as an error response from every bundled catalog's API. The first byte picks the status
/// (or none: a WebSocket status packet), the second the `Content-Type` and whether a `Retry-After` comes with it;
/// the rest is the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzErrorDecoder(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard input.count >= 2 else { return 0 }
    let statusChoice = Int(input[0]) % (statuses.count + 1)
    let status = statusChoice < statuses.count ? HTTPResponse.Status(code: statuses[statusChoice]) : nil
    var fields = HTTPFields()
    if let contentType = contentTypes[Int(input[1]) % contentTypes.count] {
        fields[.contentType] = contentType
    }
    if input[1] & 0x80 != 0 {
        fields[.retryAfter] = input[1] & 0x40 != 0 ? "120" : "Wed, 21 Oct 2015 07:28:00 GMT"
    }
    let body = Array(input[2...])
    for decoder in decoders {
        let decoded = decoder.decode(status: status, headerFields: fields, body: body, now: 1_445_412_000)
        // Whatever the bytes, the raw body comes back (cut to the limit), so a caller can always log it.
        if decoded.rawBody.count != min(body.count, decoder.limits.maximumBodySize) {
            fatalError("raw body of \(decoded.rawBody.count) bytes for a body of \(body.count)")
        }
        _ = decoder.decodeStatusPacket(body)
    }
    return 0
}
