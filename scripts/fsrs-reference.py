#!/usr/bin/env python3
"""Reference numbers for gloss's FSRS scheduler, from py-fsrs 6.3.2 (pip install fsrs==6.3.2).

Default mode writes Tests/GlossCoreTests/Fixtures/fsrs-reference.json: random rating sequences
with random gaps (minutes to months, a few going backwards), with and without learning steps,
default and non-default parameters and retentions, fuzz off.

  python3 scripts/fsrs-reference.py [--out PATH] [--cases N] [--seed S]

--check mode replays the reviews of a `gloss replay` CSV with py-fsrs and compares row by row
(stability, difficulty, retrievability to 1e-4 relative; state, elapsed and interval exactly).
It prints every mismatch and exits 1 on any:

  python3 scripts/fsrs-reference.py --check GLOSS_OUTPUT.csv [--steps none|default]
      [--retention R] [--params "w0,w1,..."]
"""
import argparse
import csv
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs
from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

assert fsrs.__version__ == "6.3.2" if hasattr(fsrs, "__version__") else True

STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}
DAY_US = 86_400_000_000


def micros(td: timedelta) -> int:
    return (td.days * 86_400 + td.seconds) * 1_000_000 + td.microseconds


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def random_parameters(rng: random.Random) -> list[float]:
    out = []
    for d, lo, hi in zip(DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS):
        v = d * rng.uniform(0.6, 1.4) if d != 0 else rng.uniform(lo, hi)
        out.append(round(min(max(v, lo), hi), 4))
    return out


def random_gap(rng: random.Random) -> timedelta:
    kind = rng.random()
    if kind < 0.03:
        return -timedelta(minutes=rng.uniform(1, 600))  # time going backwards
    if kind < 0.30:
        return timedelta(minutes=rng.uniform(0.5, 120))
    if kind < 0.45:
        return timedelta(hours=rng.uniform(2, 30))
    if kind < 0.85:
        return timedelta(days=rng.uniform(1, 60))
    return timedelta(days=rng.uniform(30, 240))


def make_case(rng: random.Random, index: int) -> dict:
    learning = rng.choice([[60, 600], [], [30, 300, 3600], [600]])
    relearning = rng.choice([[600], [], [300, 1200]])
    parameters = list(DEFAULT_PARAMETERS) if index % 2 == 0 else random_parameters(rng)
    retention = 0.9 if index % 3 == 0 else round(rng.uniform(0.7, 0.97), 3)
    maximum = 36500 if index % 5 else rng.choice([365, 36500, 100])
    scheduler = Scheduler(
        parameters=parameters,
        desired_retention=retention,
        learning_steps=[timedelta(seconds=s) for s in learning],
        relearning_steps=[timedelta(seconds=s) for s in relearning],
        maximum_interval=maximum,
        enable_fuzzing=False,
    )
    t = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(
        days=rng.uniform(0, 600), microseconds=rng.randrange(1_000_000)
    )
    card = Card(card_id=index, due=t)
    reviews = []
    for _ in range(rng.randint(1, 24)):
        rating = Rating(rng.choices([1, 2, 3, 4], weights=[2, 1, 6, 1])[0])
        r = scheduler.get_card_retrievability(card, current_datetime=t)
        card, _ = scheduler.review_card(card, rating, review_datetime=t)
        reviews.append(
            {
                "rating": int(rating),
                "time": iso(t),
                "retrievability": r,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "state": STATE_NAMES[card.state],
                "step": card.step,
                "intervalMicros": micros(card.due - t),
            }
        )
        t = t + random_gap(rng)
    return {
        "parameters": parameters,
        "desiredRetention": retention,
        "learningSteps": learning,
        "relearningSteps": relearning,
        "maximumInterval": maximum,
        "reviews": reviews,
    }


def generate(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    cases = [make_case(rng, i) for i in range(args.cases)]
    doc = {
        "generator": "scripts/fsrs-reference.py with py-fsrs 6.3.2, fuzz off",
        "seed": args.seed,
        "cases": cases,
    }
    # One case per line: compact, and diffs stay readable.
    body = ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases)
    head = json.dumps({k: v for k, v in doc.items() if k != "cases"})[:-1]
    Path(args.out).write_text(head + ', "cases": [\n' + body + "\n]}\n")
    total = sum(len(c["reviews"]) for c in cases)
    print(f"wrote {args.out}: {len(cases)} cases, {total} reviews")


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def replay_rows(rows, scheduler):
    """py-fsrs's side of `gloss replay`: same columns, same definitions."""
    cards: dict[str, Card] = {}
    for row in rows:
        cid = row["card_id"]
        t = parse_time(row["review_time"])
        card = cards.get(cid) or Card(card_id=0, due=t)
        elapsed = max(0, (t - card.last_review).days) if card.last_review else 0
        r = scheduler.get_card_retrievability(card, current_datetime=t)
        card, _ = scheduler.review_card(card, Rating(int(row["rating"])), review_datetime=t)
        cards[cid] = card
        yield {
            "elapsed_days": elapsed,
            "retrievability": r,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "interval_days": f"{micros(card.due - t) / DAY_US:.6f}",
            "state": STATE_NAMES[card.state],
        }


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-4 * max(abs(a), abs(b)) or abs(a - b) < 1e-12


def check(args: argparse.Namespace) -> int:
    steps = args.steps == "default"
    params = [float(x) for x in args.params.split(",")] if args.params else DEFAULT_PARAMETERS
    scheduler = Scheduler(
        parameters=params,
        desired_retention=args.retention,
        learning_steps=(timedelta(minutes=1), timedelta(minutes=10)) if steps else (),
        relearning_steps=(timedelta(minutes=10),) if steps else (),
        enable_fuzzing=False,
    )
    with open(args.check, newline="") as f:
        gloss_rows = list(csv.DictReader(f))
    mismatches = 0
    for line, (g, p) in enumerate(zip(gloss_rows, replay_rows(gloss_rows, scheduler)), start=2):
        problems = []
        for key in ("stability", "difficulty", "retrievability"):
            if not close(float(g[key]), float(p[key])):
                problems.append(f"{key} gloss={g[key]} py-fsrs={p[key]}")
        for key in ("elapsed_days", "interval_days", "state"):
            if str(g[key]) != str(p[key]):
                problems.append(f"{key} gloss={g[key]} py-fsrs={p[key]}")
        if problems:
            mismatches += 1
            print(f"{args.check}:{line}: card {g['card_id']}: " + "; ".join(problems))
    print(f"{len(gloss_rows)} rows compared, {mismatches} mismatches")
    return 1 if mismatches or not gloss_rows else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="Tests/GlossCoreTests/Fixtures/fsrs-reference.json")
    ap.add_argument("--cases", type=int, default=240)
    ap.add_argument("--seed", type=int, default=20261129)
    ap.add_argument("--check", metavar="CSV_FROM_GLOSS")
    ap.add_argument("--steps", choices=["none", "default"], default="default")
    ap.add_argument("--retention", type=float, default=0.9)
    ap.add_argument("--params")
    args = ap.parse_args()
    if args.check:
        return check(args)
    generate(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
