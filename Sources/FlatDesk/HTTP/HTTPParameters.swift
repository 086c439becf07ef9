/// An ordered list of name and value pairs from a query string or a form body.
///
/// A name may repeat (`tag=a&tag=b`); the subscript returns the first value and `values(for:)` returns all.
public struct HTTPParameters: Sendable, Sequence, Equatable {
    /// One decoded name and value pair.
    public struct Item: Sendable, Equatable {
        public var name: String
        public var value: String

        /// Creates a pair from a decoded name and value.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The pairs in the order they appeared.
    public var items: [Item]

    /// Creates a parameter list from decoded pairs.
    public init(_ items: [Item] = []) {
        self.items = items
    }

    /// Returns the first value for `name`, or nil when the name is absent.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Returns every value for `name` in order.
    public func values(for name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    /// A dictionary that keeps the first value of each name.
    public var firstValues: [String: String] {
        var result: [String: String] = [:]
        for item in items where result[item.name] == nil {
            result[item.name] = item.value
        }
        return result
    }

    public func makeIterator() -> IndexingIterator<[Item]> {
        items.makeIterator()
    }
}
