import Foundation

/// Decodes one journal line straight into a ``RecordView`` (spans of the line) or a
/// ``JournalRecord``, byte by byte, without building a JSON tree: member names are compared as
/// bytes, members the record does not use are checked and skipped, and nothing is allocated
/// for a line but the decoded text of strings with escapes, in reused scratch space.
///
/// It accepts exactly the lines that Foundation's `JSONSerialization` parses into an object
/// that is a format 1 record, with the same field values byte for byte; the seeded
/// differential test `RecordDecoderDifferentialTests` holds it to that. JSON as that parser
/// reads it: nesting up to 512 levels, a byte order mark before the value, a trailing comma
/// before `]` or `}`, a repeated member name meaning its last value under its first spelling
/// (names compared as Swift compares strings), numbers that fit a `Double` (checked only in
/// values that are kept), a byte order mark at the start of a string dropped, strings of valid
/// UTF-8 without raw control characters, and the record's own rules.
/// A line it refuses is explained by ``JournalRecordCoder/decode(_:)``.
struct RecordDecoder {
    /// `JSONSerialization`'s nesting limit.
    static let maximumDepth = 512

    /// Storage reused from line to line, so decoding a journal allocates almost nothing: the
    /// views' lists live in memory managed here, which needs no reference counting or
    /// uniqueness check per line as Swift arrays do.
    final class Scratch {
        /// Decoded strings with escapes; never shorter than the line, so it never moves.
        fileprivate var arena = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
        fileprivate var answers = ScratchList<RecordView.AnswerView>()
        fileprivate var listItems = ScratchList<ByteSpan>()

        init() {}

        deinit {
            arena.deallocate()
            answers.deallocate()
            listItems.deallocate()
        }

        /// Makes the arena big enough for the decoded strings of `line`.
        fileprivate func reserveArena(for line: ByteSpan) {
            guard arena.count < line.count + 8 else { return }
            arena.deallocate()
            arena = .allocate(capacity: line.count + line.count / 2 + 64)
        }
    }

    private let bytes: ByteSpan
    private var position = 0
    private let arena: UnsafeMutableBufferPointer<UInt8>
    private var arenaUsed = 0
    private var answers: ScratchList<RecordView.AnswerView>
    private var listItems: ScratchList<ByteSpan>
    /// Question ids whose answers have no answer's type (rare; such a record is refused).
    private var unfitIDs: [ByteSpan] = []
    /// Set by a number too large for a `Double`. JSONSerialization only converts the values
    /// it keeps, so such a number refuses the line unless a later member of the same name
    /// replaces the one it is in.
    private var sawUnrepresentableNumber = false
    /// The last member name read, for naming members that hold such a number.
    private var lastKey: ByteSpan = ByteSpan(start: nil, count: 0)

    /// Decodes `line` and, when it is a valid format 1 record, calls `body` with its view.
    /// `nil` when the line is not a record. The view must not outlive the call.
    static func withView<Result>(
        of line: ByteSpan, scratch: inout Scratch, _ body: (RecordView) -> Result
    ) -> Result? {
        scratch.reserveArena(for: line)
        var decoder = RecordDecoder(bytes: line, scratch: scratch)
        let result = decoder.record().map(body)
        // The lists may have moved while growing.
        scratch.answers = decoder.answers
        scratch.listItems = decoder.listItems
        return result
    }

    /// The record the line holds, or `nil` when it is not a valid format 1 record.
    static func decode(_ line: ByteSpan) -> JournalRecord? {
        var scratch = Scratch()
        return withView(of: line, scratch: &scratch) { $0.record() }
    }

    /// The record `line` holds, or `nil`.
    static func decode(_ line: [UInt8]) -> JournalRecord? {
        line.withUnsafeBufferPointer { decode($0) }
    }

    private init(bytes: ByteSpan, scratch: Scratch) {
        self.bytes = bytes
        self.arena = scratch.arena
        self.answers = scratch.answers
        self.listItems = scratch.listItems
        answers.removeAll()
        listItems.removeAll()
    }

    // MARK: The record

    private enum Field {
        case absent
        case string(ByteSpan)
        case null
        case other
    }

    private mutating func record() -> RecordView? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { return nil }
        position += 1
        var format: Int?
        var formatIsOther = false
        var id = Field.absent, questionnaire = Field.absent, version = Field.absent, date = Field.absent
        var session = Field.absent, location = Field.absent
        var answersRead = false
        var answersIsOther = false
        let finished = members { decoder, key in
            switch key {
            case .format:
                if let number = decoder.integer() {
                    format = number
                    formatIsOther = false
                } else {
                    guard decoder.skipValue(depth: 1) else { return false }
                    format = nil
                    formatIsOther = true
                }
            case .id: id = decoder.field(); if case .other = id { return decoder.skipValue(depth: 1) }
            case .questionnaire: questionnaire = decoder.field(); if case .other = questionnaire { return decoder.skipValue(depth: 1) }
            case .questionnaireVersion: version = decoder.field(); if case .other = version { return decoder.skipValue(depth: 1) }
            case .date: date = decoder.field(); if case .other = date { return decoder.skipValue(depth: 1) }
            case .session: session = decoder.field(); if case .other = session { return decoder.skipValue(depth: 1) }
            case .location: location = decoder.field(); if case .other = location { return decoder.skipValue(depth: 1) }
            case .answers:
                if decoder.peek() == UInt8(ascii: "{") {
                    guard let allFit = decoder.answersObject() else { return false }
                    answersRead = true
                    answersIsOther = !allFit
                } else {
                    guard decoder.skipValue(depth: 1) else { return false }
                    answersRead = false
                    answersIsOther = true
                }
            case .other:
                return decoder.skipValue(depth: 1)
            }
            return true
        }
        guard finished else { return nil }
        skipWhitespace()
        guard position == bytes.count else { return nil }

        guard !formatIsOther, format == JournalRecord.currentFormat else { return nil }
        guard case .string(let idText) = id, !idText.isEmpty,
              case .string(let questionnaireText) = questionnaire,
              case .string(let versionText) = version,
              case .string(let dateText) = date, let day = CalendarDay(dateText)
        else { return nil }
        var sessionText: ByteSpan?
        switch session {
        case .absent, .null: sessionText = nil
        case .string(let text): sessionText = text
        case .other: return nil
        }
        var locationText: ByteSpan?
        switch location {
        case .absent, .null: locationText = nil
        case .string(let text): locationText = text
        case .other: return nil
        }
        guard !answersIsOther, answersRead else { return nil }
        return RecordView(
            id: idText, questionnaire: questionnaireText, questionnaireVersion: versionText, date: dateText, day: day,
            session: sessionText, location: locationText, answers: answers.elements, listItems: listItems.elements)
    }

    private enum Key {
        case format, id, questionnaire, questionnaireVersion, date, session, location, answers, other
    }

    /// Reads an object's members after its `{`, calling `body` with the decoder at each value.
    /// `false` when the object is not valid JSON or `body` refuses a value.
    private mutating func members(_ body: (inout RecordDecoder, Key) -> Bool) -> Bool {
        if closesAtOnce(UInt8(ascii: "}")) { return true }
        var unrepresentable: [ByteSpan] = []
        var previous: Key?
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { return false }
            let key: Key
            if let written = writtenKey(after: previous) {
                key = written
            } else {
                guard let named = memberKey() else { return false }
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { return false }
                position += 1
                key = named
            }
            previous = key
            let name = lastKey
            skipWhitespace()
            sawUnrepresentableNumber = false
            guard body(&self, key) else { return false }
            if sawUnrepresentableNumber || !unrepresentable.isEmpty {
                unrepresentable.removeAll { $0.isSameText(as: name) }
                if sawUnrepresentableNumber { unrepresentable.append(name) }
            }
            switch afterElement(closing: UInt8(ascii: "}")) {
            case .another: continue
            case .closed: return unrepresentable.isEmpty
            case .invalid: return false
            }
        }
    }

    /// The member name at the position, with its colon, when it is the one the writer puts
    /// after `previous`: most lines are the writer's own, and comparing a few words is cheaper
    /// than scanning the name. `nil` (the position unchanged) for anything else.
    @inline(__always)
    private mutating func writtenKey(after previous: Key?) -> Key? {
        func take(_ literal: StaticString, _ key: Key) -> Key? {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count,
                  memcmp(bytes.baseAddress! + position, literal.utf8Start, count) == 0 else { return nil }
            lastKey = ByteSpan(start: bytes.baseAddress! + position + 1, count: count - 3)
            position += count
            return key
        }
        switch previous {
        case nil: return take("\"format\":", .format)
        case .format: return take("\"id\":", .id)
        case .id: return take("\"questionnaire\":", .questionnaire)
        case .questionnaire: return take("\"questionnaire_version\":", .questionnaireVersion)
        case .questionnaireVersion: return take("\"date\":", .date)
        case .date: return take("\"session\":", .session) ?? take("\"location\":", .location) ?? take("\"answers\":", .answers)
        case .session: return take("\"location\":", .location) ?? take("\"answers\":", .answers)
        case .location: return take("\"answers\":", .answers)
        case .answers, .other: return nil
        }
    }

    /// A member name of the record, compared as bytes (an escaped name is decoded first).
    private mutating func memberKey() -> Key? {
        guard let name = string()?.text else { return nil }
        lastKey = name
        return Self.key(named: name)
    }

    /// The record member `name` names. Told apart by length first: this runs for every
    /// member of every line.
    private static func key(named name: ByteSpan) -> Key {
        func isNamed(_ literal: StaticString) -> Bool {
            memcmp(name.baseAddress!, literal.utf8Start, literal.utf8CodeUnitCount) == 0
        }
        switch name.count {
        case 2: return isNamed("id") ? .id : .other
        case 4: return isNamed("date") ? .date : .other
        case 6: return isNamed("format") ? .format : .other
        case 7: return isNamed("answers") ? .answers : isNamed("session") ? .session : .other
        case 8: return isNamed("location") ? .location : .other
        case 13: return isNamed("questionnaire") ? .questionnaire : .other
        case 21: return isNamed("questionnaire_version") ? .questionnaireVersion : .other
        default: return .other
        }
    }

    /// A string field, `null`, or something else (left unread).
    private mutating func field() -> Field {
        switch peek() {
        case UInt8(ascii: "\""):
            guard let text = string()?.text else { return .other }
            return .string(text)
        case UInt8(ascii: "n"):
            return literal("null") ? .null : .other
        default:
            return .other
        }
    }

    /// Reads the answers object after its `{` into `answers` and `listItems`: whether every
    /// answer has an answer's type, or `nil` when it is not valid JSON.
    private mutating func answersObject() -> Bool? {
        position += 1
        var unrepresentableIDs: [ByteSpan] = []
        // While every id is ASCII, the same text means the same bytes, so a repeated id is
        // found by comparing bytes; otherwise ids are compared as Swift compares strings.
        var idsAreASCII = true
        if closesAtOnce(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\""), let (questionID, idIsASCII) = string() else { return nil }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { return nil }
            position += 1
            skipWhitespace()
            var value: RecordView.Value?
            sawUnrepresentableNumber = false
            switch peek() {
            case UInt8(ascii: "\""):
                guard let text = string()?.text else { return nil }
                value = .text(text)
            case UInt8(ascii: "["):
                let first = listItems.count
                guard let allStrings = stringList() else { return nil }
                value = allStrings ? .list(first..<listItems.count) : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard let number = numberValue() else { return nil }
                value = number.map(RecordView.Value.number)
            default:
                guard skipValue(depth: 2) else { return nil }
            }
            // A repeated question id (compared as Swift compares strings, so canonically equal
            // ones count) means its last value under its first spelling, as in
            // JSONSerialization's dictionary.
            var key = questionID
            idsAreASCII = idsAreASCII && idIsASCII
            if !idsAreASCII || answers.elements.contains(where: { $0.questionID.isSameBytes(as: questionID) })
                || unfitIDs.contains(where: { $0.isSameBytes(as: questionID) }) {
                if let index = answers.elements.firstIndex(where: { $0.questionID.isSameText(as: questionID) }) {
                    key = answers.elements[index].questionID
                    answers.remove(at: index)
                }
                if let index = unfitIDs.firstIndex(where: { $0.isSameText(as: questionID) }) {
                    key = unfitIDs[index]
                    unfitIDs.remove(at: index)
                }
            }
            if !unrepresentableIDs.isEmpty { unrepresentableIDs.removeAll { $0.isSameText(as: questionID) } }
            if sawUnrepresentableNumber {
                unrepresentableIDs.append(key)
                value = nil
            }
            if let value { answers.append(RecordView.AnswerView(questionID: key, value: value)) } else { unfitIDs.append(key) }
            switch afterElement(closing: UInt8(ascii: "}")) {
            case .another:
                continue
            case .closed:
                sawUnrepresentableNumber = !unrepresentableIDs.isEmpty
                return unfitIDs.isEmpty
            case .invalid:
                return nil
            }
        }
    }

    /// Reads an array's strings into `listItems`: whether every element was a string, or `nil`
    /// when it is not valid JSON.
    private mutating func stringList() -> Bool? {
        position += 1
        var allStrings = true
        if closesAtOnce(UInt8(ascii: "]")) { return true }
        while true {
            skipWhitespace()
            if peek() == UInt8(ascii: "\"") {
                guard let item = string()?.text else { return nil }
                listItems.append(item)
            } else {
                guard skipValue(depth: 3) else { return nil }
                allStrings = false
            }
            switch afterElement(closing: UInt8(ascii: "]")) {
            case .another: continue
            case .closed: return allStrings
            case .invalid: return nil
            }
        }
    }

    // MARK: JSON values

    /// What follows an element of an object or an array.
    private enum AfterElement {
        case another
        case closed
        case invalid
    }

    /// Consumes the closing bracket of an object or array just opened, when it is empty.
    @inline(__always)
    private mutating func closesAtOnce(_ close: UInt8) -> Bool {
        skipWhitespace()
        guard peek() == close else { return false }
        position += 1
        return true
    }

    /// Consumes what follows an element: a comma, then either another element or (as
    /// `JSONSerialization` accepts a trailing comma) the closing bracket; or the closing bracket.
    @inline(__always)
    private mutating func afterElement(closing close: UInt8) -> AfterElement {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            guard peek() == close else { return .another }
            position += 1
            return .closed
        case close:
            position += 1
            return .closed
        default:
            return .invalid
        }
    }

    @inline(__always)
    private func peek() -> UInt8 {
        position < bytes.count ? bytes[position] : 0
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count,
              memcmp(bytes.baseAddress! + position, text.utf8Start, count) == 0 else { return false }
        position += count
        return true
    }

    /// Checks and passes over one value of any kind.
    private mutating func skipValue(depth: Int) -> Bool {
        switch peek() {
        case UInt8(ascii: "\""): return stringSpan() != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return numberValue() != nil
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let isObject = peek() == UInt8(ascii: "{")
            guard depth + 1 <= Self.maximumDepth else { return false }
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            position += 1
            if closesAtOnce(close) { return true }
            while true {
                skipWhitespace()
                if isObject {
                    guard peek() == UInt8(ascii: "\""), stringSpan() != nil else { return false }
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { return false }
                    position += 1
                    skipWhitespace()
                }
                guard skipValue(depth: depth + 1) else { return false }
                switch afterElement(closing: close) {
                case .another: continue
                case .closed: return true
                case .invalid: return false
                }
            }
        default:
            return false
        }
    }

    /// An integer member value, leaving the position unchanged when the value is not one.
    private mutating func integer() -> Int? {
        let start = position
        guard let number = numberValue(), let value = number else {
            position = start
            return nil
        }
        return value
    }

    /// A number: `nil` when it is not valid JSON or does not fit a `Double` (JSONSerialization
    /// refuses those), `.some(nil)` for a valid number that is not an `Int` (a fraction, an
    /// exponent, or too large), else the integer.
    private mutating func numberValue() -> Int?? {
        let start = position
        let negative = peek() == UInt8(ascii: "-")
        if negative { position += 1 }
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        guard isDigit(peek()) else { return nil }
        // Up to 18 digits cannot overflow, so the value is read on the way (nearly every number).
        var magnitude = 0
        let digitsStart = position
        if peek() == UInt8(ascii: "0") {
            position += 1
            // JSONSerialization refuses a leading zero such as 01.
            if isDigit(peek()) { return nil }
        } else {
            while isDigit(peek()) {
                magnitude = magnitude &* 10 &+ Int(peek() &- UInt8(ascii: "0"))
                position += 1
            }
        }
        let digitCount = position - digitsStart
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard isDigit(peek()) else { return nil }
            while isDigit(peek()) { position += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek()) else { return nil }
            while isDigit(peek()) { position += 1 }
        }
        if isInteger, digitCount <= 18 { return .some(negative ? -magnitude : magnitude) }
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if isInteger, digits.count <= 19 {
            var value = 0
            var index = negative ? 1 : 0
            var overflow = false
            while index < digits.count {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let digit = Int(digits[index] - UInt8(ascii: "0"))
                let (next, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
                overflow = overflow || o1 || o2
                value = next
                index += 1
            }
            if !overflow { return .some(value) }
        }
        if Double(String(decoding: digits, as: UTF8.self))?.isFinite != true { sawUnrepresentableNumber = true }
        return .some(nil)
    }

    /// A string value: its bytes in the line, or its decoded text in the arena when it had
    /// escapes; and whether the text is surely ASCII. A byte order mark written as such at the
    /// very start is dropped, as JSONSerialization's string conversion drops it (an escaped
    /// `\ufeff` stays).
    @inline(__always)
    private mutating func string() -> (text: ByteSpan, isASCII: Bool)? {
        let arenaStart = arenaUsed
        guard let span = stringSpan() else { return nil }
        let (start, end) = (span.start, span.end)
        let text = span.escaped
            ? ByteSpan(start: arena.baseAddress! + arenaStart, count: arenaUsed - arenaStart) : ByteSpan(rebasing: bytes[start..<end])
        guard !span.isASCII, end - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF else {
            return (text, span.isASCII)
        }
        return (ByteSpan(rebasing: text.dropFirst(3)), false)
    }

    @inline(__always)
    private mutating func appendDecoded(_ byte: UInt8) {
        arena[arenaUsed] = byte
        arenaUsed += 1
    }

    /// Copies raw bytes of the line that need no decoding to the arena.
    @inline(__always)
    private mutating func appendDecoded(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        (arena.baseAddress! + arenaUsed).update(from: bytes.baseAddress! + range.lowerBound, count: range.count)
        arenaUsed += range.count
    }

    /// Where a string lies in the line, inside its quotes.
    private struct StringSpan {
        var start: Int
        var end: Int
        /// It had escapes: the arena holds its decoded UTF-8 from where it stood before.
        var escaped: Bool
        /// No byte outside ASCII and no `\u` escape (which may stand for one).
        var isASCII: Bool
    }

    /// Checks a string at the position and passes over it.
    ///
    /// Most strings are plain ASCII: this part, inlined where strings are read, passes over
    /// those; at the first byte that needs a look (an escape, a byte past ASCII, a control
    /// character) it hands on to ``stringSpan(from:at:)``. A call per string with the whole
    /// scanner behind it had cost its register saves on every key and short value.
    @inline(__always)
    private mutating func stringSpan() -> StringSpan? {
        let start = position + 1
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var at = start
        while at + 8 <= count {
            let special = Self.specialBytes(UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
            if special != 0 {
                at += special.trailingZeroBitCount >> 3
                guard base[at] == UInt8(ascii: "\"") else { break }
                position = at + 1
                return StringSpan(start: start, end: at, escaped: false, isASCII: true)
            }
            at += 8
        }
        return stringSpan(from: start, at: at)
    }

    /// Checks the rest of the string that starts at `start`, from `at`, and passes over it.
    @inline(never)
    private mutating func stringSpan(from start: Int, at resumed: Int) -> StringSpan? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        // A local copy of the position: the struct's own is written back on the way out, not
        // on every step of the loop.
        var at = resumed
        defer { position = at }
        var escaped = false
        var isASCII = true
        // After an escape, the raw bytes from here on are copied to the arena in runs.
        var pending = start
        while true {
            // Runs of plain ASCII (most of a comment) are passed over eight bytes at a time,
            // straight to the first byte that needs a look.
            while at + 8 <= count {
                let special = Self.specialBytes(UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
                if special != 0 {
                    at += special.trailingZeroBitCount >> 3
                    break
                }
                at += 8
            }
            guard at < count else { return nil }
            let byte = base[at]
            if byte == UInt8(ascii: "\"") {
                if escaped { appendDecoded(pending..<at) }
                at += 1
                return StringSpan(start: start, end: at - 1, escaped: escaped, isASCII: isASCII)
            }
            if byte == UInt8(ascii: "\\") {
                appendDecoded(pending..<at)
                escaped = true
                if at + 1 < count, base[at + 1] == UInt8(ascii: "u") { isASCII = false }
                position = at
                guard unescape() else { return nil }
                at = position
                // JSONSerialization converts the text between escapes piece by piece, and
                // each conversion drops a byte order mark it starts with.
                if at + 3 <= count, base[at] == 0xEF, base[at + 1] == 0xBB, base[at + 2] == 0xBF { at += 3 }
                pending = at
                continue
            }
            if byte < 0x20 { return nil }
            if byte < 0x80 {
                at += 1
                continue
            }
            isASCII = false
            let length = Self.validSequenceLength(bytes, at: at)
            guard length > 0 else { return nil }
            at += length
        }
    }

    /// The high bit of each of eight bytes (little-endian) that is a quote, a backslash, a
    /// control character or not ASCII. Bits above the lowest may be set falsely (a borrow
    /// carries), but the lowest set bit is always the first such byte, which is all that is used.
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
        return ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes | (word &- ones &* 0x20) & ~word | word) & high
    }

    /// Decodes the escape at the position into the arena.
    private mutating func unescape() -> Bool {
        position += 1
        guard position < bytes.count else { return false }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): appendDecoded(escape)
        case UInt8(ascii: "b"): appendDecoded(0x08)
        case UInt8(ascii: "f"): appendDecoded(0x0C)
        case UInt8(ascii: "n"): appendDecoded(0x0A)
        case UInt8(ascii: "r"): appendDecoded(0x0D)
        case UInt8(ascii: "t"): appendDecoded(0x09)
        case UInt8(ascii: "u"):
            guard var scalar = hexQuad() else { return false }
            if (0xDC00...0xDFFF).contains(scalar) { return false }
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
                      bytes[position + 1] == UInt8(ascii: "u") else { return false }
                position += 2
                guard let low = hexQuad(), (0xDC00...0xDFFF).contains(low) else { return false }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicodeScalar = Unicode.Scalar(scalar) else { return false }
            for byte in UTF8.encode(unicodeScalar)! { appendDecoded(byte) }
        default:
            return false
        }
        return true
    }

    private mutating func hexQuad() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// The length of the valid UTF-8 sequence starting at a non-ASCII byte, or 0 (overlong
    /// forms, encoded surrogates and values past U+10FFFF are invalid, as in Swift's `String`).
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }
}
