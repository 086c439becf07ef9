extension WebApp {
    /// Registers the agent console under `/console`.
    func registerConsole(on router: Router) {
        router.get("/console") { [self] request in
            let viewer = try requireStaff(request)
            return page("Queues", request, "<h1>Queues</h1><p>Signed in as \(viewer.person.name).</p>")
        }
    }
}

/// Console styles and the JavaScript layer of the console.
enum ConsoleAssets {
    static let css = ""
    static let javaScript = ""
}
