/// A node's number `k` among `n` nodes sharing one helpdesk. Node `k` allocates ticket numbers
/// `k, k+n, k+2n, …`, so nodes with different numbers never allocate the same id.
public struct NodeIdentity: Equatable, Sendable {
    public let number: Int
    public let count: Int

    /// - Throws: `HelpdeskError.invalidValue` unless `1 ≤ number ≤ count`.
    public init(number: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(number) else {
            throw HelpdeskError.invalidValue(
                field: "flatdesk.node", value: "\(number) of \(count)", expected: "a node number from 1 to flatdesk.nodes")
        }
        self.number = number
        self.count = count
    }

    private init(checkedNumber: Int, count: Int) {
        self.number = checkedNumber
        self.count = count
    }

    /// The only node of a helpdesk that is not shared.
    public static let single = NodeIdentity(checkedNumber: 1, count: 1)

    /// The smallest number of this node's sequence above `highest`.
    public func nextNumber(above highest: Int) -> Int {
        let residue = number % count
        var candidate = highest + 1
        let offset = ((residue - candidate % count) % count + count) % count
        candidate += offset
        return candidate
    }
}
