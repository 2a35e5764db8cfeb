import HTTPTypes
import NIOHTTP1

extension HTTPFields {
    /// Vapor's headers as HTTP fields; a name that is not a valid field name is left out.
    init(_ headers: HTTPHeaders) {
        self.init()
        reserveCapacity(headers.count)
        for (name, value) in headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            append(HTTPField(name: fieldName, value: value))
        }
    }
}

extension HTTPHeaders {
    /// HTTP fields as Vapor's headers, in order.
    init(_ fields: HTTPFields) {
        self.init()
        reserveCapacity(fields.count)
        for field in fields {
            add(name: field.name.rawName, value: field.value)
        }
    }
}
