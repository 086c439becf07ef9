import Foundation
import Testing

@testable import FlatDesk

/// A client of the JSON API that authenticates with a bearer token created for one person.
struct APITestClient {
    let server: WebTestServer
    let token: String

    /// Creates a token for `email` with the person's own role.
    init(_ server: WebTestServer, as email: String) throws {
        self.server = server
        let person = try #require(server.helpdesk.settings.person(email))
        token = try server.accounts.createToken(name: "api-test", email: email, role: person.role)
    }

    func get(_ path: String, headers: [String] = []) throws -> CurlResponse {
        try Curl.request(server.baseURL + path, headers: ["Authorization: Bearer \(token)"] + headers)
    }

    /// Sends `body` as `application/json` unless `headers` sets another `Content-Type`.
    func send(_ method: String, _ path: String, _ body: String, headers: [String] = []) throws -> CurlResponse {
        let typed = headers.contains { $0.lowercased().hasPrefix("content-type:") }
        let all = ["Authorization: Bearer \(token)"] + (typed ? [] : ["Content-Type: application/json"]) + headers
        return try Curl.request(server.baseURL + path, method: method, headers: all, body: Array(body.utf8))
    }

    /// The current version of a ticket, read from the helpdesk rather than through the API.
    func version(_ id: String) throws -> String {
        try server.helpdesk.ticket(id).version
    }
}

extension CurlResponse {
    /// The body parsed with the helpdesk's own JSON reader, or `.null` when it is not JSON.
    var json: JSONValue {
        var reader = JSONReader(bytes: body)
        return (try? reader.readDocument()) ?? .null
    }

    /// The `tickets` of a list response.
    var tickets: [JSONValue] { json["tickets"]?.arrayValue ?? [] }

    /// The `id` of every ticket in a list response, in order.
    var ticketIDs: [String] { tickets.compactMap { $0["id"]?.stringValue } }
}

extension JSONValue {
    /// The member names of an object, in order.
    var memberNames: [String] { objectValue?.map(\.key) ?? [] }
}
