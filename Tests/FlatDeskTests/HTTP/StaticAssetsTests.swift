import Testing

@testable import FlatDesk

@Suite("StaticAssets")
struct StaticAssetsTests {
    private func assetServer() throws -> (TestServer, StaticAssets) {
        var assets = StaticAssets()
        assets.add("/assets/app.css", contentType: "text/css; charset=utf-8", text: "body { margin: 0 }")
        assets.add("/assets/logo.svg", contentType: "image/svg+xml", bytes: Array("<svg/>".utf8))
        let router = Router()
        assets.register(on: router)
        return (try TestServer(router: router), assets)
    }

    @Test func servesAssetWithCachingHeaders() throws {
        let (server, assets) = try assetServer()
        let response = try Curl.request(server.base + "/assets/app.css")
        #expect(response.status == 200)
        #expect(response.text == "body { margin: 0 }")
        #expect(response.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(response.headers["Cache-Control"] == "public, max-age=86400")
        #expect(response.headers["ETag"] == assets.asset(at: "/assets/app.css")?.etag)
    }

    @Test func matchingETagGets304() throws {
        let (server, assets) = try assetServer()
        let etag = try #require(assets.asset(at: "/assets/app.css")?.etag)
        let response = try Curl.request(
            server.base + "/assets/app.css", headers: ["If-None-Match: W/\"other\", \(etag)"])
        #expect(response.status == 304)
        #expect(response.body.isEmpty)
        #expect(response.headers["ETag"] == etag)
        let stale = try Curl.request(server.base + "/assets/app.css", headers: ["If-None-Match: \"stale\""])
        #expect(stale.status == 200)
    }

    @Test func servesHead() throws {
        let (server, _) = try assetServer()
        let response = try Curl.request(server.base + "/assets/logo.svg", method: "HEAD")
        #expect(response.status == 200)
        #expect(response.headers["Content-Length"] == "6")
        #expect(response.body.isEmpty)
    }

    @Test func unknownAssetIs404() throws {
        let (server, _) = try assetServer()
        #expect(try Curl.request(server.base + "/assets/missing.js").status == 404)
    }

    @Test func entityTagFollowsContent() {
        let first = StaticAssets.entityTag(for: Array("a".utf8))
        #expect(first == StaticAssets.entityTag(for: Array("a".utf8)))
        #expect(first != StaticAssets.entityTag(for: Array("b".utf8)))
        #expect(first.count == 34)
    }

    @Test func matchesConditions() {
        #expect(StaticAssets.matches("*", "\"x\""))
        #expect(StaticAssets.matches(" W/\"x\" ", "\"x\""))
        #expect(StaticAssets.matches("\"a\", \"x\"", "\"x\""))
        #expect(!StaticAssets.matches("\"a\"", "\"x\""))
    }
}
