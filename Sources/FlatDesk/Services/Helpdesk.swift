import Foundation
import Synchronization

/// A helpdesk repository opened for work: its git store, settings and ticket index.
///
/// Every change goes through here: it is built on the branch head, committed as one commit by
/// the acting person, and then applied to the index.
public final class Helpdesk: Sendable {
    public let store: GitStore
    public let index: TicketIndex
    public let knowledgeBase: KnowledgeBase
    public let node: NodeIdentity
    public let logger: Logger
    let clock: @Sendable () -> Date
    private let settingsState: Mutex<(settings: HelpdeskSettings, problems: [FileProblem])>
    private let lastAllocated = Mutex(0)
    private let settingsReloads = Atomic(0)
    let observers = Mutex<[@Sendable (HelpdeskEvent) -> Void]>([])
    /// Tickets decoded recently, so that the reads of one change decode its file once.
    let decodedTickets = DecodedTicketCache(capacity: 64)

    /// Opens the helpdesk at `path`, reads its settings and builds the index.
    /// - Parameters:
    ///   - clock: the source of "now" for every change, injected by tests.
    /// - Throws: `HelpdeskError.missingHelpdesk` when `path` is not a git repository.
    public init(path: String, logger: Logger = Logger(label: "flatdesk"), clock: @escaping @Sendable () -> Date = Date.init)
        throws
    {
        do {
            self.store = try GitStore(path: path, logger: logger.with(["component": "git"]))
        } catch GitError.notARepository {
            throw HelpdeskError.missingHelpdesk(path: path)
        }
        self.index = TicketIndex(store: store, logger: logger.with(["component": "index"]))
        self.knowledgeBase = KnowledgeBase(store: store)
        self.node = try store.nodeIdentity()
        self.logger = logger
        self.clock = clock
        let loaded = try store.read { snapshot in try HelpdeskSettings.load(read: snapshot.read) }
        self.settingsState = Mutex((loaded.0, loaded.1))
        try index.build(statuses: Set(loaded.0.allStatuses))
    }

    /// The settings read from the branch head.
    public var settings: HelpdeskSettings { settingsState.withLock { $0.settings } }

    /// A number that grows each time the settings are read again, so that what was derived from them
    /// can tell it is out of date.
    public var settingsGeneration: Int { settingsReloads.load(ordering: .acquiring) }

    /// Problems found in `settings/` when it was last read.
    public var settingsProblems: [FileProblem] { settingsState.withLock { $0.problems } }

    /// The current time, truncated to whole seconds as stored in files.
    public func now() -> Date {
        Date(timeIntervalSince1970: clock().timeIntervalSince1970.rounded(.down))
    }

    /// Follows the branch: applies new commits to the index and re-reads settings when they changed.
    @discardableResult
    public func refresh() throws -> IndexChanges {
        let changes = try index.refresh(statuses: Set(settings.allStatuses))
        if changes.settingsChanged { try reloadSettings() }
        if !changes.isEmpty { notify(.indexChanged(changes)) }
        return changes
    }

    private func reloadSettings() throws {
        let loaded = try store.read { snapshot in try HelpdeskSettings.load(read: snapshot.read) }
        settingsState.withLock { $0 = (loaded.0, loaded.1) }
        settingsReloads.add(1, ordering: .releasing)
        logger.info("settings reloaded", ["problems": "\(loaded.1.count)"])
    }

    /// Registers a closure called after every change; it runs on the thread that made the change.
    public func observe(_ observer: @escaping @Sendable (HelpdeskEvent) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    func notify(_ event: HelpdeskEvent) {
        for observer in observers.withLock({ $0 }) { observer(event) }
    }

    /// Reserves the next ticket number of this node above every number seen so far.
    func reserveNumber(above floor: Int) -> Int {
        lastAllocated.withLock { last in
            last = node.nextNumber(above: max(floor, last, index.highestNumber))
            return last
        }
    }

    /// The commit identity of an actor at `time`.
    func identity(_ actor: Actor, at time: Date) -> CommitIdentity {
        CommitIdentity(name: actor.name, email: actor.email, time: time)
    }

    /// The bot identity that commits every change.
    func committer(at time: Date) -> CommitIdentity {
        let bot = settings.profile.bot
        return CommitIdentity(name: bot.name, email: bot.email, time: time)
    }
}

/// Something that happened in the helpdesk, for background services to react to.
public enum HelpdeskEvent: Sendable {
    case ticketCreated(Ticket, actor: Actor)
    case ticketUpdated(old: Ticket, new: Ticket, actor: Actor)
    case entryAdded(Ticket, entry: TicketEntry, actor: Actor)
    case indexChanged(IndexChanges)
    /// A target passed unmet; fired once, when `slaBreached` is committed.
    case slaBreached(Ticket, targets: [SLATarget])
    /// A target is due within the configured warning time.
    case slaWarning(Ticket, target: SLATarget, dueAt: Date)
}
