/// Everyday English words: an alias that is one of these (as "Control" or "Or" would be) is
/// never used to mask text or to find one entry named in another's text, since it would
/// blank or match ordinary prose. The list is the few hundred most frequent English words
/// plus the stopwords of `QuestionIndex`; deck vocabulary (model, data, training) is not on it.
enum CommonWords {
    static func contains(_ folded: String) -> Bool { words.contains(folded) || QuestionIndex.stopwords.contains(folded) }

    static let words: Set<String> = [
        "about", "above", "across", "act", "action", "after", "again", "against", "age", "ago", "agree", "air", "all",
        "allow", "almost", "alone", "along", "already", "also", "although", "always", "among", "amount", "and", "another",
        "answer", "any", "anyone", "anything", "appear", "apply", "area", "arm", "around", "art", "ask", "away", "back",
        "bad", "base", "because", "become", "bed", "been", "before", "begin", "behind", "being", "believe", "below",
        "best", "better", "between", "big", "bit", "black", "blue", "body", "book", "both", "box", "boy", "bring",
        "build", "business", "call", "came", "car", "care", "carry", "case", "cause", "center", "certain", "chance",
        "change", "check", "child", "city", "class", "clear", "close", "cold", "come", "common", "control", "cost",
        "could", "country", "course", "cover", "cut", "dark", "day", "deal", "death", "deep", "did", "different",
        "direct", "door", "down", "draw", "during", "each", "early", "easy", "eat", "effect", "either", "else", "end",
        "enough", "even", "ever", "every", "eye", "face", "fact", "fall", "family", "far", "fast", "feel", "few",
        "field", "fight", "figure", "fill", "final", "find", "fine", "fire", "first", "fit", "five", "floor", "fly",
        "follow", "food", "force", "form", "four", "free", "friend", "front", "full", "game", "gave", "general", "get",
        "girl", "give", "go", "good", "got", "great", "green", "ground", "group", "grow", "guess", "had", "half",
        "hand", "happen", "hard", "he", "head", "hear", "heart", "heat", "help", "her", "here", "high", "him", "his",
        "hold", "home", "hope", "hot", "hour", "house", "however", "human", "hundred", "i", "idea", "if", "important",
        "interest", "issue", "job", "just", "keep", "kind", "king", "knew", "know", "land", "large", "last", "late",
        "later", "law", "lay", "lead", "least", "leave", "left", "less", "let", "letter", "level", "life", "light",
        "like", "line", "list", "little", "live", "long", "look", "lose", "lot", "love", "low", "made", "main", "make",
        "man", "many", "mark", "matter", "me", "mean", "measure", "meet", "men", "might", "mind", "miss", "money",
        "month", "moon", "morning", "mother", "move", "much", "must", "my", "name", "near", "need", "never", "new",
        "next", "night", "no", "none", "nor", "note", "nothing", "now", "number", "off", "often", "oh", "old", "once",
        "only", "open", "order", "other", "our", "out", "over", "own", "page", "paper", "part", "party", "pass",
        "past", "pay", "people", "perhaps", "person", "picture", "piece", "place", "plan", "play", "point", "power",
        "press", "pretty", "problem", "pull", "put", "question", "quick", "quite", "rather", "reach", "read", "ready",
        "real", "really", "reason", "red", "remember", "rest", "result", "right", "rise", "road", "rock", "room",
        "round", "rule", "run", "said", "same", "saw", "say", "school", "sea", "second", "see", "seem", "self", "sense",
        "serve", "set", "several", "shall", "she", "short", "should", "show", "side", "simple", "since", "size",
        "small", "some", "something", "soon", "sound", "space", "speak", "special", "stand", "star", "start", "state",
        "stay", "step", "still", "stop", "story", "street", "strong", "study", "such", "sun", "sure", "table", "take",
        "talk", "tell", "ten", "test", "then", "there", "these", "thing", "think", "those", "though", "thought",
        "three", "through", "time", "today", "together", "told", "too", "took", "top", "toward", "town", "tree",
        "true", "try", "turn", "two", "under", "until", "up", "upon", "us", "use", "usual", "very", "view", "voice",
        "wait", "walk", "want", "war", "watch", "water", "way", "we", "well", "went", "while", "white", "whole", "why",
        "wide", "wind", "within", "without", "woman", "word", "work", "world", "write", "year", "yes", "yet", "you",
        "young", "your",
    ]
}
