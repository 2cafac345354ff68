/// Several byte strings as one: each item as its length (four bytes, little-endian) and then
/// its bytes. A list answer is interned, and a many-entry comment kept, as one such key.
enum ItemKey {
    /// Adds `item` to the end of `key`.
    static func append(_ item: ByteSpan, to key: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(item.count).littleEndian) { key.append(contentsOf: $0) }
        key.append(contentsOf: item)
    }

    /// The items of `key`.
    static func items(of key: ByteSpan) -> [String] {
        var items: [String] = []
        var position = 0
        while position < key.count {
            var length = 0
            for offset in 0..<4 { length |= Int(key[position + offset]) << (8 * offset) }
            position += 4
            items.append(ByteSpan(rebasing: key[position..<position + length]).string)
            position += length
        }
        return items
    }
}
