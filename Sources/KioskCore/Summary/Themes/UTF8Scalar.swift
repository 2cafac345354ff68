/// Unicode scalars read straight from valid UTF-8, for checks that look at a few bytes
/// without decoding a whole `String`.
enum UTF8Scalar {
    /// The scalar whose encoding starts at `index`, and how many bytes it takes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        switch lead {
        case ..<0x80: return (UInt32(lead), 1)
        case ..<0xE0: return (UInt32(lead & 0x1F) << 6 | continuation(1), 2)
        case ..<0xF0: return (UInt32(lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: return (UInt32(lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
    }

    /// The scalar whose encoding ends just before `end`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> UInt32 {
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(bytes, at: start).value
    }
}
