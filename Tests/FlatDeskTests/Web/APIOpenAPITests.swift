import Foundation
import Testing

@testable import FlatDesk

@Suite struct APIOpenAPITests {
    /// Every operation of the API as `METHOD path`; the document must describe exactly these.
    static let operations: Set<String> = [
        "GET /api/v1/me", "GET /api/v1/openapi.json", "GET /api/v1/tickets", "POST /api/v1/tickets",
        "GET /api/v1/tickets/{id}", "PATCH /api/v1/tickets/{id}", "POST /api/v1/tickets/{id}/replies",
        "POST /api/v1/tickets/{id}/notes", "GET /api/v1/tickets/{id}/history", "GET /api/v1/kb",
        "GET /api/v1/kb/{id}", "GET /api/v1/people", "GET /api/v1/queues",
    ]

    static func document(_ server: WebTestServer) throws -> JSONValue {
        let response = try Curl.request(server.baseURL + "/api/v1/openapi.json")
        guard response.status == 200 else { throw TestFailure("openapi.json returned \(response.status)") }
        return response.json
    }

    /// Lists the documented operations as (method, path, operation object).
    static func documentedOperations(_ document: JSONValue) -> [(method: String, path: String, operation: JSONValue)] {
        (document["paths"]?.objectValue ?? []).flatMap { path in
            (path.value.objectValue ?? []).map { (method: $0.key.uppercased(), path: path.key, operation: $0.value) }
        }
    }

    /// `path` with its `{id}` parameter filled with an existing ticket or article.
    static func concrete(_ path: String) -> String {
        path.hasPrefix("/api/v1/kb/")
            ? "/api/v1/kb/reset-vpn-token" : path.replacingOccurrences(of: "{id}", with: "FD-26")
    }

    /// Tells whether `path` fits `template`, where a `{name}` segment matches any one segment.
    static func matches(template: String, _ path: String) -> Bool {
        let expected = template.split(separator: "/")
        let actual = path.split(separator: "/")
        guard expected.count == actual.count else { return false }
        return zip(expected, actual).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    @Test func documentIsServedWithoutAuthentication() throws {
        let server = try WebTestServer()
        let response = try Curl.request(server.baseURL + "/api/v1/openapi.json")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
        #expect(response.json["openapi"]?.stringValue == "3.0.3")
        #expect(response.json["components"]?["securitySchemes"]?["bearer"]?["scheme"]?.stringValue == "bearer")
    }

    @Test func documentDescribesEveryOperation() throws {
        let server = try WebTestServer()
        let operations = Self.documentedOperations(try Self.document(server))
        #expect(Set(operations.map { "\($0.method) \($0.path)" }) == Self.operations)
        let ids = operations.compactMap { $0.operation["operationId"]?.stringValue }
        #expect(Set(ids).count == operations.count)
    }

    @Test func everyDocumentedOperationIsRouted() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let document = try Self.document(server)
        for (method, path, operation) in Self.documentedOperations(document) {
            let url = Self.concrete(path)
            let response = method == "GET" ? try api.get(url) : try api.send(method, url, "{}")
            #expect(response.status != 404, "\(method) \(url) is not routed")
            #expect(response.status != 405, "\(method) \(url) is routed for other methods only")
            #expect(
                operation["responses"]?[String(response.status)] != nil,
                "\(method) \(url): \(response.status) not documented")
        }
    }

    @Test func everyReferenceResolves() throws {
        let server = try WebTestServer()
        let document = try Self.document(server)
        let checker = APISchemaChecker(document: document)
        var references: [String] = []
        Self.collectReferences(document, into: &references)
        #expect(references.count > 20)
        for reference in references {
            #expect(checker.resolve(reference) != nil, "\(reference)")
        }
    }

    static func collectReferences(_ value: JSONValue, into references: inout [String]) {
        switch value {
        case .object(let pairs):
            for pair in pairs {
                if pair.key == "$ref", let text = pair.value.stringValue { references.append(text) }
                collectReferences(pair.value, into: &references)
            }
        case .array(let items):
            for item in items { collectReferences(item, into: &references) }
        default:
            break
        }
    }

    @Test func sampleResponsesMatchDocumentedSchemas() throws {
        let server = try WebTestServer()
        let agent = try APITestClient(server, as: WebTestServer.agent)
        let customer = try APITestClient(server, as: WebTestServer.customer)
        let document = try Self.document(server)
        let version = try agent.version("FD-26")
        let samples: [(client: APITestClient, method: String, path: String, body: String?, status: Int)] = [
            (agent, "GET", "/api/v1/me", nil, 200),
            (agent, "GET", "/api/v1/tickets?per_page=200", nil, 200),
            (customer, "GET", "/api/v1/tickets", nil, 200),
            (agent, "GET", "/api/v1/tickets/FD-1", nil, 200),
            (customer, "GET", "/api/v1/tickets/FD-15", nil, 200),
            (agent, "GET", "/api/v1/tickets/FD-9999", nil, 404),
            (agent, "GET", "/api/v1/tickets?per_page=500", nil, 400),
            (agent, "POST", "/api/v1/tickets", #"{"subject": "S", "text": "T", "tags": ["a"]}"#, 201),
            (agent, "POST", "/api/v1/tickets", #"{"subject": "S"}"#, 422),
            (agent, "PATCH", "/api/v1/tickets/FD-26", #"{"version": "\#(version)", "priority": "high"}"#, 200),
            (agent, "PATCH", "/api/v1/tickets/FD-26", #"{"version": "\#(version)", "priority": "low"}"#, 409),
            (agent, "POST", "/api/v1/tickets/FD-26/replies", #"{"text": "On it."}"#, 201),
            (agent, "POST", "/api/v1/tickets/FD-26/notes", #"{"text": "Cable."}"#, 201),
            (customer, "POST", "/api/v1/tickets/FD-26/notes", #"{"text": "Cable."}"#, 403),
            (agent, "GET", "/api/v1/tickets/FD-26/history", nil, 200),
            (agent, "GET", "/api/v1/kb", nil, 200),
            (agent, "GET", "/api/v1/kb/reset-vpn-token", nil, 200),
            (agent, "GET", "/api/v1/people", nil, 200),
            (agent, "GET", "/api/v1/queues", nil, 200),
        ]
        for sample in samples {
            let label = "\(sample.method) \(sample.path)"
            let response =
                try sample.body.map { try sample.client.send(sample.method, sample.path, $0) }
                ?? sample.client.get(sample.path)
            #expect(response.status == sample.status, "\(label)")
            let schema = try #require(
                Self.responseSchema(document, sample.method, sample.path, response.status), "\(label)")
            let problems = APISchemaChecker(document: document).problems(response.json, schema)
            #expect(problems.isEmpty, "\(label): \(problems.prefix(5))")
        }
    }

    /// Returns the documented JSON schema of the `status` response to `method path`, following references.
    static func responseSchema(_ document: JSONValue, _ method: String, _ path: String, _ status: Int) -> JSONValue? {
        let route = path.split(separator: "?").first.map(String.init) ?? path
        let template = documentedOperations(document).first { operation in
            operation.method == method && matches(template: operation.path, route)
        }
        var response = template?.operation["responses"]?[String(status)]
        if let reference = response?["$ref"]?.stringValue {
            response = APISchemaChecker(document: document).resolve(reference)
        }
        return response?["content"]?["application/json"]?["schema"]
    }
}
