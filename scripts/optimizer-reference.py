#!/usr/bin/env python3
"""Reference figures for gloss's FSRS-6 optimizer, from fsrs-rs (PyPI `fsrs-rs-python`).

Reads a review log in the FSRS CSV format (card_id,review_rating,review_time,review_duration),
builds FSRS items exactly as gloss's ReviewDataset does (days counted in UTC from a 04:00
rollover; one item per answer a day or more after the card's previous answer, with the whole
history before it; items ordered by answer time), runs fsrs-rs `compute_parameters` and
`evaluate`, and prints parameters, log loss, RMSE(bins) and fit time. With
`--gloss-parameters` it also evaluates gloss's fitted parameters with the same fsrs-rs
`evaluate`, and prints gloss's figures beside fsrs-rs's.

    pip install fsrs-rs-python==0.9.3
    python3 scripts/optimizer-reference.py ../shared/data/review-log-josh.csv \
        [--gloss-parameters "w0,w1,...,w20"] [--gloss-seconds 0.01] [--json OUT.json]
"""
import argparse
import csv
import json
import math
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone

from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview

ROLLOVER_HOURS = 4


def parse_time(text):
    text = text.strip()
    if text.isdigit():  # milliseconds since the epoch
        return datetime.fromtimestamp(int(text) / 1000, tz=timezone.utc)
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def study_day(moment):
    return (moment - timedelta(hours=ROLLOVER_HOURS)).date()


def load_items(path):
    by_card = defaultdict(list)
    order = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            card = row["card_id"]
            if card not in by_card:
                order.append(card)
            by_card[card].append((parse_time(row["review_time"]), int(row["review_rating"])))
    timed = []
    for card_index, card in enumerate(order):
        history = sorted(by_card[card], key=lambda r: r[0])
        raw = []
        previous = None
        for position, (moment, rating) in enumerate(history):
            day = study_day(moment)
            delta = 0 if previous is None else max(0, (day - previous).days)
            raw.append((rating, delta))
            if position > 0 and delta > 0:
                timed.append((moment, card_index, position, list(raw)))
            previous = day
    timed.sort(key=lambda t: (t[0], t[1], t[2]))
    raw = [t[3] for t in timed]
    items = [FSRSItem([FSRSReview(r, d) for r, d in reviews]) for reviews in raw]
    return items, raw, sum(len(v) for v in by_card.values())


def r_matrix_index(reviews):
    """fsrs-rs `r_matrix_index`: bins of elapsed days, review count and lapses."""
    delta_t = reviews[-1][1]
    dt_bin = round(2.48 * 3.62 ** math.floor(math.log(delta_t, 3.62)) * 100)
    length = sum(1 for _, d in reviews if d > 0) + 1
    length_bin = round(1.99 * 1.89 ** math.floor(math.log(length, 1.89)))
    lapses = sum(1 for r, d in reviews[:-1] if r == 1 and d > 0)
    lapse_bin = 0 if lapses == 0 else round(1.65 * 1.73 ** math.floor(math.log(lapses, 1.73)))
    return dt_bin, length_bin, lapse_bin


def one_by_one(parameters, raw):
    """Log loss and RMSE(bins) from fsrs-rs `evaluate` called on each item alone.

    fsrs-rs-python 0.9.3's `evaluate` on a list depends on the list's order (its batches
    change the predictions), so this is the per-item figure gloss computes.
    """
    fsrs = FSRS(parameters)
    loss, bins = 0.0, {}
    for reviews in raw:
        item_loss = fsrs.evaluate([FSRSItem([FSRSReview(r, d) for r, d in reviews])]).log_loss
        recalled = reviews[-1][0] > 1
        p = math.exp(-item_loss) if recalled else 1 - math.exp(-item_loss)
        loss += item_loss
        b = bins.setdefault(r_matrix_index(reviews), [0.0, 0.0, 0])
        b[0] += p
        b[1] += 1 if recalled else 0
        b[2] += 1
    total = sum(b[2] for b in bins.values())
    rmse = math.sqrt(sum((b[0] / b[2] - b[1] / b[2]) ** 2 * b[2] for b in bins.values()) / total)
    return loss / len(raw), rmse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--gloss-parameters", help="gloss's 21 fitted parameters, comma-separated")
    ap.add_argument("--gloss-seconds", type=float, help="gloss's fit time, for the ratio")
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args()

    items, raw, reviews = load_items(args.csv)
    print(f"reviews {reviews}, items {len(items)}")
    default = FSRS(DEFAULT_PARAMETERS).evaluate(items)

    start = time.perf_counter()
    fitted = FSRS([]).compute_parameters(items)
    seconds = time.perf_counter() - start
    ours = FSRS(fitted).evaluate(items)

    print("fsrs-rs parameters:", ", ".join(f"{w:.4f}" for w in fitted))
    print(f"{'':18}{'log loss':>10}{'RMSE(bins)':>12}{'fit (s)':>10}")
    print(f"{'defaults':18}{default.log_loss:10.4f}{default.rmse_bins:12.4f}")
    print(f"{'fsrs-rs fitted':18}{ours.log_loss:10.4f}{ours.rmse_bins:12.4f}{seconds:10.3f}")
    out = {
        "reviews": reviews, "items": len(items),
        "default": {"log_loss": default.log_loss, "rmse_bins": default.rmse_bins},
        "fsrs_rs": {"parameters": list(fitted), "log_loss": ours.log_loss,
                    "rmse_bins": ours.rmse_bins, "seconds": seconds},
    }
    if args.gloss_parameters:
        gloss = [float(x) for x in args.gloss_parameters.replace(" ", "").split(",") if x]
        theirs = FSRS(gloss).evaluate(items)
        gs = f"{args.gloss_seconds:10.3f}" if args.gloss_seconds is not None else ""
        print(f"{'gloss fitted':18}{theirs.log_loss:10.4f}{theirs.rmse_bins:12.4f}{gs}")
        ll = (theirs.log_loss / ours.log_loss - 1) * 100
        rm = (theirs.rmse_bins / ours.rmse_bins - 1) * 100
        print(f"gloss vs fsrs-rs: log loss {ll:+.2f}%, RMSE(bins) {rm:+.2f}% (negative = gloss better)")
        out["gloss"] = {"parameters": gloss, "log_loss": theirs.log_loss, "rmse_bins": theirs.rmse_bins,
                        "seconds": args.gloss_seconds}
    print("per item (fsrs-rs evaluate on each item alone; gloss's own evaluation does this):")
    rows = [("defaults", list(DEFAULT_PARAMETERS)), ("fsrs-rs fitted", list(fitted))]
    if args.gloss_parameters:
        rows.append(("gloss fitted", gloss))
    for name, parameters in rows:
        ll, rmse = one_by_one(parameters, raw)
        print(f"{name:18}{ll:10.4f}{rmse:12.4f}")
        out.setdefault("per_item", {})[name] = {"log_loss": ll, "rmse_bins": rmse}
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
