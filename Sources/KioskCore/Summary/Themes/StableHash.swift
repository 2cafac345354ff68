/// A hash that is the same in every process and on every platform (FNV-1a, 64 bits).
///
/// Swift's `Hasher` is seeded per process, so it must never decide an order that reaches a
/// report; this one is used to break ties between comments without using journal order.
public enum StableHash {
    /// The FNV-1a hash of `text`'s UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        fnv1a(text.utf8)
    }

    /// The FNV-1a hash of `bytes`.
    static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes, continuing hash: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
