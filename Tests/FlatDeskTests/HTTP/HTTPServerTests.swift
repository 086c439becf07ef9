import Foundation
import Testing

@testable import FlatDesk

@Suite("HTTPServer")
struct HTTPServerTests {
    @Test func routesPathParameters() throws {
        let router = Router()
        router.get("/tickets/:id") { request in .text("ticket \(request.pathParameters["id"] ?? "-")") }
        let server = try TestServer(router: router)
        let response = try Curl.request(server.base + "/tickets/FD-1042")
        #expect(response.status == 200)
        #expect(response.text == "ticket FD-1042")
    }
}
