/// What every figure of `gloss stats` means: one list, shown by `help stats` and at the end
/// of the Markdown and HTML reports, so the definitions can't drift apart.
public enum StatsGlossary {
    public static let definitions: [(figure: String, meaning: String)] = [
        ("answered", "answers given in the study day, scheduled and practice (quiz) alike."),
        ("new seen", "cards answered for the first time."),
        (
            "new learned",
            "cards that left their first learning steps for the review phase with a right answer; a card answered wrong stays in learning and is not counted."
        ),
        ("time spent", "the sum of response times, from a question being shown to its answer."),
        (
            "estimated time today",
            "cards due today times the mean response time of the last 30 days' answers."
        ),
        ("streak", "consecutive study days with at least one answer; a study day starts at the rollover hour."),
        ("mastered", "cards whose stability (FSRS: days until recall falls to 90%) is above 21 days."),
        (
            "true retention",
            "share of scheduled reviews of cards in the review phase answered right; learning steps and quiz answers do not count."
        ),
        ("young / mature", "review cards whose scheduled interval was under 21 days / 21 days or more when answered."),
        ("by interval", "true retention by the days the card rested since its previous review."),
        ("by hour", "true retention by the local hour the review was answered."),
        (
            "remembered now",
            "average retrievability: the scheduler's probability of recall now, over studied cards; a card relearned today counts near 100%."
        ),
        (
            "advice",
            "shown when true retention over the past year is more than 5 points off the desired retention over 200 reviews or more: `gloss optimize` fits the scheduler to your answers."
        ),
        ("due", "cards whose due date falls on each study day; overdue cards are counted today."),
        (
            "ratings by card age",
            "scheduled answers by the rating given and the card's age: new, learning (or relearning), young, mature."
        ),
        ("intervals", "review cards by their current interval, from the last review to the due date."),
        ("stability", "studied cards by stability in days."),
        ("difficulty", "studied cards by FSRS difficulty, 1 (easiest) to 10 (hardest)."),
        ("accuracy by format", "answers right per question format, scheduled and practice, all time."),
        (
            "hardest cards",
            "cards with lapses (a review answered wrong), most lapses in the last 30 study days first, then the highest difficulty."
        ),
        (
            "most confused",
            "another entry's name or definition picked or typed for the asked entry; wrong picks in related-term and odd-one-out questions are not confusions."
        ),
    ]
}
