import KioskCore
import Testing

/// Word -> stem pairs checked against the Snowball project's published English vocabulary and
/// output (snowball-data, `english/voc.txt` / `output.txt`, as listed side by side in
/// `english/diffs.txt`), plus the algorithm's documented examples and exception lists.
let publishedStems: [(String, String)] = [
    // The algorithm page's own examples.
    ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"),
    ("consignment", "consign"), ("consist", "consist"), ("consisted", "consist"),
    ("consistency", "consist"), ("consistent", "consist"), ("consistently", "consist"),
    ("consisting", "consist"), ("consists", "consist"),
    ("knack", "knack"), ("knackeries", "knackeri"), ("knaves", "knave"),
    ("knavish", "knavish"), ("kneaded", "knead"), ("kneading", "knead"), ("knee", "knee"),
    ("kneel", "kneel"), ("kneeled", "kneel"), ("kneeling", "kneel"), ("kneels", "kneel"),
    ("knees", "knee"), ("knell", "knell"), ("knelt", "knelt"), ("knew", "knew"),
    ("knick", "knick"), ("knif", "knif"), ("knife", "knife"), ("knight", "knight"),
    ("knightly", "knight"), ("knights", "knight"), ("knit", "knit"), ("knits", "knit"),
    ("knitted", "knit"), ("knitting", "knit"), ("knives", "knive"), ("knob", "knob"),
    ("knobs", "knob"), ("knock", "knock"), ("knocked", "knock"), ("knocker", "knocker"),
    ("knockers", "knocker"), ("knocking", "knock"), ("knocks", "knock"), ("knopp", "knopp"),
    ("knot", "knot"), ("knots", "knot"),
    ("generously", "generous"), ("generate", "generat"), ("generation", "generat"),
    ("communication", "communic"), ("communism", "communism"), ("arsenal", "arsenal"),
    // Exceptional forms and invariants.
    ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
    ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
    ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"),
    ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"), ("inning", "inning"),
    ("innings", "inning"), ("outing", "outing"), ("outings", "outing"), ("canning", "canning"),
    ("herring", "herring"), ("herrings", "herring"), ("earring", "earring"),
    ("proceed", "proceed"), ("exceed", "exceed"), ("succeed", "succeed"),
    // Step 0 and 1a.
    ("ties", "tie"), ("cries", "cri"), ("gas", "gas"), ("this", "this"), ("gaps", "gap"),
    ("kiwis", "kiwi"), ("caresses", "caress"), ("ponies", "poni"), ("dog's", "dog"),
    // From the published vocabulary (a... and cl...com...).
    ("abandon", "abandon"), ("abandoned", "abandon"), ("abandoning", "abandon"),
    ("abandonment", "abandon"), ("abandons", "abandon"), ("abasement", "abas"),
    ("abashed", "abash"), ("abate", "abat"), ("abbreviation", "abbrevi"), ("abdicate", "abdic"),
    ("abdominal", "abdomin"), ("abed", "abe"), ("aberration", "aberr"), ("abeyance", "abey"),
    ("abhorred", "abhor"), ("abhorrence", "abhorr"), ("abiding", "abid"), ("abilities", "abil"),
    ("ability", "abil"), ("abjectly", "abject"), ("abjectness", "abject"), ("able", "abl"),
    ("ablutions", "ablut"), ("abnormality", "abnorm"), ("abnormally", "abnorm"),
    ("abode", "abod"), ("abolition", "abolit"), ("abominably", "abomin"),
    ("aboriginally", "aborigin"), ("abortive", "abort"), ("above", "abov"),
    ("abrolhos", "abrolho"), ("absence", "absenc"), ("absolutely", "absolut"),
    ("absorbent", "absorb"), ("absorption", "absorpt"), ("abstinence", "abstin"),
    ("abstractedly", "abstract"), ("absurdities", "absurd"), ("abundantly", "abund"),
    ("abusive", "abus"), ("abutting", "abut"), ("abysses", "abyss"), ("academy", "academi"),
    ("accelerate", "acceler"), ("acceptable", "accept"), ("acceptation", "accept"),
    ("accessible", "access"), ("accessories", "accessori"), ("accident", "accid"),
    ("accidental", "accident"), ("accidentally", "accident"), ("accommodations", "accommod"),
    ("accompanied", "accompani"), ("accompaniment", "accompani"), ("accordingly", "accord"),
    ("accountabilities", "account"), ("accountable", "account"), ("accoutrements", "accoutr"),
    ("accruing", "accru"), ("accuracy", "accuraci"), ("accurately", "accur"),
    ("accusation", "accus"), ("aces", "ace"), ("achievements", "achiev"), ("achilles", "achill"),
    ("aching", "ach"), ("acknowledgement", "acknowledg"), ("acquiescence", "acquiesc"),
    ("acquirement", "acquir"), ("acquittal", "acquitt"), ("acquitted", "acquit"),
    ("acrimoniously", "acrimoni"), ("actively", "activ"), ("activity", "activ"),
    ("actuality", "actual"), ("actuated", "actuat"), ("acuteness", "acut"), ("acuter", "acut"),
    ("adaptability", "adapt"), ("added", "ad"), ("adding", "ad"), ("adds", "add"),
    ("additionally", "addit"), ("addled", "addl"), ("adequate", "adequ"),
    ("administration", "administr"), ("admirably", "admir"), ("admiralty", "admiralti"),
    ("admiringly", "admir"), ("admissions", "admiss"), ("admittance", "admitt"),
    ("admonitory", "admonitori"), ("adoration", "ador"), ("adulation", "adul"),
    ("advantageously", "advantag"),
    ("cleverly", "clever"), ("cleverest", "cleverest"), ("climbers", "climber"),
    ("clipped", "clip"), ("cloisterly", "cloister"), ("closely", "close"), ("closing", "close"),
    ("closer", "closer"), ("clothes", "cloth"), ("clotted", "clot"), ("cloudily", "cloudili"),
    ("cloudless", "cloudless"), ("clumsiness", "clumsi"), ("clumsy", "clumsi"),
    ("coachmaker", "coachmak"), ("coalesced", "coalesc"), ("coarsely", "coars"),
    ("coarsened", "coarsen"), ("coaxingly", "coax"), ("cochrane", "cochran"),
    ("coffee", "coffe"), ("codified", "codifi"), ("codlings", "codl"), ("coinstantaneously", "coinstantan"),
    ("coldnesses", "cold"), ("collectively", "collect"), ("collieries", "collieri"),
    ("colonize", "colon"), ("comely", "come"), ("comeliness", "comeli"), ("comestibles", "comest"),
    ("comfortabler", "comfortabl"), ("comfortablest", "comfortablest"), ("comicality", "comic"),
    ("commencement", "commenc"), ("commendingly", "commend"), ("commentary", "commentari"),
    ("commercial", "commerci"), ("commissioner", "commission"), ("commissions", "commiss"),
    ("commodities", "commod"), ("commonly", "common"), ("commotion", "commot"),
    ("commune", "commune"), ("communing", "commune"), ("communities", "communiti"),
    ("communion", "communion"), ("compassionately", "compassion"), ("companionship", "companionship"),
]

@Suite struct PorterStemmerTests {
    @Test func publishedVocabulary() {
        #expect(publishedStems.count >= 150)
        for (word, stem) in publishedStems {
            #expect(PorterStemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test func nonEnglishLettersAreLeftAlone() {
        #expect(PorterStemmer.stem("café") == "café")
        #expect(PorterStemmer.stem("2026") == "2026")
    }
}

@Suite struct TokenizerTests {
    @Test func keepsApostrophesInsideWordsAndFoldsCompatibilityForms() {
        #expect(Tokenizer.words("Don’t   break the ＴＯＯＬＳ' API—ever!") == ["don't", "break", "the", "tools", "api", "ever"])
    }

    @Test func dropsAnonymizerPlaceholders() {
        #expect(Tokenizer.words("mail [email] or call [phone]") == ["mail", "or", "call"])
    }

    @Test func splitsOnPunctuationAndKeepsLettersOfOtherScripts() {
        #expect(Tokenizer.words("sign-off; Überstunden, 東京") == ["sign", "off", "überstunden", "東京"])
    }
}
