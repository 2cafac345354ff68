/// Finds the name someone probably meant, for "did you mean ...?" hints.
enum NearestName {
    /// The candidate closest to `name` by edit distance (ignoring case), if it is close enough to
    /// be a plausible typo: one edit for short names, a third of the length for longer ones.
    static func nearest(to name: String, among candidates: some Sequence<String>) -> String? {
        let length = name.count
        let allowedEdits = length <= 3 ? 1 : max(2, length / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= allowedEdits, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `"; did you mean 'x'?"` when a near candidate exists, else `"; "` and `otherwise`.
    static func suggestion(for name: String, among candidates: some Sequence<String>, otherwise: String) -> String {
        nearest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? "; \(otherwise)"
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// neighbouring characters each cost one, so "titel" is one edit from "title".
    static func editDistance(_ source: String, _ target: String) -> Int {
        let lhs = Array(source)
        let rhs = Array(target)
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: rhs.count + 1), count: lhs.count + 1)
        for row in 0...lhs.count { table[row][0] = row }
        for column in 0...rhs.count { table[0][column] = column }
        for row in 1...lhs.count {
            for column in 1...rhs.count {
                let cost = lhs[row - 1] == rhs[column - 1] ? 0 : 1
                var distance = min(
                    table[row - 1][column] + 1,
                    table[row][column - 1] + 1,
                    table[row - 1][column - 1] + cost)
                if row > 1, column > 1, lhs[row - 1] == rhs[column - 2], lhs[row - 2] == rhs[column - 1] {
                    distance = min(distance, table[row - 2][column - 2] + 1)
                }
                table[row][column] = distance
            }
        }
        return table[lhs.count][rhs.count]
    }
}
