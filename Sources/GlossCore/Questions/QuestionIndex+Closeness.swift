/// The one model of how close two entries of a deck are. Every question format asks it, each
/// for what it needs: term and definition questions want close entries as lures, related and
/// odd-one-out questions want clearly unrelated ones.
///
/// `closeness(i, j)` adds four signals, with these weights:
///
/// | signal | value | weight |
/// | --- | --- | --- |
/// | relation-graph distance | 1 when linked, 0.4 two links apart, else 0 | `hopWeight` 1 |
/// | one names the other (term or alias in the other's definition or explanation, by stem, either way) | 0 or 1 | `namedWeight` 0.6 |
/// | shared tags, weighted by rarity (rarity-weighted Jaccard of the two tag sets) | 0…1 | `tagWeight` 0.3 |
/// | text similarity (TF-IDF cosine of definition and explanation, stemmed, stopwords out) | 0…1 | `textWeight` 1 |
///
/// Two entries are *far* (one may be the "unrelated" option of a question about the other)
/// only when every signal says so: more than two links apart, neither named in the other's
/// text, no shared rare tag (one that at most an eighth of the deck carries), text
/// similarity under `farTextSimilarity` and closeness under `farCloseness`; and neither is
/// broad (`QuestionIndex.broad`: named in the texts of a twentieth of the deck), since a broad
/// entry such as the deck's own field is related to nearly everything.
///
/// ```swift
/// index.closeness(i, j)    // 1.37 for two linked entries with similar text
/// index.isFar(i, j)        // false
/// ```
extension QuestionIndex {
    public static let hopWeight: Float = 1
    public static let secondHopValue: Float = 0.4
    public static let namedWeight: Float = 0.6
    public static let tagWeight: Float = 0.3
    public static let textWeight: Float = 1
    /// Far entries' text similarity stays under this.
    public static let farTextSimilarity: Float = 0.12
    /// Far entries' closeness stays under this.
    public static let farCloseness: Float = 0.25
    /// Text similarity at or above which two entries may be one thing under two names: never
    /// lures for each other (each one's definition could fit the other).
    public static let synonymTextSimilarity: Float = 0.6

    /// Relation-graph distance: 0 for the entry itself, 1 when linked, 2 through one entry, 3 for farther.
    public func hops(_ i: Int, _ j: Int) -> Int {
        if i == j { return 0 }
        if relatedSet[i].contains(j) { return 1 }
        return linkedThroughOne(i, j) ? 2 : 3
    }

    /// Whether some entry is linked to both (the sorted link lists intersect).
    func linkedThroughOne(_ i: Int, _ j: Int) -> Bool {
        let x = related[i]
        let y = related[j]
        var a = 0
        var b = 0
        while a < x.count, b < y.count {
            if x[a] < y[b] { a += 1 } else if y[b] < x[a] { b += 1 } else { return true }
        }
        return false
    }

    /// Whether either entry's definition or explanation uses a name of the other.
    public func named(_ i: Int, _ j: Int) -> Bool {
        QuestionIndex.sortedContains(mentions[i], j) || QuestionIndex.sortedContains(mentions[j], i)
    }

    /// Whether either entry's definition uses a name of the other.
    public func namedInDefinition(_ i: Int, _ j: Int) -> Bool {
        QuestionIndex.sortedContains(definitionMentions[i], j) || QuestionIndex.sortedContains(definitionMentions[j], i)
    }

    /// Rarity-weighted Jaccard similarity of the two tag sets, 0…1.
    public func tagAffinity(_ i: Int, _ j: Int) -> Float {
        var shared: Float = 0
        var union: Float = 0
        var a = 0
        var b = 0
        let x = tags[i]
        let y = tags[j]
        while a < x.count || b < y.count {
            if b == y.count || (a < x.count && x[a] < y[b]) {
                union += tagRarity[x[a]]
                a += 1
            } else if a == x.count || y[b] < x[a] {
                union += tagRarity[y[b]]
                b += 1
            } else {
                shared += tagRarity[x[a]]
                union += tagRarity[x[a]]
                a += 1
                b += 1
            }
        }
        return union > 0 ? shared / union : 0
    }

    /// Most entries a tag may carry and still be rare: an eighth of the deck, at least 2.
    public var rareTagLimit: Int { max(2, deck.entries.count / 8) }

    /// Whether the two entries share a tag that few entries carry.
    public func sharesRareTag(_ i: Int, _ j: Int) -> Bool {
        let limit = rareTagLimit
        return tags[i].contains { tag in entriesWithTag[tag].count <= limit && tags[j].contains(tag) }
    }

    /// TF-IDF cosine of the two entries' definition and explanation, 0…1.
    public func textSimilarity(_ i: Int, _ j: Int) -> Float {
        let x = vectors[i]
        let y = vectors[j]
        var a = 0
        var b = 0
        var sum: Float = 0
        while a < x.count, b < y.count {
            if x[a].word < y[b].word {
                a += 1
            } else if y[b].word < x[a].word {
                b += 1
            } else {
                sum += x[a].weight * y[b].weight
                a += 1
                b += 1
            }
        }
        return min(1, sum)
    }

    /// How many distinct stems (stopwords out) the texts of the two entries share.
    func sharedWords(_ i: Int, _ j: Int) -> Int {
        let x = vectors[i]
        let y = vectors[j]
        var a = 0
        var b = 0
        var count = 0
        while a < x.count, b < y.count {
            if x[a].word < y[b].word {
                a += 1
            } else if y[b].word < x[a].word {
                b += 1
            } else {
                count += 1
                a += 1
                b += 1
            }
        }
        return count
    }

    /// How close two entries are (see the type's table); 0 for far apart, about 1 or more for linked.
    public func closeness(_ i: Int, _ j: Int) -> Float {
        let graph: Float =
            switch hops(i, j) {
            case 0, 1: 1
            case 2: QuestionIndex.secondHopValue
            default: 0
            }
        return QuestionIndex.hopWeight * graph + (named(i, j) ? QuestionIndex.namedWeight : 0)
            + QuestionIndex.tagWeight * tagAffinity(i, j) + QuestionIndex.textWeight * textSimilarity(i, j)
    }

    /// Whether `j` is clearly unrelated to `i` (see the type's summary).
    public func isFar(_ i: Int, _ j: Int) -> Bool {
        // Cheapest checks first: this runs for every candidate option.
        guard i != j, !broad[i], !broad[j], !relatedSet[i].contains(j), !named(i, j), !sharesRareTag(i, j),
            !linkedThroughOne(i, j)
        else { return false }
        let text = textSimilarity(i, j)
        return text < QuestionIndex.farTextSimilarity
            && QuestionIndex.tagWeight * tagAffinity(i, j) + QuestionIndex.textWeight * text < QuestionIndex.farCloseness
    }

    /// Whether two entries read as one thing under two names (their texts nearly the same).
    public func isSynonym(_ i: Int, _ j: Int) -> Bool {
        i != j && textSimilarity(i, j) >= QuestionIndex.synonymTextSimilarity
    }

    /// Whether the two terms share a head word ("Selection Bias", "Recall Bias").
    public func sameKind(_ i: Int, _ j: Int) -> Bool {
        i != j && !headStem[i].isEmpty && headStem[i] == headStem[j]
    }

    static func sortedContains(_ array: [Int], _ value: Int) -> Bool {
        var low = 0
        var high = array.count
        while low < high {
            let mid = (low + high) / 2
            if array[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < array.count && array[low] == value
    }
}
