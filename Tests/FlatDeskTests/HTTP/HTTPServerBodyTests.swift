import Foundation
import Testing

@testable import FlatDesk

@Suite("HTTPServer request bodies")
struct HTTPServerBodyTests {
    private static let sendGridContentType = "Content-Type: multipart/form-data; boundary=xYzZY"

    private static let parsedModeFields = [
        "headers", "dkim", "to", "html", "from", "text", "sender_ip", "envelope", "attachments", "subject",
        "charsets", "SPF",
    ]
    private static let rawModeFields = [
        "dkim", "email", "to", "from", "sender_ip", "envelope", "subject", "charsets", "SPF",
    ]

    /// The field names in each SendGrid fixture, in body order, and the expected `subject` value.
    private static let sendGridExpectations: [String: (fields: [String], subject: String)] = [
        "sendgrid-python-default_data.txt": (parsedModeFields, "Testing non-raw"),
        "sendgrid-ruby-default_data-crlf.txt": (parsedModeFields, "Testing non-raw"),
        "sendgrid-python-raw_data.txt": (rawModeFields, "Testing with Request.bin"),
        "sendgrid-ruby-raw_data-crlf.txt": (rawModeFields, "Testing with Request.bin"),
        "sendgrid-python-raw_data_with_attachments.txt": (rawModeFields, "Raw Payload"),
        "sendgrid-ruby-raw_data_with_attachments-crlf.txt": (rawModeFields, "Raw Payload"),
        "sendgrid-csharp-raw_data_with_attachments-bom.txt": (rawModeFields, "Raw Payload"),
        "sendgrid-nodejs-example-email-parse-payload.txt": (
            [
                "headers", "dkim", "to", "html", "from", "text", "sender_ip", "spam_report", "envelope",
                "attachments", "subject", "spam_score", "charsets", "SPF",
            ],
            "Fwd: testing webhook parse"
        ),
    ]

    private func inboundServer(_ recorder: Recorder<[HTTPMultipartPart]>) throws -> TestServer {
        let router = Router()
        router.post("/inbound") { request in
            recorder.append(try request.multipartParts())
            return .text("accepted")
        }
        return try TestServer(router: router)
    }

    @Test func decodesFormFields() throws {
        let router = Router()
        let fields = Recorder<HTTPParameters>()
        router.post("/tickets") { request in
            fields.append(try request.formFields())
            return .text("ok")
        }
        let server = try TestServer(router: router)
        let body = Array("subject=VPN+drops&body=a%26b%3Dc&tag=x&tag=y&note=%zz%41".utf8)
        let response = try Curl.request(
            server.base + "/tickets",
            method: "POST",
            headers: ["Content-Type: application/x-www-form-urlencoded"],
            body: body
        )
        #expect(response.status == 200)
        let form = try #require(fields.all.first)
        #expect(form["subject"] == "VPN drops")
        #expect(form["body"] == "a&b=c")
        #expect(form.values(for: "tag") == ["x", "y"])
        #expect(form["note"] == "%zzA")
    }

    @Test func formFieldsRejectOtherMediaType() throws {
        let router = Router()
        router.post("/tickets") { request in .text(try request.formFields()["a"] ?? "") }
        let server = try TestServer(router: router)
        let response = try Curl.request(
            server.base + "/tickets",
            method: "POST",
            headers: ["Content-Type: application/json"],
            body: Array("{}".utf8)
        )
        #expect(response.status == 415)
    }

    @Test(arguments: sendGridExpectations.keys.sorted())
    func parsesSendGridPayload(_ file: String) throws {
        let expected = try #require(Self.sendGridExpectations[file])
        let recorder = Recorder<[HTTPMultipartPart]>()
        let server = try inboundServer(recorder)
        let body = try [UInt8](Data(contentsOf: sendGridFixtures.appendingPathComponent(file)))
        let response = try Curl.request(
            server.base + "/inbound",
            method: "POST",
            headers: [Self.sendGridContentType],
            body: body
        )
        #expect(response.status == 200)
        let parts = try #require(recorder.all.first)
        #expect(parts.map(\.name) == expected.fields)
        #expect(parts.first { $0.name == "subject" }?.text == expected.subject)
        #expect(parts.first { $0.name == "SPF" }?.text == "pass")
        #expect(parts.first { $0.name == "to" }?.text.hasSuffix("\n") == false)
        #expect(parts.allSatisfy { $0.filename == nil })
    }

    @Test(arguments: [
        "sendgrid-python-raw_data_with_attachments.txt", "sendgrid-ruby-raw_data_with_attachments-crlf.txt",
        "sendgrid-csharp-raw_data_with_attachments-bom.txt",
    ])
    func keepsRawEmailIntact(_ file: String) throws {
        let recorder = Recorder<[HTTPMultipartPart]>()
        let server = try inboundServer(recorder)
        let body = try [UInt8](Data(contentsOf: sendGridFixtures.appendingPathComponent(file)))
        _ = try Curl.request(server.base + "/inbound", method: "POST", headers: [Self.sendGridContentType], body: body)
        let email = try #require(recorder.all.first?.first { $0.name == "email" }?.text)
        let lineBreak = file.contains("crlf") ? "\r\n" : "\n"
        #expect(email.hasPrefix("MIME-Version: 1.0" + lineBreak))
        #expect(email.hasSuffix("--001a1140ffb6f4fc63053a2257e2--" + lineBreak))
        #expect(email.contains("Content-Disposition: attachment; filename=\"SendGrid.jpg\""))
    }

    @Test func lineEndingVariantsAgree() throws {
        let load = { (file: String) throws -> [HTTPMultipartPart] in
            let body = try [UInt8](Data(contentsOf: sendGridFixtures.appendingPathComponent(file)))
            let request = HTTPRequest(
                method: .post,
                path: "/inbound",
                headers: ["Content-Type": "multipart/form-data; boundary=xYzZY"],
                body: body
            )
            return try request.multipartParts()
        }
        let lf = try load("sendgrid-python-default_data.txt")
        let crlf = try load("sendgrid-ruby-default_data-crlf.txt")
        let normalized = crlf.map { $0.text.replacingOccurrences(of: "\r\n", with: "\n") }
        #expect(lf.map(\.text) == normalized)
    }

    @Test func invalidSendGridBodyIs400() throws {
        let recorder = Recorder<[HTTPMultipartPart]>()
        let server = try inboundServer(recorder)
        let body = try [UInt8](Data(contentsOf: sendGridFixtures.appendingPathComponent("sendgrid-go-bad_data.txt")))
        let response = try Curl.request(
            server.base + "/inbound",
            method: "POST",
            headers: [Self.sendGridContentType],
            body: body
        )
        #expect(response.status == 400)
        #expect(response.text.contains("--xYzZY was not found"))
        #expect(recorder.all.isEmpty)
    }

    @Test func declaredOversizedBodyIs413() throws {
        let router = Router()
        let reached = Recorder<Int>()
        router.post("/upload") { request in
            reached.append(request.body.count)
            return .text("stored")
        }
        let server = try TestServer(router: router) { $0.maxBodyBytes = 1024 }
        let tooLarge = try Curl.request(
            server.base + "/upload", method: "POST", body: [UInt8](repeating: 65, count: 1025))
        let atLimit = try Curl.request(
            server.base + "/upload", method: "POST", body: [UInt8](repeating: 65, count: 1024))
        #expect(tooLarge.status == 413)
        #expect(atLimit.status == 200)
        #expect(reached.all == [1024])
    }

    @Test func streamedOversizedBodyIs413() throws {
        let router = Router()
        let reached = Recorder<Int>()
        router.post("/upload") { request in
            reached.append(request.body.count)
            return .text("stored")
        }
        let server = try TestServer(router: router) { $0.maxBodyBytes = 1024 }
        let response = try Curl.request(
            server.base + "/upload",
            method: "POST",
            headers: ["Transfer-Encoding: chunked"],
            body: [UInt8](repeating: 65, count: 1500)
        )
        let small = try Curl.request(
            server.base + "/upload",
            method: "POST",
            headers: ["Transfer-Encoding: chunked"],
            body: [UInt8](repeating: 65, count: 700)
        )
        #expect(response.status == 413)
        #expect(small.status == 200)
        #expect(reached.all == [700])
    }

    @Test func closesConnectionFarAboveLimit() throws {
        let router = Router()
        router.post("/upload") { _ in .text("stored") }
        let server = try TestServer(router: router) { $0.maxBodyBytes = 1024 }
        #expect(throws: CurlFailure.self) {
            try Curl.request(
                server.base + "/upload",
                method: "POST",
                headers: ["Transfer-Encoding: chunked"],
                body: [UInt8](repeating: 65, count: 64 * 1024)
            )
        }
        let warning = server.sink.captured.first { $0.contains("closing the connection") }
        #expect(warning != nil)
    }
}
