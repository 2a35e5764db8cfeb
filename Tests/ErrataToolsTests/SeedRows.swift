/// The rows of the seed documents (`shared/seeds/`), transcribed as each page shows them.
///
/// Each row is a catalog entry name, the code as the page writes it (nil where the page gives none),
/// the HTTP status the page names (nil where it names none) and the message the page shows (nil where
/// it shows none). A test compares them with the bundled catalogs, so that a catalog cannot drift
/// from its page unnoticed.
enum SeedRows {
    typealias Row = (name: String, code: String?, status: Int?, message: String?)

    /// Seed 000, BlazeAuth WebSocket API: every status. WebSocket-only, and the page gives no messages.
    static let blazeauth: [Row] = [
        (name: "None", code: "0", status: nil, message: nil),
        (name: "Ok", code: "1", status: nil, message: nil),
        (name: "InvalidAPIKey", code: "2", status: nil, message: nil),
        (name: "NotAuthorized", code: "3", status: nil, message: nil),
        (name: "AlreadyInitialized", code: "4", status: nil, message: nil),
        (name: "TooManyRequests", code: "5", status: nil, message: nil),
        (name: "InternalServerError", code: "6", status: nil, message: nil),
        (name: "AlreadyAuthorized", code: "7", status: nil, message: nil),
        (name: "RateLimited", code: "8", status: nil, message: nil),
        (name: "LicenseNotFound", code: "100", status: nil, message: nil),
        (name: "LicenseTooShort", code: "101", status: nil, message: nil),
        (name: "LicenseTooLong", code: "102", status: nil, message: nil),
        (name: "LicenseExpired", code: "103", status: nil, message: nil),
        (name: "LicensePaused", code: "104", status: nil, message: nil),
        (name: "LicenseBlacklisted", code: "105", status: nil, message: nil),
        (name: "LicenseAlreadyLinked", code: "106", status: nil, message: nil),
        (name: "LicenseAlreadyActivated", code: "107", status: nil, message: nil),
        (name: "AppUserNotFound", code: "200", status: nil, message: nil),
        (name: "AppUserBlacklisted", code: "201", status: nil, message: nil),
        (name: "AppUserAlreadyExists", code: "202", status: nil, message: nil),
        (name: "AppUserHasNoValidLicenses", code: "203", status: nil, message: nil),
        (name: "AppUserRequiresLicense", code: "204", status: nil, message: nil),
        (name: "AppUserLoginTooShort", code: "205", status: nil, message: nil),
        (name: "AppUserLoginTooLong", code: "206", status: nil, message: nil),
        (name: "AppUserPasswordTooShort", code: "207", status: nil, message: nil),
        (name: "AppUserPasswordTooLong", code: "208", status: nil, message: nil),
        (name: "AppUserEmailInvalid", code: "209", status: nil, message: nil),
        (name: "AppUserCredentialsTypeInvalid", code: "210", status: nil, message: nil),
        (name: "FileNotFound", code: "300", status: nil, message: nil),
        (name: "FileInvalidName", code: "301", status: nil, message: nil),
        (name: "FileChecksumMismatch", code: "302", status: nil, message: nil),
        (name: "FileInvalidResumeOffset", code: "303", status: nil, message: nil),
        (name: "FileStorageQuotaExceeded", code: "304", status: nil, message: nil),
        (name: "FileNotBeingTransferred", code: "305", status: nil, message: nil),
        (name: "FileTransferStopped", code: "306", status: nil, message: nil),
        (name: "VariableNotFound", code: "400", status: nil, message: nil),
        (name: "VariableInvalidName", code: "401", status: nil, message: nil),
        (name: "ClientIDTooShort", code: "500", status: nil, message: nil),
        (name: "ClientIDTooLong", code: "501", status: nil, message: nil),
        (name: "ClientIDMismatch", code: "502", status: nil, message: nil),
        (name: "ClientIDBlacklisted", code: "503", status: nil, message: nil),
        (name: "AppNotFound", code: "600", status: nil, message: nil),
        (name: "AppPaused", code: "601", status: nil, message: nil),
        (name: "AppSessionsQuotaExceeded", code: "602", status: nil, message: nil),
        (name: "AppAccountsQuotaExceeded", code: "603", status: nil, message: nil),
        (name: "AppBlacklistsQuotaExceeded", code: "604", status: nil, message: nil),
        (name: "StoreValueNotFound", code: "700", status: nil, message: nil),
        (name: "StoreOutOfMemory", code: "701", status: nil, message: nil),
        (name: "StoreOutOfEntries", code: "702", status: nil, message: nil),
    ]

    /// Seed 001, PluralKit API v2: every row of the "JSON error codes" table.
    static let pluralkit: [Row] = [
        (name: "InternalServerError", code: "0", status: 500, message: "Internal server error, try again later"),
        (
            name: "BadRequest", code: "0", status: 400,
            message: "Invalid JSON, or invalid request format (check error key in the response body)"
        ),
        (name: "Unauthorized", code: "0", status: 401, message: "Missing or invalid Authorization header"),
        (
            name: "Forbidden", code: "0", status: 403,
            message: "Your access to the API is blocked - please contact us in the support server"
        ),
        (name: "SystemNotFound", code: "20001", status: 404, message: "System not found."),
        (name: "MemberNotFound", code: "20002", status: 404, message: "Member not found."),
        (name: "MemberRefNotFound", code: "20003", status: 404, message: "Member '{memberRef}' not found."),
        (name: "GroupNotFound", code: "20004", status: 404, message: "Group not found."),
        (name: "GroupRefNotFound", code: "20005", status: 404, message: "Group '{groupRef}' not found."),
        (name: "MessageNotFound", code: "20006", status: 404, message: "Message not found."),
        (name: "SwitchNotFound", code: "20007", status: 404, message: "Switch not found."),
        (
            name: "SwitchNotFoundOrInaccessible", code: "20008", status: 404,
            message: "Switch not found, switch associated with different system, or unauthorized to view front history."
        ),
        (
            name: "SystemGuildSettingsNotFound", code: "20009", status: 404,
            message: "No system guild settings found for target guild."
        ),
        (
            name: "MemberGuildSettingsNotFound", code: "20010", status: 404,
            message: "No member guild settings found for target guild."
        ),
        (name: "MemberListForbidden", code: "30001", status: 403, message: "Unauthorized to view member list"),
        (name: "GroupListForbidden", code: "30002", status: 403, message: "Unauthorized to view group list"),
        (
            name: "GroupMemberListForbidden", code: "30003", status: 403,
            message: "Unauthorized to view group member list"
        ),
        (
            name: "CurrentFrontersForbidden", code: "30004", status: 403,
            message: "Unauthorized to view current fronters."
        ),
        (name: "FrontHistoryForbidden", code: "30005", status: 403, message: "Unauthorized to view front history."),
        (name: "MemberNotInSystem", code: "30006", status: 403, message: "Target member is not part of your system."),
        (name: "GroupNotInSystem", code: "30007", status: 403, message: "Target group is not part of your system."),
        (
            name: "MemberRefNotInSystem", code: "30008", status: 403,
            message: "Member '{memberRef}' is not part of your system."
        ),
        (
            name: "GroupRefNotInSystem", code: "30009", status: 403,
            message: "Group '{groupRef}' is not part of your system."
        ),
        (
            name: "InvalidJSONModel", code: "40001", status: 400,
            message: "Error parsing JSON model (check errors key for details)"
        ),
        (
            name: "MissingAutoproxyMember", code: "40002", status: 400,
            message: "Missing autoproxy member for member-mode autoproxy."
        ),
        (name: "DuplicateMembers", code: "40003", status: 400, message: "Duplicate members in member list."),
        (
            name: "IdenticalFronterList", code: "40004", status: 400,
            message: "Member list identical to current fronter list."
        ),
        (
            name: "DuplicateSwitchTimestamp", code: "40005", status: 400,
            message: "Switch with provided timestamp already exists."
        ),
        (name: "InvalidSwitchID", code: "40006", status: 400, message: "Invalid switch ID."),
    ]

    /// Seed 002, REST API error codes 0–12. The page names the HTTP status of codes 1 and 10 only,
    /// and the message of code 0 only (its sample response).
    static let restErrorCodes: [Row] = [
        (name: "Unknown", code: "0", status: nil, message: "Unknown server side error occurred"),
        (name: "NotAllowed", code: "1", status: 405, message: nil),
        (name: "NotRealized", code: "2", status: nil, message: nil),
        (name: "InvalidStructure", code: "3", status: nil, message: nil),
        (name: "InvalidValue", code: "4", status: nil, message: nil),
        (name: "InvalidType", code: "5", status: nil, message: nil),
        (name: "AuthNotProvided", code: "6", status: nil, message: nil),
        (name: "AuthInvalid", code: "7", status: nil, message: nil),
        (name: "AuthExpired", code: "8", status: nil, message: nil),
        (name: "AuthForbidden", code: "9", status: nil, message: nil),
        (name: "NotExist", code: "10", status: 404, message: nil),
        (name: "ExternalService", code: "11", status: nil, message: nil),
        (name: "Database", code: "12", status: nil, message: nil),
    ]

    /// Seed 004, BatchData: the documented messages. The HTTP status is the code.
    static let batchdata: [Row] = [
        (name: "InvalidToken", code: nil, status: 401, message: "Invalid token."),
        (name: "AccountDisabled", code: nil, status: 403, message: "Account is disabled"),
        (name: "InsufficientBalance", code: nil, status: 403, message: "Insufficient balance"),
        (name: "TokenDisabled", code: nil, status: 403, message: "Token is disabled"),
        (name: "InsufficientPermissions", code: nil, status: 403, message: "Insufficient permissions"),
    ]
}
