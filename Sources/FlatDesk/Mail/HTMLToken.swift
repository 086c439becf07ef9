/// One piece of HTML as the tokenizer reads it.
enum HTMLToken {
    /// Character data with entities not yet decoded.
    case text(ArraySlice<UInt8>)
    /// A start tag with its lower-case name and attributes (lower-case names, raw values).
    case startTag(name: String, attributes: [String: String])
    /// An end tag with its lower-case name.
    case endTag(name: String)
}
