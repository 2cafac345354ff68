@testable import KioskCore
import Testing

/// The list the journal decoder refills for every line: it must hold what an array would
/// through growth past its first capacity, removals from the middle and emptying.
@Suite struct ScratchListTests {
    @Test func itHoldsWhatAnArrayWouldThroughGrowthRemovalAndEmptying() {
        var list = ScratchList<Int>(capacity: 2)
        defer { list.deallocate() }
        var expected: [Int] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            for value in 0..<Int.random(in: 0...40, using: &generator) {
                list.append(round * 100 + value)
                expected.append(round * 100 + value)
            }
            while !expected.isEmpty, Bool.random(using: &generator) {
                let index = Int.random(in: 0..<expected.count, using: &generator)
                list.remove(at: index)
                expected.remove(at: index)
            }
            #expect(Array(list.elements) == expected)
            if round % 7 == 6 {
                list.removeAll()
                expected.removeAll()
                #expect(list.elements.isEmpty)
            }
        }
    }

    /// Elements that own memory are released when removed, emptied or freed, not leaked.
    @Test func removedElementsAreReleased() {
        final class Tracked {}
        weak var removed: Tracked?, emptied: Tracked?, freed: Tracked?
        var list = ScratchList<Tracked>(capacity: 1)
        do {
            let first = Tracked(), second = Tracked(), third = Tracked()
            removed = first
            emptied = second
            list.append(first)
            list.append(second)
            list.remove(at: 0)
            #expect(list.elements.count == 1 && list.elements[0] === second)
            _ = third
        }
        #expect(removed == nil)
        list.removeAll()
        #expect(emptied == nil)
        do {
            let last = Tracked()
            freed = last
            list.append(last)
        }
        list.deallocate()
        #expect(freed == nil)
    }
}
