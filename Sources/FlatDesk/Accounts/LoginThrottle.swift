import Foundation
import Synchronization

/// Limits failed sign-ins per account and per client address within a sliding window.
public final class LoginThrottle: Sendable {
    public let window: TimeInterval
    public let maximumPerAccount: Int
    public let maximumPerAddress: Int
    private let failures = Mutex<[String: [Date]]>([:])

    public init(window: TimeInterval = 15 * 60, maximumPerAccount: Int = 5, maximumPerAddress: Int = 20) {
        self.window = window
        self.maximumPerAccount = maximumPerAccount
        self.maximumPerAddress = maximumPerAddress
    }

    /// Seconds until another attempt is allowed, or nil when one is allowed now.
    public func retryAfter(account: String, address: String, now: Date = Date()) -> Int? {
        failures.withLock { all in
            let accountWait = wait(&all, "account:" + account.lowercased(), maximumPerAccount, now)
            let addressWait = wait(&all, "address:" + address, maximumPerAddress, now)
            return [accountWait, addressWait].compactMap { $0 }.max()
        }
    }

    /// Records a failed attempt.
    public func recordFailure(account: String, address: String, now: Date = Date()) {
        failures.withLock { all in
            all["account:" + account.lowercased(), default: []].append(now)
            all["address:" + address, default: []].append(now)
        }
    }

    /// Forgets an account's failures after a successful sign-in.
    public func recordSuccess(account: String) {
        failures.withLock { _ = $0.removeValue(forKey: "account:" + account.lowercased()) }
    }

    private func wait(_ all: inout [String: [Date]], _ key: String, _ limit: Int, _ now: Date) -> Int? {
        let recent = (all[key] ?? []).filter { now.timeIntervalSince($0) < window }
        all[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }
}
