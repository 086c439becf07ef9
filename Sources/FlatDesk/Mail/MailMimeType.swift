import CGMime

/// The Content-Type of a GMime object: lower-case type and subtype, and access to its parameters.
struct MailMimeType {
    let type: String
    let subtype: String
    private let object: UnsafeMutablePointer<GMimeObject>

    /// `type/subtype` without parameters.
    var essence: String { "\(type)/\(subtype)" }

    /// Reads the Content-Type of `object`; a missing one reads as text/plain, the RFC 2045 default.
    init(of object: UnsafeMutablePointer<GMimeObject>) {
        self.object = object
        let contentType = g_mime_object_get_content_type(object)
        type =
            contentType.flatMap { g_mime_content_type_get_media_type($0) }.map { String(cString: $0).lowercased() }
            ?? "text"
        subtype =
            contentType.flatMap { g_mime_content_type_get_media_subtype($0) }.map { String(cString: $0).lowercased() }
            ?? "plain"
    }

    /// Returns the decoded value of the Content-Type parameter `name`.
    func parameter(_ name: String) -> String? {
        g_mime_object_get_content_type_parameter(object, name).map { String(cString: $0) }
    }
}
