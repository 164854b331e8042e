#!/usr/bin/env python3
"""Times fsrs-rs (PyPI `fsrs-rs-python`) `compute_parameters` on the data gloss-bench's
optimizer group fits: the josh review log, and a synthetic log of about 100,000 reviews of
the same shape (written by gloss-bench as CSV is not needed: this script simulates its own
log with the same generator settings, so the ratio compares like sizes, not identical items).

    python3 scripts/bench-fsrs-rs.py [../shared/data/review-log-josh.csv]
Best of 3 runs each, like gloss-bench.
"""
import importlib.util
import math
import os
import random
import sys
import time

from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("ref", os.path.join(here, "optimizer-reference.py"))
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)


def best_of(n, f):
    best = math.inf
    for _ in range(n):
        start = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - start)
    return best


def synthetic(reviews, days=1500, seed=7):
    """Cards reviewed at FSRS intervals for random retention 0.7-0.95, as SyntheticReviews.swift."""
    w = list(DEFAULT_PARAMETERS)
    w[8], w[9], w[11], w[20] = 1.6, 0.25, 1.7, 0.3
    fsrs = FSRS(w)
    decay = -w[20]
    factor = 0.9 ** (1 / decay) - 1
    rnd = random.Random(seed)
    items, total = [], 0
    while total < reviews:
        day = rnd.randrange(days)
        first = rnd.randint(1, 4)
        history = [FSRSReview(first, 0)]
        if first == 1:
            history.append(FSRSReview(3, 0))
        while total + len(history) < reviews:
            state = fsrs.memory_state(FSRSItem(history))
            retention = rnd.uniform(0.7, 0.95)
            interval = max(1, round(state.stability / factor * (retention ** (1 / decay) - 1)))
            if day + interval >= days:
                break
            day += interval
            r = (1 + factor * interval / state.stability) ** decay
            u = rnd.random()
            rating = 1 if rnd.random() >= r else (2 if u < 0.15 else (3 if u < 0.9 else 4))
            history.append(FSRSReview(rating, interval))
            items.append((day, FSRSItem(list(history))))
            if rating == 1:
                history.append(FSRSReview(3, 0))
        total += len(history)
    items.sort(key=lambda t: t[0])
    return [i for _, i in items], total


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/review-log-josh.csv"
    if os.path.exists(path):
        items, _, reviews = ref.load_items(path)
        s = best_of(3, lambda: FSRS([]).compute_parameters(items))
        print(f"fsrs-rs\tfit josh log ({reviews} reviews)\t{s * 1000:.2f} ms\t(items {len(items)})")
    items, reviews = synthetic(100_000)
    s = best_of(3, lambda: FSRS([]).compute_parameters(items))
    print(f"fsrs-rs\tfit synthetic ({reviews} reviews)\t{s * 1000:.2f} ms\t(items {len(items)})")


if __name__ == "__main__":
    main()
