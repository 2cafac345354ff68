/// Seeded journal lines for the differential test: records written with every liberty JSON
/// allows (white space, member order, escapes, duplicates, unknown members, a byte order mark,
/// trailing commas, odd numbers), then optionally broken by ``mutate(_:)``.
struct LineGenerator {
    /// SplitMix64: small, seedable, the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    var random: Random

    init(seed: UInt64) { random = Random(state: seed) }

    static let textPieces = [
        "the", "approval", " process", "is slow", "café", "cafe\u{301}", "🙂", "’", "\"", "\\", "/", "\n", "\t",
        "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "Ü", "¿", "中文", "\u{FEFF}", "\u{10FFFF}", " ", "ﬁ",
    ]

    mutating func text() -> String {
        (0..<random.below(5)).map { _ in random.pick(Self.textPieces) }.joined()
    }

    /// A JSON string for `text`, escaping what must be escaped and, at random, more.
    mutating func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += random.chance(90) ? "\\\\" : "\\u005c"
            case "\n": out += random.pick(["\\n", "\\u000a", "\\u000A"])
            case "\t": out += "\\t"
            case "/": out += random.chance(50) ? "\\/" : "/"
            case _ where scalar.value < 0x20: out += "\\u" + hex4(scalar.value)
            case _ where random.chance(10):
                if scalar.value > 0xFFFF {
                    let value = scalar.value - 0x10000
                    out += "\\u" + hex4(0xD800 + (value >> 10)) + "\\u" + hex4(0xDC00 + (value & 0x3FF))
                } else {
                    out += "\\u" + hex4(scalar.value)
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    mutating func space() -> String {
        guard random.chance(20) else { return "" }
        return (0..<1 + random.below(2)).map { _ in random.pick([" ", "\t", "\r", "\n"]) }.joined()
    }

    mutating func number() -> String {
        random.pick([
            String(random.below(11)), String(-random.below(5)), "1.0", "1e0", "1E+2", "-0", "0.5", "01", "1.", ".5", "-",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "12345678901234567890123", "1e308", "1e309", "2e-400", String(repeating: "9", count: 320), "+1", "0x10",
        ])
    }

    mutating func answerValue() -> String {
        switch random.below(10) {
        case 0...2: return number()
        case 3...5: return quoted(text())
        case 6...7:
            let items = (0..<random.below(4)).map { _ in random.chance(90) ? quoted(text()) : number() }
            return "[" + space() + items.joined(separator: space() + "," + space()) + (random.chance(10) ? "," : "") + space() + "]"
        default: return random.pick(["null", "true", "false", "{}", "{\"a\":1}", "[[]]", "nul", "True"])
        }
    }

    mutating func object(_ members: [(String, String)]) -> String {
        let parts = members.map { space() + quoted($0.0) + space() + ":" + space() + $0.1 }
        return "{" + parts.joined(separator: ",") + (random.chance(10) ? "," : "") + space() + "}"
    }

    mutating func line() -> [UInt8] {
        var members: [(String, String)] = []
        let format = random.chance(85) ? "1" : random.pick(["2", "1.0", "\"1\"", "null", "0"])
        members.append(("format", format))
        members.append(("id", random.chance(95) ? quoted("id-\(random.below(1000))") : random.pick(["\"\"", "7", "null"])))
        members.append(("questionnaire", random.chance(95) ? quoted(random.pick(["staff-pulse", "q", text()])) : "1"))
        members.append(("questionnaire_version", random.chance(95) ? quoted("1") : "1"))
        let dates = ["2026-03-14", "2026-02-30", "2026-3-14", "2026-12-31", "20260314", "2026-03-14 "]
        members.append(("date", quoted(random.chance(85) ? "2026-03-14" : random.pick(dates))))
        if random.chance(50) { members.append(("session", random.chance(80) ? quoted(text()) : random.pick(["null", "1", "[]"]))) }
        if random.chance(50) { members.append(("location", random.chance(80) ? quoted(text()) : "null")) }
        let answerIDs = ["recommend", "reason", "team", "x", "recommend", "é", "e\u{301}"]
        let answers = (0..<random.below(5)).map { _ in (random.pick(answerIDs), answerValue()) }
        members.append(("answers", random.chance(95) ? object(answers) : random.pick(["[]", "null", "\"\""])))
        if random.chance(15) { members.append((random.pick(["extra", "format", "id", "answers"]), answerValue())) }
        if random.chance(3) {
            let depth = random.pick([100, 510, 511, 512, 513])
            members.append(("deep", String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
        }
        members.shuffle(using: &random)
        var line = space() + object(members) + space()
        if random.chance(3) { line = "\u{FEFF}" + line }
        return Array(line.utf8)
    }

    /// Breaks a line the ways damaged journals are broken: cut short, a flipped bit, a byte
    /// added or lost, a span repeated.
    mutating func mutate(_ line: inout [UInt8]) {
        guard !line.isEmpty else { return }
        let index = random.below(line.count)
        switch random.below(6) {
        case 0: line.removeSubrange(index...)
        case 1: line[index] ^= 1 << UInt8(random.below(8))
        case 2: line.insert(random.pick([0x00, 0x22, 0x2C, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x80, 0xC0, 0xED, 0xF5, 0xFF, 0x20]), at: index)
        case 3: line.remove(at: index)
        case 4:
            let end = min(line.count, index + 1 + random.below(12))
            line.insert(contentsOf: line[index..<end], at: index)
        default:
            let bytes: [UInt8] = Array(random.pick(["\\ud800", "\\udc00", "\\u00", "\\x", "\u{FEFF}", ",", "\"a\":1,"]).utf8)
            line.insert(contentsOf: bytes, at: index)
        }
    }
}

extension LineGenerator.Random: RandomNumberGenerator {}
