/// The stem of every word of a ``Vocabulary``, each stem numbered.
///
/// Porter2 undoubles "staffed" to "staf" while "staff" stays "staff"; when both stems occur in
/// a corpus, they are one word for theme purposes, so a word's stem here is the doubled form
/// whenever the corpus has it.
struct WordStems {
    /// The distinct stems the stemmer gave, by id (folded or not).
    private var table = ByteStringTable()
    /// Per word id: the id of its stem, folded.
    private(set) var stemOfWord: [Int32] = []

    /// Stems every word of `vocabulary` once.
    init(_ vocabulary: Vocabulary) {
        let stemmed = vocabulary.surfaces.map { word in
            var stem = PorterStemmer.stem(word)
            return Int32(stem.withUTF8 { table.insert($0).id })
        }
        let folded = (0..<table.count).map { stem in
            let text = table.string(stem)
            guard let last = text.last, let doubled = table.id(of: text + String(last)) else { return Int32(stem) }
            return Int32(doubled)
        }
        stemOfWord = stemmed.map { folded[Int($0)] }
    }

    /// The id of stem `text`, if the stemmer gave it for a word of the corpus (compared with
    /// ``stemOfWord``, a stem that was folded away matches no word).
    func id(of text: String) -> Int32? {
        table.id(of: text).map { Int32($0) }
    }

    /// Stem `id` as text.
    func string(_ id: Int32) -> String {
        table.string(Int(id))
    }
}
