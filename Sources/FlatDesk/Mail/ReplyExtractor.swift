import Foundation

/// Separates the new text of a reply from the quoted history and the signature below it.
///
/// Quoted history starts at one of three markers. The first is an attribution line (`On … wrote:` and
/// its translations, also wrapped over up to three lines). The second is an Outlook separator, such as
/// `-----Original Message-----` or a rule above a `From:`/`Sent:` header block, in several languages.
/// The third is a trailing block of `>` lines. A `>` quote followed by more new text is an inline reply
/// and stays, so only quoted history at the end is removed.
public enum ReplyExtractor {
    /// Returns the reply text with quoted history and signature removed.
    ///
    /// When nothing but quotes and signature would remain, the whole text is returned trimmed, so a
    /// message is never emptied by mistake.
    public static func newText(from text: String) -> String {
        let lines = ReplyLines(text)
        let kept = lines.keptRange()
        let withoutSignature = lines.rangeWithoutSignature(kept)
        return lines.joinedOrWhole(withoutSignature)
    }

    /// Returns the text with quoted history removed and the signature kept, the output that
    /// quote-stripping libraries such as talon produce.
    public static func textWithoutQuotedHistory(from text: String) -> String {
        let lines = ReplyLines(text)
        return lines.joinedOrWhole(lines.keptRange())
    }
}
