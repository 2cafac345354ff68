@testable import KioskCore
import KioskTestSupport
import Testing

/// The interner tells keys apart by their length and first eight bytes before reading the rest,
/// hashes short keys from their first and last words, and checks a hint before hashing:
/// whichever way a key is found, it must get the number it was first given.
@Suite struct ByteInternerTests {
    /// Keys that differ only in their length, their first, middle or last byte, around the
    /// word sizes the comparisons work in, and enough of them that the table grows.
    static let keys: [[UInt8]] = {
        var keys: [[UInt8]] = [[]]
        for length in [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 24, 33] {
            let base = (0..<length).map { UInt8(97 + $0 % 26) }
            keys.append(base)
            for position in Set([0, length / 2, length - 1]) {
                var changed = base
                changed[position] ^= 0x20
                keys.append(changed)
            }
        }
        return keys
    }()

    @Test func everyKeyKeepsTheNumberItWasFirstGivenWhateverTheHint() {
        var generator = SeededGenerator(seed: 0x494E_5445)
        var interner = ByteInterner()
        var expected: [[UInt8]: Int] = [:]
        for _ in 0..<5000 {
            let key = Self.keys[Int(generator.next() % UInt64(Self.keys.count))]
            let hint = Int(generator.next() % UInt64(Self.keys.count + 2))
            let number = key.withUnsafeBufferPointer { bytes in
                generator.next() % 2 == 0 ? interner.index(of: bytes) : interner.index(of: bytes, hint: hint)
            }
            let first = expected[key] ?? expected.count
            expected[key] = first
            #expect(number == first)
        }
        #expect(interner.count == Self.keys.count)
        for (key, number) in expected { #expect(interner.withKey(number) { Array($0) } == key) }
    }
}
