/// A fragment of HTML. Interpolated strings are escaped; only other `HTML` values go in as markup,
/// so a page built from `HTML` literals is escaped by construction.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var rendered: String

    /// Wraps markup that is already safe, such as cmark-gfm output.
    public init(trusted markup: String) {
        rendered = markup
    }

    public init(stringLiteral value: String) {
        rendered = value
    }

    public init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.output
    }

    public var description: String { rendered }

    public static let empty = HTML(trusted: "")

    /// Joins fragments without a separator.
    public static func join(_ fragments: [HTML]) -> HTML {
        HTML(trusted: fragments.map(\.rendered).joined())
    }

    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        /// Appends text, escaped for element content and quoted attribute values.
        public mutating func appendInterpolation(_ text: String) {
            output += HTMLEscaping.escape(text)
        }

        public mutating func appendInterpolation(_ text: String?) {
            output += HTMLEscaping.escape(text ?? "")
        }

        public mutating func appendInterpolation(_ number: Int) {
            output += String(number)
        }

        public mutating func appendInterpolation(_ fragment: HTML) {
            output += fragment.rendered
        }

        public mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { output += fragment.rendered }
        }
    }
}
