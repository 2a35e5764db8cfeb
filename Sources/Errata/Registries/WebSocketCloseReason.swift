/// The reason text of a Close frame: at most 123 bytes of UTF-8.
///
/// RFC 6455 §5.5 limits the payload of a control frame to 125 bytes, and a Close frame spends 2 of them
/// on the status code (§5.5.1), leaving 123 for the reason, which must be valid UTF-8. A reason built
/// with ``init(truncating:)`` always fits and is always valid UTF-8.
///
/// https://www.rfc-editor.org/rfc/rfc6455.html#section-5.5.1
public struct WebSocketCloseReason: Hashable, Sendable {
    /// The most bytes of UTF-8 a Close frame has room for after its 2-byte status code.
    public static let maximumByteCount = 123

    /// The reason text, at most ``maximumByteCount`` bytes of UTF-8.
    public let text: String

    /// Whether ``init(truncating:)`` had to cut the text it was given to make it fit.
    public let wasTruncated: Bool

    /// The length of ``text`` in bytes of UTF-8, as it goes into the Close frame.
    public var utf8ByteCount: Int {
        self.text.utf8.count
    }

    /// Creates a reason from text, cutting it to fit a Close frame if it is too long.
    ///
    /// Text of at most ``maximumByteCount`` bytes of UTF-8 is kept as it is. Longer text is cut to the
    /// longest prefix that fits and ends on a `Character` (extended grapheme cluster) boundary, so an
    /// emoji, a flag, a ZWJ sequence or a letter with its combining marks is kept whole or dropped
    /// whole. Only when the first `Character` alone is longer than the limit (say, a letter carrying
    /// dozens of combining marks) does the cut fall on a Unicode scalar boundary inside it instead, so
    /// that some text survives. Either way the cut never splits a multi-byte scalar, and the result is
    /// a prefix of `text`.
    ///
    /// - Parameter text: The reason to send; any length.
    public init(truncating text: String) {
        let limit = Self.maximumByteCount
        guard text.utf8.count > limit else {
            self.text = text
            self.wasTruncated = false
            return
        }

        var end = text.startIndex
        var byteCount = 0
        for index in text.indices {
            let characterByteCount = text[index].utf8.count
            guard byteCount + characterByteCount <= limit else { break }
            byteCount += characterByteCount
            end = text.index(after: index)
        }

        if end == text.startIndex {
            // The first Character alone does not fit: cut between its scalars instead.
            let scalars = text.unicodeScalars
            var scalarEnd = scalars.startIndex
            byteCount = 0
            for index in scalars.indices {
                let scalarByteCount = UTF8.width(scalars[index])
                guard byteCount + scalarByteCount <= limit else { break }
                byteCount += scalarByteCount
                scalarEnd = scalars.index(after: index)
            }
            end = scalarEnd
        }

        // Slice the scalars, not the String: String's subscript would round `end` down to a Character boundary.
        self.text = String(Substring(text.unicodeScalars[..<end]))
        self.wasTruncated = true
    }
}

extension WebSocketCloseReason: CustomStringConvertible {
    /// The reason text.
    public var description: String {
        self.text
    }
}
