/// The SplitMix64 generator (Steele, Lea and Flood, 2014): fast, seedable and the same on every platform,
/// so a seed always produces the same synthetic helpdesk.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A generator for one item of a set, independent of every other item's generator.
    static func forItem(_ item: Int, seed: UInt64) -> SplitMix64 {
        var base = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: item) &* 0xD6E8_FEB8_6659_FD93))
        return SplitMix64(seed: base.next())
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// One element chosen by weight; `choices` must not be empty.
    mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var roll = Int.random(in: 0..<total, using: &self)
        for (item, weight) in choices {
            if roll < weight { return item }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }
}
