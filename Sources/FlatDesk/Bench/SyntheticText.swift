import Foundation

/// Assembles subjects, messages and ratings from `SyntheticWords`.
enum SyntheticText {
    /// Returns a subject for a ticket of `category`, with its placeholders filled in.
    static func subject(category: String, _ random: inout SplitMix64) -> String {
        fill(
            random.pick(SyntheticWords.subjects[category] ?? SyntheticWords.subjects["Other"] ?? ["Question"]), &random)
    }

    /// Replaces every `{slot}` in `template` with a word for that slot.
    static func fill(_ template: String, _ random: inout SplitMix64) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var text = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let slot = String(rest[open...close])
            text += SyntheticWords.slots[slot].map { random.pick($0) } ?? slot
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }

    /// Writes a request of about `bytes` bytes: greeting, the problem, details until the size is reached, a sign-off.
    static func request(subject: String, signature: String, bytes: Int, _ random: inout SplitMix64) -> String {
        let opening = random.pick(SyntheticWords.greetings) + "\n\n" + subject + ". "
        let closing = "\n\n" + random.pick(SyntheticWords.closings) + "\n" + signature
        return paragraphs(opening, pool: SyntheticWords.requestDetails, bytes: bytes - closing.utf8.count, &random)
            + closing
    }

    /// Writes an agent's reply of about `bytes` bytes.
    static func agentReply(to name: String, signature: String, bytes: Int, _ random: inout SplitMix64) -> String {
        let opening = "Hello \(name),\n\n" + random.pick(SyntheticWords.replyOpenings) + " "
        let closing = "\n\n" + random.pick(SyntheticWords.closings) + "\n" + signature
        return paragraphs(opening, pool: SyntheticWords.replyDetails, bytes: bytes - closing.utf8.count, &random)
            + closing
    }

    /// Writes a requester's reply of about `bytes` bytes.
    static func requesterReply(signature: String, bytes: Int, _ random: inout SplitMix64) -> String {
        let opening = random.pick(SyntheticWords.requesterReplies) + " "
        let closing = "\n\n" + signature
        return paragraphs(opening, pool: SyntheticWords.requestDetails, bytes: bytes - closing.utf8.count, &random)
            + closing
    }

    /// Writes an internal note of about `bytes` bytes.
    static func note(bytes: Int, _ random: inout SplitMix64) -> String {
        paragraphs("", pool: SyntheticWords.notes, bytes: bytes, &random)
    }

    /// Appends sentences from `pool` to `start`, three or four per paragraph, until the text has `bytes` bytes.
    /// Sentences come in a shuffled order and repeat only after the whole pool was used.
    private static func paragraphs(_ start: String, pool: [String], bytes: Int, _ random: inout SplitMix64) -> String {
        var text = start
        var sentencesInParagraph = 0
        var order: [String] = []
        while text.utf8.count < bytes {
            if order.isEmpty { order = pool.shuffled(using: &random) }
            if sentencesInParagraph >= random.int(3...4) {
                text += "\n\n"
                sentencesInParagraph = 0
            } else if !text.isEmpty, !text.hasSuffix(" "), !text.hasSuffix("\n") {
                text += " "
            }
            text += fill(order.removeLast(), &random)
            sentencesInParagraph += 1
        }
        return text
    }

    /// Returns a satisfaction rating given some hours after `resolved`, mostly good, sometimes with a comment.
    static func rating(after resolved: Date, _ random: inout SplitMix64) -> CSATRating {
        let rating = random.weighted([(5, 50), (4, 30), (3, 10), (2, 5), (1, 5)])
        let comments =
            rating >= 4
            ? ["Quick and friendly, thank you.", "Solved on the first call.", "Great help."]
            : ["Took several days to get an answer.", "Had to explain the problem twice."]
        let comment = random.chance(0.4) ? random.pick(comments) : nil
        let at = resolved.addingTimeInterval(TimeInterval(random.int(1...48) * 3600))
        return CSATRating(rating: rating, comment: comment, at: at)
    }
}
