/// The distinct words of a corpus, numbered 0, 1, 2, ... in the order first read.
///
/// Words are read as bytes straight from the text (``Tokenizer``'s segments), so a word seen
/// before costs a hash and a comparison rather than a new `String`. A segment with characters
/// outside ASCII ("It’s", "¿Por") goes through Unicode normalization once; its words are
/// remembered for the next time the same segment comes by.
struct Vocabulary {
    private var table = ByteStringTable()
    /// Every word as a string, by id.
    private(set) var surfaces: [String] = []
    /// Segments outside ASCII seen so far, and the ids of their words.
    private var segments = ByteStringTable()
    private var segmentWords: [[Int32]] = []

    /// How many distinct words were read.
    var count: Int { surfaces.count }

    /// Appends the ids of the words of `text` (UTF-8) to `ids`: the words ``Tokenizer/words(_:)``
    /// finds, in order.
    mutating func appendWords(of text: UnsafeBufferPointer<UInt8>, to ids: inout [Int32]) {
        var lowercased: [UInt8] = []
        let isSegmented = Tokenizer.forEachSegment(of: text) { segment in
            switch segment {
            case .ascii(let piece):
                let word = Tokenizer.asciiWord(piece)
                guard !word.isEmpty else { return }
                // Most words are written in lower case already and are looked up where they are.
                guard word.contains(where: Tokenizer.isUppercase) else {
                    ids.append(add(word))
                    return
                }
                lowercased.removeAll(keepingCapacity: true)
                lowercased.append(contentsOf: word.lazy.map(Tokenizer.lowercased))
                ids.append(lowercased.withUnsafeBufferPointer { add($0) })
            case .unicode(let piece):
                ids.append(contentsOf: words(ofSegment: piece))
            }
        }
        if !isSegmented {
            for word in Tokenizer.unicodeWords(String(decoding: text, as: UTF8.self)) { ids.append(add(word)) }
        }
    }

    private mutating func words(ofSegment segment: UnsafeBufferPointer<UInt8>) -> [Int32] {
        let (id, isNew) = segments.insert(segment)
        if isNew {
            segmentWords.append(Tokenizer.unicodeWords(String(decoding: segment, as: UTF8.self)).map { add($0) })
        }
        return segmentWords[id]
    }

    private mutating func add(_ word: String) -> Int32 {
        var word = word
        return word.withUTF8 { add($0) }
    }

    private mutating func add(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (id, isNew) = table.insert(word)
        if isNew { surfaces.append(String(decoding: word, as: UTF8.self)) }
        return Int32(id)
    }
}
