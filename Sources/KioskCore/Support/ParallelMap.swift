import Foundation

/// Maps an array on every core, keeping the order of the results.
enum ParallelMap {
    /// The results, written by one worker each, read once all have finished.
    private final class Results<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Result?]

        init(count: Int) {
            storage = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: Result) {
            lock.withLock { storage[index] = value }
        }

        var values: [Result] {
            lock.withLock { storage.map { $0! } }
        }

        /// The results, which this no longer holds.
        func takeValues() -> [Result] {
            lock.withLock {
                defer { storage = [] }
                return storage.map { $0! }
            }
        }
    }

    /// A value that one worker changes while the others map, held here alone meanwhile.
    private final class Alongside<Value>: @unchecked Sendable {
        // Safe to share: only the one worker that runs the side work touches it until the
        // map is over.
        var value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    /// The elements, each taken (moved out) by the one worker that updates it.
    private final class Handoff<Element: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Element?]

        init(_ elements: [Element]) {
            storage = elements.map { $0 }
        }

        var count: Int { storage.count }

        /// Takes the element at `index`, which no worker has taken yet.
        func take(_ index: Int) -> Element {
            lock.withLock { storage[index].take()! }
        }
    }

    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Results<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            results.set(index, transform(elements[index]))
        }
        return results.values
    }

    /// Changes every element of an array on a core of its own, in place: each element is
    /// moved to its worker and back, so that it has one owner while it changes and a large
    /// table or an aggregate is never copied first.
    ///
    /// - Returns: What `body` returned for each element, in order.
    @discardableResult
    static func update<Element: Sendable, Result: Sendable>(
        _ elements: inout [Element], _ body: @Sendable (_ index: Int, _ element: inout Element) -> Result
    ) -> [Result] {
        let handoff = Handoff(elements)
        // Now the handoff holds the only copy of each element.
        elements = []
        let results = Results<(Element, Result)>(count: handoff.count)
        DispatchQueue.concurrentPerform(iterations: handoff.count) { index in
            var element = handoff.take(index)
            let result = body(index, &element)
            results.set(index, (element, result))
        }
        let updated = results.takeValues()
        elements = updated.map(\.0)
        return updated.map(\.1)
    }

    /// Maps an array on every core while one core first changes `side` with `sideWork`: work
    /// that only one core can do (merging into one aggregate) then runs while the others
    /// map, instead of after the map with the other cores idle.
    ///
    /// `side` is moved to that worker and back, not copied, so that it is changed in place.
    static func map<Element: Sendable, Result: Sendable, Side: Sendable>(
        _ elements: [Element], alongside side: inout Side, _ sideWork: @Sendable (inout Side) -> Void,
        _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        withUnsafeMutablePointer(to: &side) { side in
            let alongside = Alongside(side.move())
            let results = Results<Result>(count: elements.count)
            DispatchQueue.concurrentPerform(iterations: elements.count + 1) { index in
                // The first iteration, so that it never starts last and holds up the end.
                if index == 0 {
                    sideWork(&alongside.value)
                } else {
                    results.set(index - 1, transform(elements[index - 1]))
                }
            }
            side.initialize(to: alongside.value)
            return results.values
        }
    }
}
