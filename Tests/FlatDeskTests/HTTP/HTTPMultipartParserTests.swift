import Testing

@testable import FlatDesk

@Suite("HTTPMultipartParser")
struct HTTPMultipartParserTests {
    private func parts(_ body: String, contentType: String = "multipart/form-data; boundary=B0undary")
        throws(HTTPServerError) -> [HTTPMultipartPart]
    {
        let request = HTTPRequest(
            method: .post,
            path: "/",
            headers: ["Content-Type": contentType],
            body: Array(body.utf8)
        )
        return try request.multipartParts()
    }

    @Test func splitsFieldsAndFiles() throws {
        let body = """
            --B0undary\r
            Content-Disposition: form-data; name="subject"\r
            \r
            Printer jam\r
            --B0undary\r
            Content-Disposition: form-data; name="file"; filename="log.txt"\r
            Content-Type: text/plain\r
            \r
            line 1\r
            line 2\r
            \r
            --B0undary--\r

            """
        let result = try parts(body)
        #expect(result.count == 2)
        #expect(
            result[0]
                == HTTPMultipartPart(
                    name: "subject",
                    headers: [HTTPHeaders.Field(name: "Content-Disposition", value: "form-data; name=\"subject\"")],
                    data: Array("Printer jam".utf8)
                ))
        #expect(result[1].name == "file")
        #expect(result[1].filename == "log.txt")
        #expect(result[1].contentType == "text/plain")
        #expect(result[1].text == "line 1\r\nline 2\r\n")
    }

    @Test func acceptsBareLineFeeds() throws {
        let body = "--B0undary\nContent-Disposition: form-data; name=\"a\"\n\none\n--B0undary--"
        let result = try parts(body)
        #expect(result.map(\.text) == ["one"])
    }

    @Test func keepsEmptyValue() throws {
        let body = "--B0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--B0undary--\r\n"
        #expect(try parts(body).map(\.text) == [""])
    }

    @Test func toleratesDelimiterRightAfterHeaders() throws {
        let body =
            "--B0undary\nContent-Disposition: form-data; name=\"a\"\n\n--B0undary\n"
            + "Content-Disposition: form-data; name=\"b\"\n\nx\n--B0undary--"
        let result = try parts(body)
        #expect(result.map(\.name) == ["a", "b"])
        #expect(result.map(\.text) == ["", "x"])
    }

    @Test func ignoresBoundaryPrefixInsideContent() throws {
        let body =
            "--B0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
            + "--B0undaryX is not a delimiter\r\n--B0undary is not one either\r\n--B0undary--"
        #expect(try parts(body).map(\.text) == ["--B0undaryX is not a delimiter\r\n--B0undary is not one either"])
    }

    @Test func skipsPreambleAndEpilogue() throws {
        let body =
            "\u{FEFF}preamble\r\n--B0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n"
            + "--B0undary--\r\nepilogue"
        #expect(try parts(body).map(\.text) == ["v"])
    }

    @Test func keepsRepeatedNames() throws {
        let body =
            "--B0undary\nContent-Disposition: form-data; name=\"tag\"\n\na\n--B0undary\n"
            + "Content-Disposition: form-data; name=\"tag\"\n\nb\n--B0undary--"
        #expect(try parts(body).map(\.text) == ["a", "b"])
    }

    @Test func readsQuotedBoundaryAndExtendedFilename() throws {
        let body =
            "--a b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"fallback.txt\"; "
            + "filename*=UTF-8''r%C3%A9sum%C3%A9%20v2.txt\r\n\r\nx\r\n--a b--"
        let result = try parts(body, contentType: "multipart/form-data; boundary=\"a b\"")
        #expect(result.first?.filename == "résumé v2.txt")
    }

    @Test func unescapesQuotedParameter() throws {
        let body =
            "--B0undary\r\nContent-Disposition: form-data; name=\"a\\\"b\"; filename=\"x;y.txt\"\r\n"
            + "\r\nv\r\n--B0undary--"
        let result = try parts(body)
        #expect(result.first?.name == "a\"b")
        #expect(result.first?.filename == "x;y.txt")
    }

    @Test func rejectsMissingOpeningDelimiter() {
        #expect(throws: HTTPServerError.multipartBoundaryNotFound(boundary: "B0undary")) {
            try parts("this is bad invalid data")
        }
    }

    @Test func rejectsMissingClosingDelimiter() {
        let body = "--B0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue"
        #expect(throws: HTTPServerError.multipartUnterminated(boundary: "B0undary", completeParts: 0)) {
            try parts(body)
        }
    }

    @Test func rejectsUnterminatedHeaders() {
        let body = "--B0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n--B0undary--\r\n"
        #expect(throws: HTTPServerError.multipartHeadersUnterminated(partIndex: 0)) { try parts(body) }
    }

    @Test func rejectsPartWithoutName() {
        let body = "--B0undary\r\nContent-Type: text/plain\r\n\r\nv\r\n--B0undary--"
        #expect(throws: HTTPServerError.multipartPartWithoutName(partIndex: 0)) { try parts(body) }
    }

    @Test func rejectsMissingBoundaryParameter() {
        #expect(throws: HTTPServerError.missingMultipartBoundary(contentType: "multipart/form-data")) {
            try parts("", contentType: "multipart/form-data")
        }
    }

    @Test func rejectsOtherMediaType() {
        #expect(throws: HTTPServerError.unsupportedContentType(expected: "multipart/form-data", received: "text/plain"))
        {
            try parts("x", contentType: "text/plain")
        }
    }

    @Test func mapsParseErrorsTo400() {
        let error = HTTPServerError.multipartBoundaryNotFound(boundary: "xYzZY")
        #expect(error.clientError?.status == 400)
        #expect(HTTPServerError.unsupportedContentType(expected: "a", received: nil).clientError?.status == 415)
        #expect(HTTPServerError.invalidHost("x").clientError == nil)
    }

    @Test func formFieldsReadMultipartTextParts() throws {
        let body =
            "--B0undary\nContent-Disposition: form-data; name=\"subject\"\n\nHi\n--B0undary\n"
            + "Content-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\n\nxx\n--B0undary--"
        let request = HTTPRequest(
            method: .post,
            path: "/",
            headers: ["Content-Type": "multipart/form-data; boundary=B0undary"],
            body: Array(body.utf8)
        )
        let fields = try request.formFields()
        #expect(fields.items == [HTTPParameters.Item(name: "subject", value: "Hi")])
    }
}
