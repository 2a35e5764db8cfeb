import Errata
import Hummingbird
import NIOCore

extension ErrataServer {
    /// Any HTTP status, with the headers its semantics require and a problem body where a body is allowed.
    func status(_ request: Request, _ text: String) throws -> Response {
        guard let code = Int(text), (100...599).contains(code) else {
            throw ServeErrors.error("InvalidStatus", ["status": text, "reason": "write a number from 200 to 599"])
        }
        guard code >= 200 else {
            throw ServeErrors.error(
                "InvalidStatus",
                ["status": text, "reason": "1xx statuses are interim responses, never a final answer"]
            )
        }
        let definition = HTTPStatusRegistry.standard.definition(for: code)
        let status = HTTPResponse.Status(code: code, reasonPhrase: definition?.reasonPhrase ?? "")
        var headers = HTTPFields()
        switch code {
        case 300...399 where code != 304: headers[.location] = "/"
        case 401: headers[.wwwAuthenticate] = #"Bearer realm="errata""#
        case 405: headers[.allow] = "GET, HEAD"
        case 407: headers[.proxyAuthenticate] = #"Basic realm="errata""#
        case 416: headers[.contentRange] = "bytes */0"
        case 426: headers[.upgrade] = "HTTP/2"
        case 429, 503:
            headers[.retryAfter] =
                request.uri.queryParameters.get("retryAfter").flatMap { Int($0) }.map(String.init) ?? "1"
        default: break
        }
        let mayHaveContent = definition?.mayHaveContent ?? true
        guard mayHaveContent && request.method != .head else {
            return Response(status: status, headers: headers)
        }
        let entry = ErrorEntry(name: "Status\(code)", status: status, kind: code < 400 ? .success : .error)
        let renderer = try ErrorRenderer(
            catalog: ErrorCatalog(id: "status", title: "HTTP status", envelope: .problem, entries: [entry]),
            envelope: .problem
        )
        let rendered = renderer.render(APIError(unchecked: entry))
        headers[.contentType] = "application/problem+json"
        return Response(
            status: status,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: rendered.body))
        )
    }
}
