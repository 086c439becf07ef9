import Foundation
import Testing

@testable import FlatDesk

@Suite struct PortalKnowledgeBaseTests {
    /// Reads the sample articles from `kb/` of the source tree.
    static func sampleArticles() throws -> [KBArticle] {
        let folder = TestSupport.sourceRoot + "/kb"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }
        return try names.map { name in
            try KBCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))), path: "kb/" + name)
        }
    }

    /// Returns the ids of the sample articles that pass `rule`.
    static func sampleIDs(_ rule: (KBArticle) -> Bool) throws -> Set<String> {
        Set(try sampleArticles().filter(rule).map(\.id))
    }

    static func listedIDs(_ response: CurlResponse) -> Set<String> {
        Set(PortalSample.attributeValues("data-article", in: response.text))
    }

    @Test func anonymousReaderSeesPublicArticlesOnly() throws {
        let server = try WebTestServer()
        let page = try server.client().get("/kb")
        #expect(page.status == 200)
        let expected = try Self.sampleIDs { $0.status == .published && $0.visibility == .public }
        #expect(!expected.isEmpty)
        #expect(Self.listedIDs(page) == expected)
        #expect(try server.client().get("/kb/guest-wifi").status == 200)
        #expect(try server.client().get("/kb/bitlocker-recovery").status == 404)
        #expect(try server.client().get("/kb/new-starter-checklist").status == 404)
    }

    @Test func customerSeesArticlesOfTheirOrganization() throws {
        let server = try WebTestServer()
        let readers = [(WebTestServer.customer, "northwind"), (WebTestServer.otherCustomer, "contoso")]
        for (email, organization) in readers {
            let client = try server.signedIn(email)
            let expected = try Self.sampleIDs { article in
                article.status == .published
                    && (article.visibility == .public
                        || (article.visibility == .customers
                            && (article.organizations.isEmpty || article.organizations.contains(organization))))
            }
            #expect(Self.listedIDs(try client.get("/kb")) == expected, "articles for \(email)")
        }
        let tom = try server.signedIn(WebTestServer.customer)
        let olivia = try server.signedIn(WebTestServer.otherCustomer)
        #expect(try tom.get("/kb/contoso-xray-images").status == 404)
        #expect(try olivia.get("/kb/contoso-xray-images").status == 200)
        #expect(try tom.get("/kb/bitlocker-recovery").status == 200)
    }

    @Test func draftsAndInternalArticlesAreStaffOnly() throws {
        let server = try WebTestServer()
        let olivia = try server.signedIn(WebTestServer.otherCustomer)
        let agent = try server.signedIn(WebTestServer.agent)
        for id in ["guest-wifi-vouchers", "vpn-known-error-ikev2-rekey", "new-starter-checklist"] {
            #expect(try olivia.get("/kb/\(id)").status == 404, "article \(id)")
            #expect(try agent.get("/kb/\(id)").status == 200, "article \(id)")
        }
        let index = try agent.get("/kb")
        #expect(Self.listedIDs(index) == (try Self.sampleIDs { _ in true }))
        #expect(index.text.contains("<span class=\"badge badge-draft\">Draft</span>"))
    }

    @Test func articleRendersMarkdownOnce() throws {
        let server = try WebTestServer()
        let page = try server.signedIn(WebTestServer.otherCustomer).get("/kb/contoso-xray-images")
        #expect(page.text.contains("<h1>Contoso Dental: X-ray images do not load</h1>"))
        #expect(page.text.components(separatedBy: "<h1").count == 2)
        #expect(page.text.contains("<h2>Quick fix</h2>"))
        #expect(page.text.contains("<strong>Image store unavailable</strong>"))
    }

    @Test func searchMatchesTitleBodyAndTags() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let byTitle = Self.listedIDs(try tom.get("/kb?q=phishing"))
        #expect(byTitle.contains("report-phishing"))
        #expect(!byTitle.contains("guest-wifi"))
        #expect(Self.listedIDs(try tom.get("/kb?q=TEAMS-ROOMS")) == ["meeting-room-av"])
        let byBody = try Self.sampleIDs {
            $0.body.localizedCaseInsensitiveContains("Authenticator") && $0.visibility != .internal
                && $0.status == .published && $0.organizations.isEmpty
        }
        #expect(!byBody.isEmpty)
        #expect(Self.listedIDs(try tom.get("/kb?q=authenticator")) == byBody)
        let none = try tom.get("/kb?q=zebra+unicorn")
        #expect(none.text.contains("id=\"kb-empty\""))
    }

    @Test func searchDoesNotRevealHiddenArticles() throws {
        let server = try WebTestServer()
        #expect(Self.listedIDs(try server.client().get("/kb?q=contoso")).isEmpty)
        #expect(Self.listedIDs(try server.signedIn(WebTestServer.customer).get("/kb?q=x-ray")).isEmpty)
        #expect(
            Self.listedIDs(try server.signedIn(WebTestServer.otherCustomer).get("/kb?q=x-ray")).contains(
                "contoso-xray-images"))
    }

    @Test func categoryFilterKeepsOneCategory() throws {
        let server = try WebTestServer()
        let page = try server.signedIn(WebTestServer.customer).get("/kb?category=Network")
        let listed = Self.listedIDs(page)
        #expect(listed.contains("reset-vpn-token"))
        #expect(listed.contains("guest-wifi"))
        #expect(!listed.contains("password-policy"))
    }

    @Test func searchTermIsEscaped() throws {
        let server = try WebTestServer()
        let page = try server.client().get("/kb?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        #expect(page.status == 200)
        #expect(!page.text.contains("<script>alert(1)"))
        #expect(page.text.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
    }
}
