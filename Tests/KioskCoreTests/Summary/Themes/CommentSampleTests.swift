@testable import KioskCore
import Testing

@Suite struct CommentSampleTests {
    private func comments(_ count: Int) -> [[String]] {
        (0..<count).map { ["comment \($0 % 700)", "entry \($0)"] }
    }

    @Test func keepsEveryCommentWhileTheyFit() {
        var sample = CommentSample(capacity: 100)
        for comment in comments(80) { sample.add(comment) }
        let (kept, isComplete) = sample.comments()
        #expect(isComplete)
        #expect(kept.sorted { $0.lexicographicallyPrecedes($1) } == comments(80).sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func theSampleIsBoundedAndTheSameInAnyOrderAndAnySplit() {
        let all = comments(5000) + comments(300)
        var forward = CommentSample(capacity: 64)
        for comment in all { forward.add(comment) }
        var backward = CommentSample(capacity: 64)
        for comment in all.reversed() { backward.add(comment) }
        var left = CommentSample(capacity: 64)
        var right = CommentSample(capacity: 64)
        for (index, comment) in all.enumerated() {
            if index % 3 == 0 { left.add(comment) } else { right.add(comment) }
        }
        right.merge(left)
        #expect(forward.comments().comments.count == 64)
        #expect(!forward.comments().isComplete)
        #expect(forward.comments().comments == backward.comments().comments)
        #expect(forward.comments().comments == right.comments().comments)
        #expect(right.offeredCount == all.count && right.nonBlankCount == all.count)
    }

    @Test func blankCommentsAreOfferedButNotCommenters() {
        var sample = CommentSample()
        sample.add(["  ", "\u{2003}"])
        sample.add(["", "ok"])
        #expect(sample.offeredCount == 2)
        #expect(sample.nonBlankCount == 1)
    }
}
