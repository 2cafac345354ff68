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
        var contiguous = word
        return contiguous.withUTF8 { letters in
            // The exceptional forms are made of `a`-`z` too, so other words are returned first.
            guard letters.allSatisfy({ ($0 >= a && $0 <= z) || $0 == apostrophe }) else { return word }
            if let exception = exceptionalForms.first(where: { $0.word.elementsEqual(letters) }) {
                return String(decoding: exception.stem, as: UTF8.self)
            }
            guard letters.count > 2 else { return word }
            var stemmer = Stemming(letters: Array(letters))
            stemmer.run()
            for index in stemmer.letters.indices where stemmer.letters[index] == capitalY { stemmer.letters[index] = y }
            return String(decoding: stemmer.letters, as: UTF8.self)
        }
    }

    /// Words the algorithm treats specially before doing anything else.
    static let exceptionalForms: [(word: [UInt8], stem: [UInt8])] = [
        ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
        ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"),
        ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ].map { (Array($0.utf8), Array($1.utf8)) }

    /// Words left alone after step 1a.
    static let invariantsAfterStep1a: [[UInt8]] = [
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ].map { Array($0.utf8) }

    static let a = UInt8(ascii: "a")
    static let z = UInt8(ascii: "z")
    static let y = UInt8(ascii: "y")
    static let capitalY = UInt8(ascii: "Y")
    static let apostrophe = UInt8(ascii: "'")
}

/// A suffix and what replaces it, as letters.
private struct SuffixRule {
    var suffix: [UInt8]
    var replacement: [UInt8]

    init(_ suffix: String, _ replacement: String = "") {
        self.suffix = Array(suffix.utf8)
        self.replacement = Array(replacement.utf8)
    }
}

/// The working state of one word: its letters and the starts of regions R1 and R2.
///
/// The rules are byte arrays made once and the word only ever changes at its end, so stemming
/// allocates nothing beyond the word's letters. Each step's rules are a list whose order its
/// `switch` refers to.
private struct Stemming {
    var letters: [UInt8]
    var r1 = 0
    var r2 = 0

    mutating func run() {
        prelude()
        markRegions()
        step0()
        step1a()
        if PorterStemmer.invariantsAfterStep1a.contains(letters) { return }
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

    /// The letters whose doubling step 1b undoes ("hopped" -> "hop").
    static let doubles = Array("bdfgmnprt".utf8)
    static let validLiEndings = Array("cdeghkmnrt".utf8)

    func endsWith(_ suffix: [UInt8]) -> Bool {
        suffix.count <= letters.count && letters[(letters.count - suffix.count)...].elementsEqual(suffix)
    }

    /// The index of the rule with the longest suffix the word ends with.
    func longestSuffix(among rules: [SuffixRule]) -> Int? {
        var longest: Int?
        for index in rules.indices where endsWith(rules[index].suffix) {
            if let current = longest, rules[current].suffix.count >= rules[index].suffix.count { continue }
            longest = index
        }
        return longest
    }

    mutating func replaceSuffix(_ rule: SuffixRule) {
        replaceSuffix(rule, with: rule.replacement)
    }

    mutating func replaceSuffix(_ rule: SuffixRule, with replacement: [UInt8]) {
        letters.removeLast(rule.suffix.count)
        letters.append(contentsOf: replacement)
    }

    func suffixStart(_ rule: SuffixRule) -> Int { letters.count - rule.suffix.count }

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

    static let regionPrefixes = ["gener", "commun", "arsen"].map { Array($0.utf8) }

    mutating func markRegions() {
        if let prefix = Self.regionPrefixes.first(where: { letters.starts(with: $0) }) {
            r1 = prefix.count
        } else {
            r1 = regionStart(after: 0)
        }
        r2 = regionStart(after: r1)
    }

    static let step0Rules = [SuffixRule("'s'"), SuffixRule("'s"), SuffixRule("'")]

    mutating func step0() {
        if let index = longestSuffix(among: Self.step0Rules) { replaceSuffix(Self.step0Rules[index]) }
    }

    static let step1aRules = [
        SuffixRule("sses", "ss"), SuffixRule("ied"), SuffixRule("ies"), SuffixRule("s"), SuffixRule("us"), SuffixRule("ss"),
    ]
    static let i = Array("i".utf8)
    static let ie = Array("ie".utf8)

    mutating func step1a() {
        guard let index = longestSuffix(among: Self.step1aRules) else { return }
        let rule = Self.step1aRules[index]
        switch index {
        case 0:  // sses
            replaceSuffix(rule)
        case 1, 2:  // ied, ies
            replaceSuffix(rule, with: suffixStart(rule) > 1 ? Self.i : Self.ie)
        case 3:  // s
            if suffixStart(rule) >= 2 && containsVowel(0..<(suffixStart(rule) - 1)) {
                letters.removeLast()
            }
        default:  // us, ss
            break
        }
    }

    static let step1bRules = [
        SuffixRule("eed", "ee"), SuffixRule("eedly", "ee"), SuffixRule("ed"), SuffixRule("edly"), SuffixRule("ing"),
        SuffixRule("ingly"),
    ]
    static let lengthenedEndings = ["at", "bl", "iz"].map { Array($0.utf8) }
    static let e = UInt8(ascii: "e")

    mutating func step1b() {
        guard let index = longestSuffix(among: Self.step1bRules) else { return }
        let rule = Self.step1bRules[index]
        if index < 2 {  // eed, eedly
            if suffixStart(rule) >= r1 { replaceSuffix(rule) }
            return
        }
        guard containsVowel(0..<suffixStart(rule)) else { return }
        replaceSuffix(rule)
        if Self.lengthenedEndings.contains(where: endsWith) {
            letters.append(Self.e)
        } else if letters.count >= 2, letters[letters.count - 1] == letters[letters.count - 2],
            Self.doubles.contains(letters[letters.count - 1])
        {
            letters.removeLast()
        } else if isShortWord {
            letters.append(Self.e)
        }
    }

    mutating func step1c() {
        guard let last = letters.last, last == PorterStemmer.y || last == PorterStemmer.capitalY,
            letters.count > 2, !Self.isVowel(letters[letters.count - 2])
        else { return }
        letters[letters.count - 1] = UInt8(ascii: "i")
    }

    /// The rules of step 2; "ogi" and "li" (the last two) apply only after certain letters.
    static let step2Rules = [
        SuffixRule("tional", "tion"), SuffixRule("enci", "ence"), SuffixRule("anci", "ance"), SuffixRule("abli", "able"),
        SuffixRule("entli", "ent"), SuffixRule("izer", "ize"), SuffixRule("ization", "ize"), SuffixRule("ational", "ate"),
        SuffixRule("ation", "ate"), SuffixRule("ator", "ate"), SuffixRule("alism", "al"), SuffixRule("aliti", "al"),
        SuffixRule("alli", "al"), SuffixRule("fulness", "ful"), SuffixRule("ousli", "ous"), SuffixRule("ousness", "ous"),
        SuffixRule("iveness", "ive"), SuffixRule("iviti", "ive"), SuffixRule("biliti", "ble"), SuffixRule("bli", "ble"),
        SuffixRule("fulli", "ful"), SuffixRule("lessli", "less"), SuffixRule("ogi", "og"), SuffixRule("li"),
    ]

    mutating func step2() {
        guard let index = longestSuffix(among: Self.step2Rules), suffixStart(Self.step2Rules[index]) >= r1 else { return }
        let rule = Self.step2Rules[index]
        let start = suffixStart(rule)
        switch index {
        case Self.step2Rules.count - 2:  // ogi
            guard start >= 1, letters[start - 1] == UInt8(ascii: "l") else { return }
        case Self.step2Rules.count - 1:  // li
            guard start >= 1, Self.validLiEndings.contains(letters[start - 1]) else { return }
        default:
            break
        }
        replaceSuffix(rule)
    }

    /// The rules of step 3; "ative" (the last) applies only in R2.
    static let step3Rules = [
        SuffixRule("tional", "tion"), SuffixRule("ational", "ate"), SuffixRule("alize", "al"), SuffixRule("icate", "ic"),
        SuffixRule("iciti", "ic"), SuffixRule("ical", "ic"), SuffixRule("ful"), SuffixRule("ness"), SuffixRule("ative"),
    ]

    mutating func step3() {
        guard let index = longestSuffix(among: Self.step3Rules), suffixStart(Self.step3Rules[index]) >= r1 else { return }
        let rule = Self.step3Rules[index]
        if index == Self.step3Rules.count - 1 && suffixStart(rule) < r2 { return }
        replaceSuffix(rule)
    }

    /// The suffixes step 4 removes in R2; "ion" (the last) only after s or t.
    static let step4Rules = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion",
    ].map { SuffixRule($0) }

    mutating func step4() {
        guard let index = longestSuffix(among: Self.step4Rules), suffixStart(Self.step4Rules[index]) >= r2 else { return }
        let rule = Self.step4Rules[index]
        let start = suffixStart(rule)
        if index == Self.step4Rules.count - 1 {
            guard start >= 1, letters[start - 1] == UInt8(ascii: "s") || letters[start - 1] == UInt8(ascii: "t")
            else { return }
        }
        replaceSuffix(rule)
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
