extension WebApp {
    /// Registers the inbound webhooks under `/api/webhooks`.
    func registerWebhooks(on router: Router) {}
}
