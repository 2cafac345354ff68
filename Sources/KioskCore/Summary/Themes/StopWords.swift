/// Words too common to say anything about what a comment is about.
///
/// The main list is the Snowball project's English stop word list
/// (https://snowballstem.org/algorithms/english/stop.txt), typed in from the published list.
/// Snowball is copyright (c) 2001 Dr Martin Porter, (c) 2004-2005 Richard Boulton and its later
/// contributors, and is released under the BSD 3-clause licence; the list is used under that
/// licence, whose conditions ask that this notice be kept with it.
///
/// A few words that the Snowball list leaves in but that carry no topic in short survey answers
/// ("can", "will", "just", ...) are added separately, so the published list stays recognisable.
public enum StopWords {
    /// The Snowball English stop words.
    public static let snowballEnglish: Set<String> = [
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
        "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
        "what", "which", "who", "whom", "this", "that", "these", "those",
        "am", "is", "are", "was", "were", "be", "been", "being",
        "have", "has", "had", "having", "do", "does", "did", "doing",
        "would", "should", "could", "ought",
        "i'm", "you're", "he's", "she's", "it's", "we're", "they're",
        "i've", "you've", "we've", "they've",
        "i'd", "you'd", "he'd", "she'd", "we'd", "they'd",
        "i'll", "you'll", "he'll", "she'll", "we'll", "they'll",
        "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
        "doesn't", "don't", "didn't", "won't", "wouldn't", "shan't", "shouldn't",
        "can't", "cannot", "couldn't", "mustn't",
        "let's", "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's",
        "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while",
        "of", "at", "by", "for", "with", "about", "against", "between", "into", "through",
        "during", "before", "after", "above", "below", "to", "from", "up", "down", "in", "out",
        "on", "off", "over", "under", "again", "further", "then", "once",
        "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few",
        "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same",
        "so", "than", "too", "very",
    ]

    /// Kiosk's own additions: fillers common in short answers.
    public static let surveyFillers: Set<String> = [
        "also", "can", "will", "just", "really", "get", "got", "us", "much", "many", "lot", "lots",
        "bit", "etc", "would've", "could've", "im", "dont", "cant", "one", "still", "even",
        "every", "never", "always", "ever", "nobody", "everyone", "everybody", "someone", "somebody",
        "anyone", "anything", "everything", "nothing", "something", "thing", "things", "make",
        "makes", "made", "take", "takes", "took", "keep", "keeps", "need", "needs", "want", "wants",
        "like", "well", "instead", "ask", "tell", "tells", "told",
    ]

    /// Every stop word.
    public static let all: Set<String> = snowballEnglish.union(surveyFillers)
}
