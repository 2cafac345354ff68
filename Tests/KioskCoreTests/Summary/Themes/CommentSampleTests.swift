@testable import KioskCore
import Testing

@Suite struct CommentSampleTests {
    /// Respondent `index`'s comment: 700 distinct first entries, so most are given many times.
    private func comments(_ count: Int, from first: Int = 0) -> [(key: UInt64, entries: [String])] {
        (first..<first + count).map { index in
            (CommentSample.key(respondent: "r\(index)", question: "reason"), ["comment \(index % 700)", "entry \(index)"])
        }
    }

    private func sorted(_ comments: [[String]]) -> [[String]] {
        comments.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func keepsEveryCommentWhileTheyFit() {
        var sample = CommentSample(capacity: 100)
        for comment in comments(80) { sample.add(comment.entries, key: comment.key) }
        let (kept, isComplete) = sample.comments()
        #expect(isComplete)
        #expect(sorted(kept) == sorted(comments(80).map(\.entries)))
    }

    /// The sample is the comments of the respondents with the smallest keys, whatever they said.
    @Test func keepsTheCommentsOfTheRespondentsWithTheSmallestKeys() {
        let all = comments(5000)
        var sample = CommentSample(capacity: 64)
        for comment in all { sample.add(comment.entries, key: comment.key) }
        let expected = all.sorted { $0.key < $1.key }.prefix(64).map(\.entries)
        #expect(sorted(sample.comments().comments) == sorted(Array(expected)))
        #expect(!sample.comments().isComplete)
    }

    /// Keys that collide (here on purpose, by the hundred) are kept by the comments' bytes as
    /// ``ItemKey`` writes them (a short comment first, since the length comes first), so the
    /// sample still does not depend on the order or the split.
    @Test func commentsWithTheSameKeyAreKeptByTheirBytes() {
        let all = (0..<1000).map { index in (key: UInt64(index % 10), entries: ["comment \((index * 7919) % 1000)"]) }
        let expected = all.sorted { lhs, rhs in
            (lhs.key, lhs.entries[0].utf8.count, lhs.entries[0]) < (rhs.key, rhs.entries[0].utf8.count, rhs.entries[0])
        }.prefix(25).map(\.entries)
        let (forward, backward, split) = Self.samples(of: all, capacity: 25) { $0 % 7 < 3 }
        #expect(sorted(forward.comments().comments) == sorted(Array(expected)))
        #expect(forward == backward && forward == split)
    }

    @Test func theSampleIsBoundedAndTheSameInAnyOrderAndAnySplit() {
        let all = comments(5000) + comments(300, from: 5000)
        let (forward, backward, split) = Self.samples(of: all, capacity: 64) { $0 % 3 == 0 }
        #expect(forward.comments().comments.count == 64)
        #expect(!forward.comments().isComplete)
        #expect(forward.comments().comments == backward.comments().comments)
        #expect(forward.comments().comments == split.comments().comments)
        #expect(forward == split)
        #expect(split.offeredCount == all.count && split.nonBlankCount == all.count)
    }

    /// The comments sampled in order, in reverse, and split in two by position (`isLeft`)
    /// then merged.
    static func samples(
        of all: [(key: UInt64, entries: [String])], capacity: Int, isLeft: (Int) -> Bool
    ) -> (forward: CommentSample, backward: CommentSample, split: CommentSample) {
        var forward = CommentSample(capacity: capacity)
        for comment in all { forward.add(comment.entries, key: comment.key) }
        var backward = CommentSample(capacity: capacity)
        for comment in all.reversed() { backward.add(comment.entries, key: comment.key) }
        var left = CommentSample(capacity: capacity)
        var right = CommentSample(capacity: capacity)
        for (index, comment) in all.enumerated() {
            if isLeft(index) { left.add(comment.entries, key: comment.key) } else { right.add(comment.entries, key: comment.key) }
        }
        left.merge(right)
        return (forward, backward, left)
    }

    /// Pieces started from ``CommentSample/emptied()`` skip comments that can no longer be kept;
    /// merged, they are the sample of reading everything in one go.
    @Test func piecesStartedFromTheSampleSoFarMergeIntoTheSameSample() {
        let all = comments(6000)
        var whole = CommentSample(capacity: 64)
        for comment in all { whole.add(comment.entries, key: comment.key) }
        var total = CommentSample(capacity: 64)
        for piece in stride(from: 0, to: all.count, by: 500) {
            var part = total.emptied()
            for comment in all[piece..<piece + 500] { part.add(comment.entries, key: comment.key) }
            total.merge(part)
        }
        #expect(total == whole)
        #expect(total.offeredCount == all.count)
    }

    /// A comment many respondents give is in the sample about as often as its share of the
    /// respondents, not every time or never (as when the key was a hash of the comment).
    @Test func aCommonCommentIsSampledInProportionNotAllOrNothing() {
        var sample = CommentSample(capacity: 200)
        for index in 0..<10_000 {
            let comment = index % 5 < 2 ? "Nothing" : "something else, \(index)"
            sample.add([comment], key: CommentSample.key(respondent: "r\(index)", question: "reason"))
        }
        let nothingCount = sample.comments().comments.filter { $0 == ["Nothing"] }.count
        // 40% of 200 is 80; the binomial's standard deviation is about 7.
        #expect((50...110).contains(nothingCount))
    }

    /// Each question samples its own respondents: two questions answered by everyone share
    /// about as many sampled respondents as two independent samples would (64 · 64 / 5000).
    @Test func questionsSampleDifferentRespondents() {
        var reason = CommentSample(capacity: 64)
        var improvement = CommentSample(capacity: 64)
        for index in 0..<5000 {
            reason.add(["r\(index)"], key: CommentSample.key(respondent: "r\(index)", question: "reason"))
            improvement.add(["r\(index)"], key: CommentSample.key(respondent: "r\(index)", question: "improvement"))
        }
        let shared = Set(reason.comments().comments).intersection(improvement.comments().comments)
        #expect(shared.count < 8)
    }

    @Test func blankCommentsAreOfferedButNotCommenters() {
        var sample = CommentSample()
        sample.add(["  ", "\u{2003}"], key: 1)
        sample.add(["", "ok"], key: 2)
        #expect(sample.offeredCount == 2)
        #expect(sample.nonBlankCount == 1)
    }
}

extension CommentSample {
    /// The key respondent `id`'s comment on the question `questionID` is sampled by, as the
    /// accumulators compute it from the journal line's bytes.
    static func key(respondent id: String, question questionID: String) -> UInt64 {
        var id = id, questionID = questionID
        return key(respondentHash: id.withUTF8(ByteHash.hash), questionHash: questionID.withUTF8(ByteHash.hash))
    }
}
