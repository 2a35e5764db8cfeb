import ErrataTools
import Testing

/// Malformed catalogs, each with the exact diagnostics loading it must give: file, line, column, what is wrong and
/// how to fix it. Each file has one mistake, so one diagnostic, unless the case says otherwise.
@Suite struct MalformedCatalogTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var expected: [String]

        init(_ name: String, _ yaml: String, _ expected: String...) {
            self.name = name
            self.yaml = yaml
            self.expected = expected
        }

        var testDescription: String { name }
    }

    static let path = "bad.errata.yaml"

    static func load(_ yaml: String) -> CatalogLoadResult {
        CatalogLoader().load(text: yaml, path: path)
    }

    // MARK: Unknown keys

    static let unknownKeys: [Case] = [
        Case(
            "unknown top-level key, misspelt",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelop: { format: problem }
            codes: []
            """#,
            "bad.errata.yaml:5:1: error: unknown key 'envelop' at the top level; did you mean 'envelope'?"
        ),
        Case(
            "unknown top-level key, not near any",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            owner: payments-team
            codes: []
            """#,
            "bad.errata.yaml:5:1: error: unknown key 'owner' at the top level; allowed keys are 'errata', 'id', "
                + "'title', 'version', 'docs', 'envelope', 'retryHeader', 'groups', 'codes', 'closeCodes', 'operations'"
        ),
        Case(
            "unknown entry key",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberNotFound
                code: 20002
                stauts: 404
            """#,
            "bad.errata.yaml:8:5: error: unknown key 'stauts' in code 'MemberNotFound'; did you mean 'status'?"
        ),
        Case(
            "misspelt required key is one error, not also a missing key",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - nmae: MemberNotFound
                status: 404
            """#,
            "bad.errata.yaml:6:5: error: unknown key 'nmae' in code #1; did you mean 'name'?"
        ),
        Case(
            "unknown envelope key, standing in for the body it names",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              boddy: { code: "{code}" }
            codes: []
            """#,
            "bad.errata.yaml:7:3: error: unknown key 'boddy' in 'envelope'; did you mean 'body'?"
        ),
        Case(
            "unknown close code key",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes: []
            closeCodes:
              - { code: 4201, name: RateLimitHit, reson: rate limit hit }
            """#,
            "bad.errata.yaml:7:39: error: unknown key 'reson' in close code 'RateLimitHit'; did you mean 'reason'?"
        ),
        Case(
            "unknown operation key",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: MemberNotFound, status: 404 }
            operations:
              - { name: GetMember, rout: "GET /members/{id}", codes: [MemberNotFound] }
            """#,
            "bad.errata.yaml:8:24: error: unknown key 'rout' in operation 'GetMember'; did you mean 'route'?"
        ),
        Case(
            "unknown parameter key",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberRefNotFound
                status: 404
                message: "Member '{memberRef}' not found."
                params:
                  memberRef: { tpye: string }
            """#,
            "bad.errata.yaml:10:20: error: unknown key 'tpye' in parameter 'memberRef' in code 'MemberRefNotFound'; "
                + "did you mean 'type'?"
        ),
    ]

    // MARK: Wrong types

    static let wrongTypes: [Case] = [
        Case(
            "text for a number",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberNotFound
                status: not found
            """#,
            "bad.errata.yaml:7:13: error: 'status' in code 'MemberNotFound' must be a whole number, found the text "
                + "'not found'"
        ),
        Case(
            "quoted status",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberNotFound
                status: "404"
            """#,
            "bad.errata.yaml:7:13: error: 'status' in code 'MemberNotFound' must be a whole number, found the text "
                + "'404'; remove the quotes"
        ),
        Case(
            "a mapping where a list belongs",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              name: MemberNotFound
              status: 404
            """#,
            "bad.errata.yaml:6:3: error: 'codes' must be a list (items starting with '- '), found a mapping"
        ),
        Case(
            "a list where a mapping belongs",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: Unauthorized
                status: 401
                headers: [WWW-Authenticate]
            """#,
            "bad.errata.yaml:8:14: error: 'headers' in code 'Unauthorized' must be a mapping from header name to "
                + "value, found a list"
        ),
        Case(
            "a mapping where text belongs",
            #"""
            errata: 1
            id: shop
            title: { en: Shop, fr: Boutique }
            version: 1.0.0
            codes: []
            """#,
            "bad.errata.yaml:3:8: error: 'title' must be text, found a mapping"
        ),
        Case(
            "a list where a code belongs",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: MemberNotFound, code: [20002] }
            """#,
            "bad.errata.yaml:6:35: error: 'code' in code 'MemberNotFound' must be a whole number or text, found a list"
        ),
        Case(
            "quoted Boolean",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: InvalidModel, status: 400, fields: "true" }
            """#,
            "bad.errata.yaml:6:48: error: 'fields' in code 'InvalidModel' must be true or false, found the text 'true'"
        ),
        Case(
            "misspelt kind",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: Ok, status: 200, kind: sucess }
            """#,
            "bad.errata.yaml:6:36: error: 'kind' in code 'Ok' is 'sucess', which is not one of 'error', 'success', "
                + "'informational', 'reserved', 'progress'; did you mean 'success'?"
        ),
    ]

    // MARK: Required keys and top-level values

    static let topLevel: [Case] = [
        Case(
            "missing name",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - code: 20002
                status: 404
            """#,
            "bad.errata.yaml:6:5: error: missing required key 'name' in code #1"
        ),
        Case(
            "missing codes",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            """#,
            "bad.errata.yaml:1:1: error: missing required key 'codes' at the top level"
        ),
        Case(
            "missing id",
            #"""
            errata: 1
            title: Shop
            version: 1.0.0
            codes: []
            """#,
            "bad.errata.yaml:1:1: error: missing required key 'id' at the top level"
        ),
        Case(
            "missing title",
            #"""
            errata: 1
            id: shop
            version: 1.0.0
            codes: []
            """#,
            "bad.errata.yaml:1:1: error: missing required key 'title' at the top level"
        ),
        Case(
            "missing version",
            #"""
            errata: 1
            id: shop
            title: Shop
            codes: []
            """#,
            "bad.errata.yaml:1:1: error: missing required key 'version' at the top level"
        ),
        Case(
            "missing errata",
            #"""
            id: shop
            title: Shop
            version: 1.0.0
            codes: []
            """#,
            "bad.errata.yaml:1:1: error: missing required key 'errata' at the top level"
        ),
        Case(
            "unsupported format version",
            #"""
            errata: 2
            id: shop
            title: Shop
            version: 1.0.0
            codes: []
            """#,
            "bad.errata.yaml:1:9: error: unsupported catalog format 'errata: 2'; this version of Errata reads format 1"
        ),
        Case(
            "bad id",
            #"""
            errata: 1
            id: My Shop
            title: Shop
            version: 1.0.0
            codes: []
            """#,
            "bad.errata.yaml:2:5: error: 'id' 'My Shop' must be lowercase letters, digits and '-' (at most 64), like "
                + "'pluralkit'; it names the catalog in URLs and file names"
        ),
        Case(
            "bad semantic version",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0
            codes: []
            """#,
            "bad.errata.yaml:4:10: error: 'version' '1.0' is not a semantic version; write MAJOR.MINOR.PATCH, like "
                + "'1.0.0'"
        ),
        Case(
            "unknown docs placeholder",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            docs: "https://example.com/errors#{cdoe}"
            codes: []
            """#,
            "bad.errata.yaml:5:7: error: 'docs' uses unknown placeholder '{cdoe}'; a documentation link may use "
                + "{code}, {name} and {status}; did you mean 'code'? [malformed-docs]"
        ),
    ]

    // MARK: Names, duplicates, ranges

    static let names: [Case] = [
        Case(
            "name not in UpperCamelCase",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: member_not_found, status: 404 }
            """#,
            "bad.errata.yaml:6:13: error: name 'member_not_found' must be UpperCamelCase (letters and digits, "
                + "starting with a capital), like 'MemberNotFound'; it becomes a Swift symbol"
        ),
        Case(
            "duplicate entry name",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: NotFound, status: 404 }
              - { name: Gone, status: 410 }
              - { name: NotFound, code: 20001 }
            """#,
            "bad.errata.yaml:8:13: error: duplicate code name 'NotFound', first used at line 6; names must be "
                + "unique, so rename one [duplicate-name]"
        ),
        Case(
            "duplicate entry name after an entry with other errors",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: Gone, status: 4100 }
              - { name: NotFound, status: 404 }
              - { name: NotFound, code: 20001 }
            """#,
            "bad.errata.yaml:6:27: error: 'status' in code 'Gone' is 4100, out of range; it must be 100–599",
            "bad.errata.yaml:8:13: error: duplicate code name 'NotFound', first used at line 7; names must be "
                + "unique, so rename one [duplicate-name]"
        ),
        Case(
            "duplicate close code name",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes: []
            closeCodes:
              - { code: 4201, name: RateLimitHit }
              - { code: 4202, name: RateLimitHit }
            """#,
            "bad.errata.yaml:8:25: error: duplicate close code name 'RateLimitHit', first used at line 7; names must "
                + "be unique, so rename one [duplicate-name]"
        ),
        Case(
            "duplicate operation name",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes: []
            operations:
              - { name: GetMember, route: "GET /members/{id}", codes: [] }
              - { name: GetMember, route: "GET /v2/members/{id}", codes: [] }
            """#,
            "bad.errata.yaml:8:13: error: duplicate operation name 'GetMember', first used at line 7; names must be "
                + "unique, so rename one [duplicate-name]"
        ),
        Case(
            "duplicate key",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberNotFound
                status: 404
                status: 410
            """#,
            "bad.errata.yaml:8:5: error: duplicate key 'status' in code 'MemberNotFound'; keep one"
        ),
        Case(
            "entry with neither code nor status",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberNotFound
                title: Member not found
            """#,
            "bad.errata.yaml:6:5: error: code 'MemberNotFound' has neither 'code' nor 'status'; give at least one so "
                + "the wire can identify it"
        ),
        Case(
            "statuses outside 100–599",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: Early, status: 99 }
              - { name: Late, status: 600 }
            """#,
            "bad.errata.yaml:6:28: error: 'status' in code 'Early' is 99, out of range; it must be 100–599",
            "bad.errata.yaml:7:27: error: 'status' in code 'Late' is 600, out of range; it must be 100–599"
        ),
        Case(
            "close code outside 1000–4999",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes: []
            closeCodes:
              - { code: 5000, name: RateLimitHit }
            """#,
            "bad.errata.yaml:7:13: error: 'code' in close code 'RateLimitHit' is 5000, out of range; it must be "
                + "1000–4999"
        ),
        Case(
            "bad group range",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            groups:
              - { name: Not found, codes: "20999...20001" }
            codes: []
            """#,
            "bad.errata.yaml:6:31: error: 'codes' of group 'Not found' must be a range 'LOW...HIGH' with LOW ≤ HIGH, "
                + "like '20001...20999', found the text '20999...20001'"
        ),
        Case(
            "bad route",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes: []
            operations:
              - { name: GetMember, route: "get members/{id}", codes: [] }
            """#,
            "bad.errata.yaml:7:31: error: 'route' 'get members/{id}' in operation 'GetMember' must be 'METHOD /path', "
                + "like 'GET /members/{memberRef}'"
        ),
    ]

    // MARK: Templates

    static let templates: [Case] = [
        Case(
            "unclosed brace",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberRefNotFound
                status: 404
                message: "Member '{memberRef' not found."
            """#,
            "bad.errata.yaml:8:23: error: malformed 'message' in code 'MemberRefNotFound': unclosed '{' at offset 8; "
                + "close the placeholder with '}' or write '{{' for a literal brace"
        ),
        Case(
            "stray closing brace",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberRefNotFound
                status: 404
                message: "Member memberRef} not found."
            """#,
            "bad.errata.yaml:8:31: error: malformed 'message' in code 'MemberRefNotFound': unmatched '}' at offset "
                + "16; write '}}' for a literal brace"
        ),
        Case(
            "empty placeholder",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberRefNotFound
                status: 404
                message: 'Member {} not found.'
            """#,
            "bad.errata.yaml:8:22: error: malformed 'message' in code 'MemberRefNotFound': empty placeholder '{}' at "
                + "offset 7; name a parameter, as in '{memberRef}', or write '{{}}' for literal braces"
        ),
        Case(
            "invalid parameter name",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberRefNotFound
                status: 404
                message: "Member {member-ref} not found."
            """#,
            "bad.errata.yaml:8:22: error: malformed 'message' in code 'MemberRefNotFound': invalid parameter name "
                + "'member-ref' at offset 7; use letters, digits and '_', starting with a letter (write '{{' for a "
                + "literal brace)"
        ),
        Case(
            "optional placeholder in a message",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberRefNotFound
                status: 404
                message: "Member {memberRef?} not found."
            """#,
            "bad.errata.yaml:8:22: error: malformed 'message' in code 'MemberRefNotFound': optional placeholder "
                + "'{memberRef?}' at offset 7 is only allowed in envelope templates; write '{memberRef}'"
        ),
        Case(
            "template error after a multi-byte character points at the brace",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: CoffeeMissing
                status: 404
                message: "Café ☕ {bad-name}"
            """#,
            "bad.errata.yaml:8:22: error: malformed 'message' in code 'CoffeeMissing': invalid parameter name "
                + "'bad-name' at offset 7; use letters, digits and '_', starting with a letter (write '{{' for a "
                + "literal brace)"
        ),
        Case(
            "template error in a string with escapes points at the string",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: Quoted
                status: 400
                message: "Say \"hi\" to {bad-name}"
            """#,
            "bad.errata.yaml:8:14: error: malformed 'message' in code 'Quoted': invalid parameter name 'bad-name' at "
                + "offset 12; use letters, digits and '_', starting with a letter (write '{{' for a literal brace)"
        ),
        Case(
            "template error in a block scalar points at the value",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: Folded
                status: 400
                message: >-
                  A long message
                  with {bad-name} in it
            """#,
            "bad.errata.yaml:8:14: error: malformed 'message' in code 'Folded': invalid parameter name 'bad-name' at "
                + "offset 20; use letters, digits and '_', starting with a letter (write '{{' for a literal brace)"
        ),
    ]

    // MARK: Envelopes

    static let envelopes: [Case] = [
        Case(
            "unknown envelope variable",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", message: "{mesage}" }
            codes: []
            """#,
            "bad.errata.yaml:7:36: error: unknown variable '{mesage}' in 'body' in 'envelope'; did you mean "
                + "'{message}'?"
        ),
        Case(
            "unquoted placeholder in a body",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: {code}, message: "{message}" }
            codes: []
            """#,
            "bad.errata.yaml:7:17: error: {code} in 'body' in 'envelope' is read by YAML as a mapping; quote it to "
                + "make it a placeholder: \"{code}\""
        ),
        Case(
            "optional member that is not an object",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", detail?: "{message}" }
            codes: []
            """#,
            "bad.errata.yaml:7:27: error: 'detail?' in 'body' in 'envelope': a '?' after a member name is for an "
                + "object whose members may all be left out, or an array of objects told apart by a constant member "
                + "(\"@type\": …), which is then left out too; for a value, write \"{var?}\""
        ),
        Case(
            "other statuses without a status",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: SlowDown, code: 1, otherStatuses: [429] }
            """#,
            "bad.errata.yaml:6:47: error: 'otherStatuses' in code 'SlowDown' needs a 'status', the one a server "
                + "writes; the others are statuses the API also answers this error with"
        ),
        Case(
            "another status twice",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: SlowDown, status: 403, otherStatuses: [429, 403] }
            """#,
            "bad.errata.yaml:6:57: error: 403 is in 'otherStatuses' in code 'SlowDown' twice, or is its 'status'; "
                + "list each status once"
        ),
        Case(
            "another status that is not an error status",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - { name: SlowDown, status: 403, otherStatuses: [302] }
            """#,
            "bad.errata.yaml:6:52: error: an item of 'otherStatuses' in code 'SlowDown' is 302, out of range; it "
                + "must be 400–599"
        ),
        Case(
            "a described attribute the item does not carry",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", errors: "{errors?}" }
              fieldErrors:
                layout: list
                item: { field: "{field}", code: "{attributes.code}" }
                attributes: { kind: { values: [a, b] } }
            codes: []
            """#,
            "bad.errata.yaml:11:19: error: attribute 'kind' in 'fieldErrors.attributes' is not in "
                + "'fieldErrors.item'; write \"{attributes.kind}\" where the item carries it, or remove it (the item's "
                + "attributes: code)"
        ),
        Case(
            "an attribute value listed twice",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", errors: "{errors?}" }
              fieldErrors:
                layout: list
                item: { field: "{field}", code: "{attributes.code}" }
                attributes: { code: { values: [missing, invalid, missing] } }
            codes: []
            """#,
            "bad.errata.yaml:11:54: error: value 'missing' of attribute 'code' in 'fieldErrors.attributes' is "
                + "listed twice; list each value once"
        ),
        Case(
            "attribute values that are neither a list nor a mapping",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", errors: "{errors?}" }
              fieldErrors:
                layout: list
                item: { field: "{field}", code: "{attributes.code}" }
                attributes: { code: { values: missing } }
            codes: []
            """#,
            "bad.errata.yaml:11:35: error: 'values' of attribute 'code' in 'fieldErrors.attributes' must be a list "
                + "of values, or a mapping of each value to what it means, found the text 'missing'"
        ),
        Case(
            "a parameter value listed twice",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: Declined
                code: 1
                message: "Declined: {reason}."
                params: { reason: { values: [lost_card, stolen_card, lost_card] } }
            """#,
            "bad.errata.yaml:9:58: error: value 'lost_card' of parameter 'reason' in code 'Declined' is listed "
                + "twice; list each value once"
        ),
        Case(
            "a retry header that is not a header name",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            retryHeader: "Should Retry"
            codes: []
            """#,
            "bad.errata.yaml:5:14: error: 'retryHeader' 'Should Retry' is not a header field name; write one like "
                + "'Stripe-Should-Retry' (letters, digits and -)"
        ),
        Case(
            "a leaf member for a layout that is not a tree",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", errors: "{errors?}" }
              fieldErrors: { layout: map, leaf: _errors, item: { message: "{message}" } }
            codes: []
            """#,
            "bad.errata.yaml:8:37: error: 'fieldErrors.leaf' is for 'layout: tree', where it names the member "
                + "holding each field's errors; remove it, or use 'layout: tree'"
        ),
        Case(
            "a leaf member with a dot",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", errors: "{errors?}" }
              fieldErrors: { layout: tree, leaf: a.b, item: { message: "{message}" } }
            codes: []
            """#,
            "bad.errata.yaml:8:38: error: 'fieldErrors.leaf' must be a member name without dots, like '_errors' "
                + "(dots separate the levels of a field's name in the tree)"
        ),
        Case(
            "optional variable written as a string",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", status: "{status?:string}" }
            codes: []
            """#,
            "bad.errata.yaml:7:35: error: '{status?:string}' in 'body' in 'envelope': a variable written as a string "
                + "cannot be optional; write \"{status:string}\", or \"{status?}\" for its own JSON type"
        ),
        Case(
            "unknown variable written as a string",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", status: "{stats:string}" }
            codes: []
            """#,
            "bad.errata.yaml:7:35: error: unknown variable '{stats}' in 'body' in 'envelope'; did you mean '{status}'?"
        ),
        Case(
            "optional array with an element that is not an object",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body:
                code: "{code}"
                details?:
                  - { "@type": info, reason: "{params.reason?}" }
                  - "{params.extra?}"
            codes: []
            """#,
            "bad.errata.yaml:11:9: error: element 2 of 'details?' in 'body' in 'envelope' is not an object; an "
                + "optional array holds objects told apart by a constant member (\"@type\": …); remove the '?' for a "
                + "fixed array"
        ),
        Case(
            "optional array with an element without a tag",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body:
                code: "{code}"
                details?: [{ reason: "{params.reason?}" }]
            codes: []
            """#,
            "bad.errata.yaml:9:16: error: element 1 of 'details?' in 'body' in 'envelope' has no constant member to "
                + "tell it apart; give it one (\"@type\": \"…\") or remove the '?'"
        ),
        Case(
            "optional array with an element that is never written",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body:
                code: "{code}"
                details?: [{ "@type": info, reason: "{params.reason?}" }, { "@type": help }]
            codes: []
            """#,
            "bad.errata.yaml:9:63: error: element 2 of 'details?' in 'body' in 'envelope' has no placeholder, so it "
                + "would never be written; give it a member such as \"{params.NAME?}\""
        ),
        Case(
            "optional array whose elements are not told apart",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body:
                code: "{code}"
                details?:
                  - { "@type": info, reason: "{params.reason?}" }
                  - { "@type": info, kind: retry, delay: "{retryAfterSeconds}" }
            codes: []
            """#,
            "bad.errata.yaml:11:9: error: elements 1 and 2 of 'details?' in 'body' in 'envelope' are not told "
                + "apart: give both a constant member with different values (\"@type\": …)"
        ),
        Case(
            "optional object with a member always written",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", details?: { name: "{params.name?}", kind: "{params.kind}" } }
            codes: []
            """#,
            "bad.errata.yaml:7:27: error: 'details?' in 'body' in 'envelope' is never left out: its member 'kind' is "
                + "always written; make that member optional (\"{var?}\") or remove the '?'"
        ),
        Case(
            "optional placeholder inside interpolated text",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { error: "{code}: {message?}" }
            codes: []
            """#,
            "bad.errata.yaml:7:18: error: optional placeholder '{message?}' in 'body' in 'envelope' must stand alone "
                + "in its string, because it removes the whole member when absent; write '{message}' here"
        ),
        Case(
            "body on a problem envelope",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: problem
              body: { code: "{code}" }
            codes: []
            """#,
            "bad.errata.yaml:7:9: error: 'body' in 'envelope' is for json envelopes; a problem envelope adds members "
                + "with 'extensions'"
        ),
        Case(
            "json envelope without a body",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
            codes: []
            """#,
            "bad.errata.yaml:6:3: error: a json envelope needs a 'body' describing the error JSON, like { code: "
                + "\"{code}\", message: \"{message}\" }"
        ),
        Case(
            "bad fieldErrors layout",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", errors: "{errors?}" }
              fieldErrors:
                layout: dictionary
                item: { message: "{message}" }
            codes: []
            """#,
            "bad.errata.yaml:9:13: error: 'fieldErrors.layout' is 'dictionary', which is not one of 'map', 'list', 'tree'"
        ),
        Case(
            "unknown fieldErrors item variable",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: json
              body: { code: "{code}", errors: "{errors?}" }
              fieldErrors: { layout: map, item: { field: "{feild}" } }
            codes: []
            """#,
            "bad.errata.yaml:8:46: error: unknown variable '{feild}' in 'fieldErrors.item'; did you mean '{field}'?"
        ),
        Case(
            "problem extension that is an RFC 9457 member",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            envelope:
              format: problem
              extensions: { status: "{code}" }
            codes: []
            """#,
            "bad.errata.yaml:7:17: error: extension member 'status' in 'envelope' is an RFC 9457 member already; "
                + "choose another name"
        ),
    ]

    // MARK: Lint allowances and headers

    static let entryDetails: [Case] = [
        Case(
            "parameter constant not of its type",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: OutOfStock
                code: 1
                status: 409
                message: "Only {left} left."
                params:
                  left: { type: integer, const: many }
            """#,
            "bad.errata.yaml:11:37: error: 'const' of parameter 'left' in code 'OutOfStock' is 'many', which is not a "
                + "JSON integer; write one like '402', or declare the parameter's 'type' as string"
        ),
        Case(
            "parameter constant that is not a single value",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: OutOfStock
                code: 1
                status: 409
                message: "Sold out ({kind})."
                params:
                  kind: { const: [card_error] }
            """#,
            "bad.errata.yaml:11:22: error: 'const' of parameter 'kind' in code 'OutOfStock' must be a single string "
                + "value, found a list; write the value itself, like 'const: card_error'"
        ),
        Case(
            "unknown lint rule",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: BadRequest
                code: 0
                status: 400
                lint: { allow: [shared-cdoe], reason: "code 0 is every generic error" }
            """#,
            "bad.errata.yaml:9:21: error: unknown lint rule 'shared-cdoe' in code 'BadRequest'; did you mean "
                + "'shared-code'?"
        ),
        Case(
            "lint allowance without a reason",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: BadRequest
                code: 0
                status: 400
                lint: { allow: [shared-code] }
            """#,
            "bad.errata.yaml:9:11: error: missing required key 'reason' in 'lint' in code 'BadRequest'"
        ),
        Case(
            "bad header name",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: Unauthorized
                status: 401
                headers: { "WWW Authenticate": Bearer }
            """#,
            "bad.errata.yaml:8:16: error: header name 'WWW Authenticate' in code 'Unauthorized' is not a valid HTTP "
                + "field name; use letters, digits and '-', like 'WWW-Authenticate'"
        ),
        Case(
            "header value with a newline",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: Unauthorized
                status: 401
                headers: { WWW-Authenticate: "Bearer\nSet-Cookie: session=stolen" }
            """#,
            "bad.errata.yaml:8:34: error: value of header 'WWW-Authenticate' in code 'Unauthorized' contains a line "
                + "break or NUL, which would split the response; write it on one line"
        ),
        Case(
            "bad parameter name",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberRefNotFound
                status: 404
                params: { member-ref: { type: string } }
            """#,
            "bad.errata.yaml:8:15: error: parameter name 'member-ref' in code 'MemberRefNotFound' is not valid; use "
                + "letters, digits and '_', starting with a letter, like 'memberRef'"
        ),
    ]

    // MARK: The file as a whole

    static let files: [Case] = [
        Case(
            "bad indentation",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberNotFound
                status: 404
               title: Member not found
            """#,
            "bad.errata.yaml:8:4: error: invalid YAML: did not find expected '-' indicator while parsing a block "
                + "collection that starts at line 6, column 3; check the indentation of this line"
        ),
        Case(
            "unclosed quote",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes:
              - name: MemberNotFound
                status: 404
                message: "Member not found.
                title: Member not found
            """#,
            "bad.errata.yaml:9:28: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar "
                + "that starts at line 8, column 14"
        ),
        Case(
            "a second document",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes: []
            ---
            errata: 1
            """#,
            "bad.errata.yaml:6:1: error: a catalog file holds one YAML document; remove the second '---' or split the "
                + "file"
        ),
        Case(
            "an empty file",
            "",
            "bad.errata.yaml:1:1: error: the file is empty; a catalog starts with 'errata: 1', 'id', 'title', "
                + "'version' and 'codes'"
        ),
        Case(
            "a file of comments only",
            "# TODO: write the catalog\n",
            "bad.errata.yaml:1:1: error: the file is empty; a catalog starts with 'errata: 1', 'id', 'title', "
                + "'version' and 'codes'"
        ),
        Case(
            "a list, not a mapping",
            #"""
            - name: MemberNotFound
              status: 404
            """#,
            "bad.errata.yaml:1:1: error: expected a mapping at the top level, found a list"
        ),
        Case(
            "an alias with no anchor",
            #"""
            errata: 1
            id: shop
            title: Shop
            version: 1.0.0
            codes: *all
            """#,
            "bad.errata.yaml:5:8: error: alias '*all' refers to no anchor; define '&all' before using it"
        ),
    ]

    @Test(arguments: unknownKeys + wrongTypes + topLevel + names + templates + envelopes + entryDetails + files)
    func reportsExactDiagnostic(_ malformed: Case) {
        let result = Self.load(malformed.yaml)
        #expect(result.catalog == nil)
        #expect(result.diagnostics.map(\.description) == malformed.expected)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error && $0.location?.file == Self.path })
    }

    @Test func tableCoversAtLeastThirtyCatalogs() {
        let all =
            Self.unknownKeys + Self.wrongTypes + Self.topLevel + Self.names + Self.templates + Self.envelopes
            + Self.entryDetails + Self.files
        #expect(all.count >= 30)
        #expect(Set(all.map(\.name)).count == all.count)
    }

    @Test func reportsEveryProblemInOnePassInFileOrder() {
        // Decoding visits envelope, groups, codes, close codes and operations in that order; this file writes
        // them in another, and has problems in each, so file order is not decoding order.
        let yaml = #"""
            errata: 1
            id: Shop
            title: Shop
            version: 1.0
            operations:
              - { name: GetMember, route: "GET /members/{id}", codes: [MemberNotFound] }
              - { name: GetMember, codes: [] }
            codes:
              - name: MemberNotFound
                stauts: 404
              - name: member_gone
                status: 410
                message: "Member {id} is {gone"
            closeCodes:
              - { code: 999, name: RateLimitHit }
            envelope:
              format: json
              body: { code: "{cod}" }
            """#
        let result = Self.load(yaml)
        #expect(result.catalog == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "bad.errata.yaml:2:5: error: 'id' 'Shop' must be lowercase letters, digits and '-' (at most 64), like "
                    + "'pluralkit'; it names the catalog in URLs and file names",
                "bad.errata.yaml:4:10: error: 'version' '1.0' is not a semantic version; write MAJOR.MINOR.PATCH, like "
                    + "'1.0.0'",
                "bad.errata.yaml:7:13: error: duplicate operation name 'GetMember', first used at line 6; names must "
                    + "be unique, so rename one [duplicate-name]",
                "bad.errata.yaml:10:5: error: unknown key 'stauts' in code 'MemberNotFound'; did you mean 'status'?",
                "bad.errata.yaml:11:11: error: name 'member_gone' must be UpperCamelCase (letters and digits, starting "
                    + "with a capital), like 'MemberGone'; it becomes a Swift symbol",
                "bad.errata.yaml:13:30: error: malformed 'message' in code 'member_gone': unclosed '{' at offset 15; "
                    + "close the placeholder with '}' or write '{{' for a literal brace",
                "bad.errata.yaml:15:13: error: 'code' in close code 'RateLimitHit' is 999, out of range; it must be "
                    + "1000–4999",
                "bad.errata.yaml:18:17: error: unknown variable '{cod}' in 'body' in 'envelope'; did you mean '{code}'?",
            ]
        )
    }

    @Test func reportsTabsInJSONCatalogsAtTheirColumn() {
        // A tab in a .errata.json file is white space one column wide, as JSON reads it.
        let json =
            "{\n\t\"errata\": 1,\n\t\"id\": \"shop\",\n\t\"title\": \"Shop\",\n\t\"version\": \"1.0.0\",\n"
            + "\t\"codes\": [\n\t\t{ \"name\": \"MemberNotFound\", \"stauts\": \"404\" }\n\t]\n}\n"
        let result = CatalogLoader().load(text: json, path: "bad.errata.json")
        #expect(result.catalog == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "bad.errata.json:7:31: error: unknown key 'stauts' in code 'MemberNotFound'; did you mean 'status'?",
                "bad.errata.json:7:41: error: 'status' in code 'MemberNotFound' must be a whole number, found the text "
                    + "'404'; remove the quotes",
            ]
        )
    }
}
