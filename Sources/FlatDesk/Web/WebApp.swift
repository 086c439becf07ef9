import Foundation

/// The web front end: agent console, customer portal and JSON API on one router.
///
/// Requests pass through three middlewares, outermost first: error mapping (helpdesk errors to
/// status codes, pages or JSON), authentication (session cookie or bearer token) and CSRF checking.
public final class WebApp: Sendable {
    public let helpdesk: Helpdesk
    public let accounts: AccountStore
    public let throttle: LoginThrottle
    public let logger: Logger
    /// Adds `Secure` to cookies; set when the server is reached through HTTPS.
    public let secureCookies: Bool
    /// Full-text search, or nil when the server runs without it.
    public let search: SearchService?
    /// Sends password-reset links; nil when outgoing mail is not configured.
    public let resetMailer: (any PasswordResetMailer)?

    /// Sidebar counts of the console's queues, per viewer.
    let queueCounts = QueueCountCache()
    /// Rendered console pages, reused within one second at one commit.
    let renderCache: RenderCache

    static let sessionCookie = "fd_session"
    static let anonymousCSRFCookie = "fd_csrf"

    public init(
        helpdesk: Helpdesk, accounts: AccountStore, throttle: LoginThrottle = LoginThrottle(),
        logger: Logger = Logger(label: "flatdesk.web"), secureCookies: Bool = false, search: SearchService? = nil,
        resetMailer: (any PasswordResetMailer)? = nil, cachesPages: Bool = true
    ) {
        self.renderCache = RenderCache(isEnabled: cachesPages)
        self.resetMailer = resetMailer
        self.search = search
        self.helpdesk = helpdesk
        self.accounts = accounts
        self.throttle = throttle
        self.logger = logger
        self.secureCookies = secureCookies
    }

    /// Returns the inputs that pages cached now share: the second, a commit and the settings generation.
    /// Call it before rendering, so that a page is never older than the key it is cached under.
    /// - Parameter atHead: key on the branch head rather than the indexed commit, for a page that reads
    ///   files at the head, which moves before the index catches up with a change made elsewhere.
    func renderGeneration(atHead: Bool = false) throws -> RenderCache.Generation {
        let settings = helpdesk.settingsGeneration
        let commit = atHead ? try helpdesk.store.head() : helpdesk.index.indexedCommit
        return RenderCache.Generation(
            second: Int64(helpdesk.now().timeIntervalSince1970), commit: commit, settings: settings)
    }

    /// The access rules under the current settings.
    var access: TicketAccess { TicketAccess(settings: helpdesk.settings) }

    /// Builds the router with every page, API route and middleware.
    public func makeRouter() -> Router {
        let router = Router()
        router.use { [self] request, next in try mapErrors(request, next) }
        router.use { [self] request, next in try authenticate(request, next) }
        router.use { [self] request, next in try checkCSRF(request, next) }
        WebAssets.all.register(on: router)
        registerAuthentication(on: router)
        registerConsole(on: router)
        registerPortal(on: router)
        registerAPI(on: router)
        registerWebhooks(on: router)
        registerSearch(on: router)
        registerPasswordReset(on: router)
        registerAttachments(on: router)
        return router
    }
}
