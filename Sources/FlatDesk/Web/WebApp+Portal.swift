extension WebApp {
    /// Registers the customer portal under `/portal` and the public knowledge base under `/kb`.
    func registerPortal(on router: Router) {
        router.get("/portal") { [self] request in
            let viewer = try requireViewer(request)
            return page("My requests", request, "<h1>My requests</h1><p>Signed in as \(viewer.person.name).</p>")
        }
    }
}

/// Portal styles.
enum PortalAssets {
    static let css = ""
}
