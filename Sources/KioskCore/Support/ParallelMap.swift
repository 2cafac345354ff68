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
}
