/// The Porter2 ("Snowball English") stemmer, ported from the published algorithm description
/// (https://snowballstem.org/algorithms/english/stemmer.html), with the `gener`/`commun`/`arsen`
/// region prefixes and the two exception lists.
///
/// It follows the classic description, as Snowball's published reference output does
/// (snowball-data `english/diffs.txt`, sampled in the tests): "evening" stems to "even" and
/// "added" to "ad". Later revisions of Snowball's `english.sbl` keep "evening" whole and keep the
/// double letter of "added"; porting those would break agreement with the published pairs.
///
/// Input is expected in lower case. Words with characters other than `a`-`z` and the apostrophe
/// are returned unchanged: the algorithm is defined for English letters only.
public enum PorterStemmer {
    /// The stem of `word`.
    public static func stem(_ word: String) -> String {
        if let exception = exceptionalForms[word] { return exception }
        let letters = Array(word.utf8)
        guard letters.count > 2, letters.allSatisfy({ ($0 >= a && $0 <= z) || $0 == apostrophe }) else {
            return word
        }
        var stemmer = Stemming(letters: letters)
        stemmer.run()
        return String(decoding: stemmer.letters.map { $0 == capitalY ? y : $0 }, as: UTF8.self)
    }

    /// Words the algorithm treats specially before doing anything else.
    static let exceptionalForms: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
        "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
        "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
        "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]

    /// Words left alone after step 1a.
    static let invariantsAfterStep1a: Set<String> = [
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ]

    static let a = UInt8(ascii: "a")
    static let z = UInt8(ascii: "z")
    static let y = UInt8(ascii: "y")
    static let capitalY = UInt8(ascii: "Y")
    static let apostrophe = UInt8(ascii: "'")
}

/// The working state of one word: its letters and the starts of regions R1 and R2.
private struct Stemming {
    var letters: [UInt8]
    var r1 = 0
    var r2 = 0

    mutating func run() {
        prelude()
        markRegions()
        step0()
        step1a()
        if PorterStemmer.invariantsAfterStep1a.contains(String(decoding: letters, as: UTF8.self)) { return }
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
    }

    // MARK: Letters

    static func isVowel(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            true
        default:
            false
        }
    }

    static let doubles: Set<String> = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]
    static let validLiEndings = Set("cdeghkmnrt".utf8)

    func endsWith(_ suffix: String) -> Bool {
        let suffixLetters = Array(suffix.utf8)
        guard suffixLetters.count <= letters.count else { return false }
        return Array(letters[(letters.count - suffixLetters.count)...]) == suffixLetters
    }

    /// The longest of `suffixes` the word ends with.
    func longestSuffix(among suffixes: [String]) -> String? {
        suffixes.filter(endsWith).max { $0.utf8.count < $1.utf8.count }
    }

    mutating func replaceSuffix(_ suffix: String, with replacement: String) {
        letters.removeLast(suffix.utf8.count)
        letters.append(contentsOf: replacement.utf8)
    }

    func suffixStart(_ suffix: String) -> Int { letters.count - suffix.utf8.count }

    func containsVowel(_ range: Range<Int>) -> Bool {
        letters[range].contains(where: Self.isVowel)
    }

    /// Whether `letters[..<end]` ends in a short syllable: non-vowel, vowel, non-vowel other than
    /// w, x or Y; or, at the start of the word, a vowel followed by a non-vowel.
    func endsInShortSyllable(_ end: Int) -> Bool {
        if end == 2 {
            return Self.isVowel(letters[0]) && !Self.isVowel(letters[1])
        }
        guard end >= 3 else { return false }
        let last = letters[end - 1]
        return !Self.isVowel(letters[end - 3]) && Self.isVowel(letters[end - 2]) && !Self.isVowel(last)
            && last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != PorterStemmer.capitalY
    }

    var isShortWord: Bool { r1 >= letters.count && endsInShortSyllable(letters.count) }

    // MARK: Steps

    mutating func prelude() {
        if letters.first == PorterStemmer.apostrophe { letters.removeFirst() }
        guard !letters.isEmpty else { return }
        if letters[0] == PorterStemmer.y { letters[0] = PorterStemmer.capitalY }
        for index in letters.indices.dropFirst() where letters[index] == PorterStemmer.y {
            if Self.isVowel(letters[index - 1]) { letters[index] = PorterStemmer.capitalY }
        }
    }

    func regionStart(after start: Int) -> Int {
        var index = start
        while index < letters.count && !Self.isVowel(letters[index]) { index += 1 }
        index += 1
        while index < letters.count && Self.isVowel(letters[index]) { index += 1 }
        return min(index + 1, letters.count)
    }

    mutating func markRegions() {
        let word = String(decoding: letters, as: UTF8.self)
        if let prefix = ["gener", "commun", "arsen"].first(where: word.hasPrefix) {
            r1 = prefix.utf8.count
        } else {
            r1 = regionStart(after: 0)
        }
        r2 = regionStart(after: r1)
    }

    mutating func step0() {
        if let suffix = longestSuffix(among: ["'s'", "'s", "'"]) {
            letters.removeLast(suffix.utf8.count)
        }
    }

    mutating func step1a() {
        guard let suffix = longestSuffix(among: ["sses", "ied", "ies", "s", "us", "ss"]) else { return }
        switch suffix {
        case "sses":
            replaceSuffix(suffix, with: "ss")
        case "ied", "ies":
            replaceSuffix(suffix, with: suffixStart(suffix) > 1 ? "i" : "ie")
        case "s":
            if suffixStart(suffix) >= 2 && containsVowel(0..<(suffixStart(suffix) - 1)) {
                letters.removeLast()
            }
        default:
            break
        }
    }

    mutating func step1b() {
        guard let suffix = longestSuffix(among: ["eed", "eedly", "ed", "edly", "ing", "ingly"]) else { return }
        if suffix == "eed" || suffix == "eedly" {
            if suffixStart(suffix) >= r1 { replaceSuffix(suffix, with: "ee") }
            return
        }
        guard containsVowel(0..<suffixStart(suffix)) else { return }
        letters.removeLast(suffix.utf8.count)
        if endsWith("at") || endsWith("bl") || endsWith("iz") {
            letters.append(UInt8(ascii: "e"))
        } else if letters.count >= 2,
            Self.doubles.contains(String(decoding: letters[(letters.count - 2)...], as: UTF8.self))
        {
            letters.removeLast()
        } else if isShortWord {
            letters.append(UInt8(ascii: "e"))
        }
    }

    mutating func step1c() {
        guard let last = letters.last, last == PorterStemmer.y || last == PorterStemmer.capitalY,
            letters.count > 2, !Self.isVowel(letters[letters.count - 2])
        else { return }
        letters[letters.count - 1] = UInt8(ascii: "i")
    }

    static let step2Rules: [String: String] = [
        "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
        "izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
        "alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous",
        "ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble",
        "ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
    ]

    mutating func step2() {
        guard let suffix = longestSuffix(among: Array(Self.step2Rules.keys)),
            let replacement = Self.step2Rules[suffix], suffixStart(suffix) >= r1
        else { return }
        let start = suffixStart(suffix)
        switch suffix {
        case "ogi":
            guard start >= 1, letters[start - 1] == UInt8(ascii: "l") else { return }
        case "li":
            guard start >= 1, Self.validLiEndings.contains(letters[start - 1]) else { return }
        default:
            break
        }
        replaceSuffix(suffix, with: replacement)
    }

    static let step3Rules: [String: String] = [
        "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic",
        "ical": "ic", "ful": "", "ness": "", "ative": "",
    ]

    mutating func step3() {
        guard let suffix = longestSuffix(among: Array(Self.step3Rules.keys)),
            let replacement = Self.step3Rules[suffix], suffixStart(suffix) >= r1
        else { return }
        if suffix == "ative" && suffixStart(suffix) < r2 { return }
        replaceSuffix(suffix, with: replacement)
    }

    static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion",
    ]

    mutating func step4() {
        guard let suffix = longestSuffix(among: Self.step4Suffixes), suffixStart(suffix) >= r2 else { return }
        let start = suffixStart(suffix)
        if suffix == "ion" {
            guard start >= 1, letters[start - 1] == UInt8(ascii: "s") || letters[start - 1] == UInt8(ascii: "t")
            else { return }
        }
        letters.removeLast(suffix.utf8.count)
    }

    mutating func step5() {
        guard let last = letters.last else { return }
        let start = letters.count - 1
        if last == UInt8(ascii: "e") {
            if start >= r2 || (start >= r1 && !endsInShortSyllable(start)) { letters.removeLast() }
        } else if last == UInt8(ascii: "l") {
            if start >= r2 && start >= 1 && letters[start - 1] == UInt8(ascii: "l") { letters.removeLast() }
        }
    }
}
