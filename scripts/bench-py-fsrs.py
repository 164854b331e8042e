#!/usr/bin/env python3
"""Times py-fsrs 6.3.2 Scheduler.review_card on the same work as `gloss-bench scheduler`
(1,000 cards x 20 reviews, ratings and gaps from the same tables, no learning steps, fuzz off),
runs gloss-bench in the same run, and prints both figures and the ratio.

  swift build -c release --product gloss-bench
  python3 scripts/bench-py-fsrs.py [--gloss-bench .build/release/gloss-bench]
"""
import argparse
import re
import subprocess
import time
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

RATINGS = [3, 3, 1, 3, 4, 3, 2, 3, 3, 3]
GAP_HOURS = [0.1, 20, 30, 72, 200, 2, 400, 900, 50, 24]
START = datetime.fromtimestamp(1_700_000_000, tz=timezone.utc)
CARDS, PER_CARD = 1000, 20


def py_fsrs_ns_per_review(rounds: int = 3) -> float:
    scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter_ns()
        for c in range(CARDS):
            card = Card(card_id=c, due=START)
            t = START
            for k in range(PER_CARD):
                card, _ = scheduler.review_card(card, Rating(RATINGS[(c + k) % 10]), review_datetime=t)
                t = t + timedelta(hours=GAP_HOURS[(c * 3 + k) % 10])
        best = min(best, (time.perf_counter_ns() - t0) / (CARDS * PER_CARD))
    return best


def parse_duration_ns(text: str) -> float:
    value, unit = text.split()
    return float(value) * {"ns": 1, "µs": 1e3, "ms": 1e6, "s": 1e9}[unit]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gloss-bench", default=".build/release/gloss-bench")
    args = ap.parse_args()
    out = subprocess.run([args.gloss_bench, "scheduler"], capture_output=True, text=True, check=True).stdout
    print(out, end="")
    m = re.search(r"fsrs review update\t([0-9.]+ \S+)/op", out)
    if not m:
        raise SystemExit("gloss-bench printed no 'fsrs review update' figure")
    gloss_ns = parse_duration_ns(m.group(1))
    py_ns = py_fsrs_ns_per_review()
    print(f"py-fsrs review_card: {py_ns / 1000:.2f} µs/op ({1e9 / py_ns:.0f} updates/s)")
    print(f"gloss FSRS review:   {gloss_ns:.1f} ns/op ({1e9 / gloss_ns:.0f} updates/s)")
    print(f"ratio: gloss is {py_ns / gloss_ns:.0f}x py-fsrs (goal >= 100x)")


if __name__ == "__main__":
    main()
