// libFuzzer harness for Scrubber.scrub and NameRedactor.redact (PrivacyFilter's two steps).
// Invariants checked besides "no crash": the output holds no C0 or C1 control, DEL, bidi
// control or other character the scrubber promises to remove; scrubbing is idempotent.
// Input: the first line is a comma-separated list of names for the redactor; the whole input
// is the text.
import KioskCore

private func isRemovedScalar(_ value: UInt32) -> Bool {
    switch value {
    case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069,
         0x200B, 0x2060, 0xFEFF, 0x2028, 0x2029:
        true
    default:
        false
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scrubbed = Scrubber.scrub(text)
    if let bad = scrubbed.unicodeScalars.first(where: { isRemovedScalar($0.value) }) {
        preconditionFailure("scrub left U+\(String(bad.value, radix: 16, uppercase: true)) in its output")
    }
    let twice = Scrubber.scrub(scrubbed)
    precondition(twice == scrubbed, "scrub is not idempotent: \(Array(scrubbed.unicodeScalars)) became \(Array(twice.unicodeScalars))")

    let names = text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
    let redacted = NameRedactor(names: names).redact(scrubbed)
    if let bad = redacted.unicodeScalars.first(where: { isRemovedScalar($0.value) }) {
        preconditionFailure("redact put U+\(String(bad.value, radix: 16, uppercase: true)) back")
    }
    return 0
}
