extension HTTPRequest {
    /// The `Content-Type` header, or nil when absent.
    public var contentType: String? { headers["Content-Type"] }

    /// The media type of the body, lowercased and without parameters, such as `multipart/form-data`.
    public var mediaType: String? {
        contentType.map { HTTPHeaderParameters(parsing: $0).token }
    }

    /// Decodes the form fields of an `application/x-www-form-urlencoded` body.
    ///
    /// For a `multipart/form-data` body it returns the parts that are not files, decoded as UTF-8.
    /// - Throws: `HTTPServerError` for another media type or a malformed multipart body; its
    ///   `clientError` is the 400 or 415 response to send.
    public func formFields() throws(HTTPServerError) -> HTTPParameters {
        switch mediaType {
        case "application/x-www-form-urlencoded":
            return HTTPPercentDecoding.decodeForm(body)
        case "multipart/form-data":
            let fields = try multipartParts().filter { $0.filename == nil }
            return HTTPParameters(fields.map { HTTPParameters.Item(name: $0.name, value: $0.text) })
        default:
            throw .unsupportedContentType(expected: "application/x-www-form-urlencoded", received: contentType)
        }
    }

    /// Splits a `multipart/form-data` body into its parts, in body order.
    /// - Throws: `HTTPServerError` when the media type differs, the boundary parameter is missing or the
    ///   body is malformed. Its `clientError` is the 400 or 415 response to send.
    public func multipartParts() throws(HTTPServerError) -> [HTTPMultipartPart] {
        guard let contentType, mediaType == "multipart/form-data" else {
            throw .unsupportedContentType(expected: "multipart/form-data", received: contentType)
        }
        let boundary = HTTPHeaderParameters(parsing: contentType).parameters["boundary"] ?? ""
        // RFC 2046 limits a boundary to 1...70 characters.
        guard (1...70).contains(boundary.utf8.count) else {
            throw .missingMultipartBoundary(contentType: contentType)
        }
        return try HTTPMultipartParser(body: body, boundary: boundary).parse()
    }
}
