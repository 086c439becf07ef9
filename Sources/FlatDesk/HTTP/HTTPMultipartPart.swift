import Foundation

/// One part of a `multipart/form-data` body: a form field or an uploaded file.
public struct HTTPMultipartPart: Sendable, Equatable {
    /// The field name from `Content-Disposition: form-data; name="…"`.
    public var name: String
    /// The file name from the `filename*` or `filename` parameter, or nil for a plain field.
    public var filename: String?
    /// The part's `Content-Type` header, or nil when absent (RFC 7578 then implies `text/plain`).
    public var contentType: String?
    /// Every header of the part.
    public var headers: [HTTPHeaders.Field]
    /// The part's content, without the line break that precedes the next delimiter.
    public var data: [UInt8]

    /// Creates a part from its decoded pieces.
    public init(
        name: String,
        filename: String? = nil,
        contentType: String? = nil,
        headers: [HTTPHeaders.Field] = [],
        data: [UInt8]
    ) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.headers = headers
        self.data = data
    }

    /// The content decoded as UTF-8, replacing invalid sequences with U+FFFD.
    public var text: String { String(decoding: data, as: UTF8.self) }

    /// The content as `Data`.
    public var contentData: Data { Data(data) }
}
