import Foundation
import Testing

@testable import FlatDesk

@Suite struct APITicketTests {
    @Test func getReturnsThreadAndETag() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let (ticket, version) = try server.helpdesk.ticket("FD-1")
        let response = try api.get("/api/v1/tickets/FD-1")
        #expect(response.status == 200)
        #expect(response.headers["ETag"] == "\"\(version)\"")
        #expect(response.json["version"]?.stringValue == version)
        let kinds = response.json["entries"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } ?? []
        #expect(kinds == ticket.entries.map(\.kind.rawValue))
        #expect(kinds.contains("note"))
    }

    @Test func getWithCurrentETagIsNotModified() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let version = try api.version("FD-1")
        #expect(try api.get("/api/v1/tickets/FD-1", headers: ["If-None-Match: \"\(version)\""]).status == 304)
        #expect(try api.get("/api/v1/tickets/FD-1", headers: ["If-None-Match: \"0000\""]).status == 200)
    }

    @Test func missingTicketIs404() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let response = try api.get("/api/v1/tickets/FD-9999")
        #expect(response.status == 404)
        #expect(response.json["status"]?.intValue == 404)
        #expect(try api.get("/api/v1/tickets/FD-1.md").status == 404)
        let traversal = try api.get("/api/v1/tickets/..%2F..%2Fsettings%2Fpeople")
        #expect([400, 404].contains(traversal.status), "the HTTP layer or the API rejects a path outside tickets/")
    }

    @Test func createCommitsTicketThroughAPIChannel() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let body = """
            {"subject": "Docking station flickers", "text": "The screen goes dark every minute.",
             "requester": "kenji.sato@northwind.example", "priority": "high", "category": "Hardware",
             "team": "tier1", "tags": ["dock"], "followers": ["anna.schulz@northwind.example"],
             "customFields": {"asset": "NB-0042"}}
            """
        let response = try api.send("POST", "/api/v1/tickets", body)
        #expect(response.status == 201)
        let id = try #require(response.json["id"]?.stringValue)
        #expect(response.headers["Location"] == "/api/v1/tickets/\(id)")
        let (ticket, version) = try server.helpdesk.ticket(id)
        #expect(response.headers["ETag"] == "\"\(version)\"")
        #expect(ticket.channel == .api)
        #expect(ticket.entries.first?.attribute("via") == "api")
        #expect(ticket.requester == "kenji.sato@northwind.example")
        #expect(ticket.priority == .high)
        #expect(ticket.team == "tier1")
        #expect(ticket.tags == ["dock"])
        #expect(ticket.followers == ["anna.schulz@northwind.example"])
        #expect(ticket.customFields == ["asset": "NB-0042"])
        #expect(try server.helpdesk.history(id).first?.authorEmail == WebTestServer.agent)
    }

    @Test func createDefaultsRequesterToCaller() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let response = try api.send("POST", "/api/v1/tickets", #"{"subject": "Test", "text": "Body"}"#)
        #expect(response.status == 201)
        #expect(response.json["requester"]?.stringValue == WebTestServer.agent)
    }

    @Test func createWithInvalidValuesIs422() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let cases = [
            (#"{"text": "Body"}"#, "subject"), (#"{"subject": " ", "text": "Body"}"#, "subject"),
            (#"{"subject": "S", "text": "Body", "priority": "critical"}"#, "priority"),
            (#"{"subject": "S", "text": "Body", "team": "nowhere"}"#, "team"),
            (#"{"subject": "S", "text": "Body", "tags": "dock"}"#, "tags"),
            (#"{"subject": "S", "text": "Body", "channel": "email"}"#, "channel"),
            (#"{"subject": "S", "text": "Body", "requester": "@\u00bc"}"#, "requester"),
            (#"{"subject": "S", "text": "Body", "followers": ["nobody"]}"#, "followers"),
        ]
        let before = server.helpdesk.index.count
        for (body, field) in cases {
            let response = try api.send("POST", "/api/v1/tickets", body)
            #expect(response.status == 422, "\(body)")
            #expect(response.json["field"]?.stringValue == field, "\(body)")
        }
        #expect(server.helpdesk.index.count == before)
    }

    @Test func patchWithVersionChangesFields() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let version = try api.version("FD-26")
        let body = """
            {"version": "\(version)", "priority": "high", "status": "in_progress", "assignee": null,
             "addTags": ["projector"], "removeTags": ["teams-rooms"],
             "addLinks": [{"kind": "relates_to", "target": "FD-20"}], "customFields": {"room": "Harbour"}}
            """
        let response = try api.send("PATCH", "/api/v1/tickets/FD-26", body)
        #expect(response.status == 200)
        let (ticket, current) = try server.helpdesk.ticket("FD-26")
        #expect(current != version)
        #expect(response.headers["ETag"] == "\"\(current)\"")
        #expect(response.json["priority"]?.stringValue == "high")
        #expect(ticket.priority == .high)
        #expect(ticket.status == "in_progress")
        #expect(ticket.assignee == nil)
        #expect(ticket.tags == ["meeting-room", "projector"])
        #expect(ticket.links == [TicketLink(kind: .relatesTo, target: "FD-20")])
        #expect(ticket.customFields["room"] == "Harbour")
        #expect(
            try server.helpdesk.ticket("FD-20").ticket.links.contains(TicketLink(kind: .relatesTo, target: "FD-26")))
    }

    @Test func patchTakesVersionFromIfMatch() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let version = try api.version("FD-26")
        let response = try api.send(
            "PATCH", "/api/v1/tickets/FD-26", #"{"priority": "low"}"#, headers: ["If-Match: \"\(version)\""])
        #expect(response.status == 200)
        #expect(try server.helpdesk.ticket("FD-26").ticket.priority == .low)
    }

    @Test func patchWithStaleVersionConflicts() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let stale = try api.version("FD-26")
        #expect(
            try api.send("PATCH", "/api/v1/tickets/FD-26", #"{"version": "\#(stale)", "priority": "low"}"#).status
                == 200)
        let current = try api.version("FD-26")
        let response = try api.send(
            "PATCH", "/api/v1/tickets/FD-26", #"{"version": "\#(stale)", "priority": "urgent"}"#)
        #expect(response.status == 409)
        #expect(response.json["version"]?.stringValue == current)
        #expect(response.headers["ETag"] == "\"\(current)\"")
        #expect(try api.version("FD-26") == current)
        #expect(try server.helpdesk.ticket("FD-26").ticket.priority == .low)
    }

    @Test func patchWithDifferingVersionsConflicts() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let version = try api.version("FD-26")
        let response = try api.send(
            "PATCH", "/api/v1/tickets/FD-26", #"{"version": "\#(version)", "priority": "low"}"#,
            headers: ["If-Match: \"0123abcd\""])
        #expect(response.status == 409)
        #expect(response.json["version"]?.stringValue == version)
        #expect(try api.version("FD-26") == version)
    }

    @Test func textWithNULIsRejected() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let before = server.helpdesk.index.count
        let created = try api.send("POST", "/api/v1/tickets", #"{"subject": "S", "text": "a\u0000b"}"#)
        #expect(created.status == 422)
        #expect(created.json["field"]?.stringValue == "text")
        #expect(server.helpdesk.index.count == before)
        let version = try api.version("FD-26")
        let reply = try api.send("POST", "/api/v1/tickets/FD-26/replies", #"{"text": "\u0000"}"#)
        #expect(reply.status == 422)
        #expect(try api.version("FD-26") == version)
        #expect(server.helpdesk.index.problems.isEmpty)
    }

    @Test func patchWithInvalidValueIs422() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let version = try api.version("FD-26")
        let cases = [
            (#"{"priority": "critical"}"#, "priority"), (#"{"status": "waiting"}"#, "status"),
            (#"{"team": "nowhere"}"#, "team"), (#"{"assignee": "tom.baker@northwind.example"}"#, "assignee"),
            (#"{"addLinks": [{"kind": "likes", "target": "FD-1"}]}"#, "addLinks"), (#"{"priority": 3}"#, "priority"),
            (#"{"addLinks": [{"kind": "blocks", "target": "FD-9999"}]}"#, "links"), (#"{"owner": "me"}"#, "owner"),
            (#"{"addFollowers": ["someone"]}"#, "addFollowers"),
        ]
        for (edit, field) in cases {
            let body = "{\"version\": \"\(version)\", " + edit.dropFirst()
            let response = try api.send("PATCH", "/api/v1/tickets/FD-26", body)
            #expect(response.status == 422, "\(edit)")
            #expect(response.json["field"]?.stringValue == field, "\(edit)")
        }
        #expect(try api.version("FD-26") == version)
    }

    @Test func patchWithoutVersionIs428() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let version = try api.version("FD-26")
        let response = try api.send("PATCH", "/api/v1/tickets/FD-26", #"{"priority": "low"}"#)
        #expect(response.status == 428)
        #expect(response.json["field"]?.stringValue == "version")
        #expect(try api.version("FD-26") == version)
        let anyVersion = try api.send(
            "PATCH", "/api/v1/tickets/FD-26", #"{"priority": "low"}"#, headers: ["If-Match: *"])
        #expect(anyVersion.status == 200)
    }

    @Test func replyAndNoteAreAppended() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let reply = try api.send("POST", "/api/v1/tickets/FD-26/replies", #"{"text": "A technician is on the way."}"#)
        #expect(reply.status == 201)
        #expect(reply.json["kind"]?.stringValue == "reply")
        #expect(reply.json["author"]?.stringValue == WebTestServer.agent)
        let version = try api.version("FD-26")
        #expect(reply.headers["ETag"] == "\"\(version)\"")
        let note = try api.send(
            "POST", "/api/v1/tickets/FD-26/notes", #"{"text": "Cable replaced.", "version": "\#(version)"}"#)
        #expect(note.status == 201)
        #expect(note.json["kind"]?.stringValue == "note")
        let entries = try server.helpdesk.ticket("FD-26").ticket.entries
        #expect(entries.suffix(2).map(\.text) == ["A technician is on the way.", "Cable replaced."])
        #expect(entries.last?.attribute("via") == "api")
    }

    @Test func entryWithStaleVersionConflicts() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let stale = try api.version("FD-26")
        #expect(try api.send("POST", "/api/v1/tickets/FD-26/notes", #"{"text": "First."}"#).status == 201)
        let response = try api.send(
            "POST", "/api/v1/tickets/FD-26/notes", #"{"text": "Second."}"#, headers: ["If-Match: \"\(stale)\""])
        #expect(response.status == 409)
        #expect(try server.helpdesk.ticket("FD-26").ticket.entries.last?.text == "First.")
    }

    @Test func replyToClosedTicketIs403() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        #expect(try api.send("POST", "/api/v1/tickets/FD-1/replies", #"{"text": "Hello?"}"#).status == 403)
    }

    @Test func historyListsCommitsNewestFirst() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let version = try api.version("FD-26")
        #expect(
            try api.send("PATCH", "/api/v1/tickets/FD-26", #"{"version": "\#(version)", "priority": "urgent"}"#).status
                == 200)
        let response = try api.get("/api/v1/tickets/FD-26/history")
        #expect(response.status == 200)
        let commits = response.json["commits"]?.arrayValue ?? []
        #expect(commits.count == 2)
        #expect(commits.first?["message"]?.stringValue?.contains("priority medium → urgent") == true)
        #expect(commits.first?["authorEmail"]?.stringValue == WebTestServer.agent)
        #expect(response.json["ticket"]?.stringValue == "FD-26")
    }
}
