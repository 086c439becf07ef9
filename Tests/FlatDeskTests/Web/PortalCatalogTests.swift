import Foundation
import Testing

@testable import FlatDesk

@Suite struct PortalCatalogTests {
    /// Reads the items of the sample `settings/catalog.json` with Foundation's parser rather than `ServiceCatalog`.
    static func sampleItems() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.sourceRoot + "/settings/catalog.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["items"] as? [[String: Any]])
    }

    static let laptopAnswers = [
        "field-forUser": "Tom Baker", "field-model": "Standard 14-inch", "field-neededBy": "2027-01-15",
        "field-justification": "The battery of NW-LT-0212 lasts 40 minutes.\n\nThe hinge is cracked too.",
    ]

    @Test func catalogListsEveryItem() throws {
        let server = try WebTestServer()
        let page = try server.signedIn(WebTestServer.customer).get("/portal/catalog")
        #expect(page.status == 200)
        let listed = PortalSample.attributeValues("data-item", in: page.text, within: "catalog")
        let expected = try Self.sampleItems().compactMap { $0["id"] as? String }
        #expect(listed == expected)
        #expect(page.text.contains("Standard models are in stock"))
    }

    @Test func everyItemFormRenders() throws {
        let server = try WebTestServer()
        let client = try server.signedIn(WebTestServer.customer)
        for item in try Self.sampleItems() {
            let id = try #require(item["id"] as? String)
            let page = try client.get("/portal/catalog/\(id)")
            #expect(page.status == 200, "item \(id)")
            #expect(page.text.contains("<form id=\"catalog-form\" class=\"portal-form\" data-item=\"\(id)\""))
            for field in try #require(item["fields"] as? [[String: Any]]) {
                let fieldID = try #require(field["id"] as? String)
                #expect(page.text.contains("name=\"field-\(fieldID)\""), "field \(fieldID) of \(id)")
                if field["type"] as? String == "date" {
                    #expect(page.text.contains("<input type=\"date\" id=\"field-\(fieldID)\""))
                }
                for option in field["options"] as? [String] ?? [] {
                    #expect(
                        page.text.contains("<option value=\"\(HTMLEscaping.escape(option))\">"),
                        "option \(option) of \(id)")
                }
            }
        }
    }

    @Test func submissionCreatesServiceRequest() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/catalog/new-laptop")
        let created = try tom.post("/portal/catalog/new-laptop", Self.laptopAnswers, csrfFrom: form)
        #expect(created.status == 303)
        let location = try #require(created.headers["Location"])
        let ticket = try server.helpdesk.ticket(String(location.dropFirst("/portal/tickets/".count))).ticket
        #expect(ticket.ticketType == .serviceRequest)
        #expect(ticket.channel == .portal)
        #expect(ticket.requester == WebTestServer.customer)
        #expect(ticket.category == "Hardware")
        #expect(ticket.team == "tier1")
        #expect(ticket.priority == .medium)
        #expect(ticket.subject == "New laptop: Tom Baker")
        let expectedFields = [
            "forUser": "Tom Baker", "model": "Standard 14-inch", "neededBy": "2027-01-15",
            "justification": "The battery of NW-LT-0212 lasts 40 minutes.\n\nThe hinge is cracked too.",
        ]
        #expect(ticket.customFields == expectedFields)
        let request = try #require(ticket.entries.first)
        #expect(request.text.contains("**Model**: Standard 14-inch"))
        #expect(request.text.contains("**Needed by**: 2027-01-15"))
        #expect(request.attribute("catalog-item") == "new-laptop")
        let page = try tom.get(location)
        #expect(page.text.contains("<strong>Laptop for (full name)</strong>: Tom Baker"))
    }

    @Test func selectKeyFieldSummarizesSubject() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/catalog/password-reset")
        let answers = ["field-account": "VPN token", "field-contactPhone": "+49 30 1234567"]
        let created = try tom.post("/portal/catalog/password-reset", answers, csrfFrom: form)
        let id = String(try #require(created.headers["Location"]).dropFirst("/portal/tickets/".count))
        let ticket = try server.helpdesk.ticket(id).ticket
        #expect(ticket.subject == "Password reset: VPN token")
        #expect(ticket.priority == .high)
        #expect(ticket.customFields == ["account": "VPN token", "contactPhone": "+49 30 1234567"])
    }

    @Test func missingRequiredFieldIsRejected() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/catalog/new-laptop")
        let count = PortalSample.ticketCount(server)
        var answers = Self.laptopAnswers
        answers["field-model"] = ""
        let response = try tom.post("/portal/catalog/new-laptop", answers, csrfFrom: form)
        #expect(response.status == 422)
        #expect(response.text.contains("Model: this field is required."))
        #expect(response.text.contains("<p class=\"field-error\" id=\"field-model-error\">"))
        #expect(response.text.contains("value=\"Tom Baker\""))
        #expect(response.text.contains("value=\"2027-01-15\""))
        #expect(
            response.text.contains(
                ">The battery of NW-LT-0212 lasts 40 minutes.\n\nThe hinge is cracked too.</textarea>"))
        #expect(PortalSample.ticketCount(server) == count)
    }

    @Test func invalidOptionAndDateAreRejected() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/catalog/new-laptop")
        let count = PortalSample.ticketCount(server)
        var answers = Self.laptopAnswers
        answers["field-model"] = "Gaming tower"
        answers["field-neededBy"] = "2027-02-30"
        let response = try tom.post("/portal/catalog/new-laptop", answers, csrfFrom: form)
        #expect(response.status == 422)
        #expect(response.text.contains("Model: choose one of the listed options."))
        #expect(response.text.contains("Needed by: enter a date as YYYY-MM-DD"))
        #expect(response.text.contains("<option value=\"Standard 14-inch\">"))
        #expect(PortalSample.ticketCount(server) == count)
    }

    @Test func unknownItemIsNotFound() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        #expect(try tom.get("/portal/catalog/espresso-machine").status == 404)
        let form = try tom.get("/portal/catalog")
        #expect(try tom.post("/portal/catalog/espresso-machine", ["field-x": "y"], csrfFrom: form).status == 404)
    }

    @Test func catalogRequiresSignIn() throws {
        let server = try WebTestServer()
        #expect(try server.client().get("/portal/catalog").status == 303)
        #expect(try server.client().get("/portal/catalog/new-laptop").status == 303)
    }

    @Test func scriptInAnswersIsInert() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/catalog/new-laptop")
        var answers = Self.laptopAnswers
        answers["field-forUser"] = "<script>alert('user')</script>"
        answers["field-justification"] = "<script>alert('why')</script>"
        let created = try tom.post("/portal/catalog/new-laptop", answers, csrfFrom: form)
        let page = try tom.get(try #require(created.headers["Location"]))
        #expect(!page.text.contains("<script>alert"))
        #expect(page.text.contains("New laptop: &lt;script&gt;alert(&#39;user&#39;)&lt;/script&gt;"))
        answers["field-model"] = ""
        let rejected = try tom.post("/portal/catalog/new-laptop", answers, csrfFrom: form)
        #expect(rejected.status == 422)
        #expect(!rejected.text.contains("<script>alert"))
    }
}
