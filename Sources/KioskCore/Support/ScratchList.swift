/// A growable list in memory its owner allocates and frees (``deallocate()``): emptied and
/// refilled for every journal line, it costs no reference counting or uniqueness check as a
/// Swift array does.
struct ScratchList<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// The elements, valid until the list next changes.
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Removes the element at `index`, moving the later ones down.
    mutating func remove(at index: Int) {
        precondition(index >= 0 && index < count)
        for later in index + 1..<count { base[later - 1] = base[later] }
        (base + count - 1).deinitialize(count: 1)
        count -= 1
    }

    mutating func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    /// Frees the memory; the list must not be used afterwards.
    func deallocate() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
