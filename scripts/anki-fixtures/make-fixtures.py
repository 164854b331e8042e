#!/usr/bin/env python3
"""Builds the Anki package fixtures for gloss's tests with the real Anki library.

Run scripts/anki-fixtures/make-fixtures (it makes its own venv from requirements.txt).
Writes Tests/GlossStoreTests/Fixtures/anki/: small packages in both export versions
(collection.anki21 "legacy" and collection.anki21b zstd), with Basic, "Basic (and reversed
card)" and Cloze notes, media, tags, sub-decks, and review history with FSRS off and on,
plus expected.json: what Anki itself says about each card (its FSRS state from
compute_memory_state and cards.data, the revlog rows), for the Swift tests to compare with.

Review rows are written into the revlog table with fixed times (the way Anki's own import
brings review rows in), then Anki's FSRS computes every card's memory state from them when
FSRS is switched on in the deck options; one card gets a manual "set due date" row from
Anki's scheduler API, which gloss must skip.
"""
import json
import os
import shutil
import sys
import tempfile
import zipfile

from anki.collection import Collection, ExportAnkiPackageOptions, DeckIdLimit
from anki import deck_config_pb2

OUT = sys.argv[1] if len(sys.argv) > 1 else "Tests/GlossStoreTests/Fixtures/anki"
DAY_MS = 86_400_000
START_MS = 1_736_157_600_000  # 2025-01-06T10:00:00Z

# (rating 1-4, days after the previous answer, ms taken) per card, by the note's front text.
HISTORIES = {
    "Mitochondrion": [(3, 0, 4200), (3, 1, 3100), (3, 3, 2500), (4, 8, 1900), (3, 21, 2200)],
    "Ribosome": [(1, 0, 9000), (3, 0.01, 6000), (3, 1, 4000), (1, 4, 8000), (3, 0.02, 5000), (3, 2, 3000)],
    "Osmosis": [(2, 0, 7000), (3, 2, 5000), (2, 5, 6500), (3, 9, 4000)],
    "Covalent bond": [(4, 0, 1500), (4, 6, 1200), (3, 20, 2000)],
}
# The reversed card of "Photosynthesis" (card ord 1) gets its own history.
LEARNER_PARAMS = [0.3, 1.5, 2.8, 9.0, 6.2, 0.8, 3.1, 0.01, 1.7, 0.15, 0.8,
                  1.5, 0.06, 0.3, 1.6, 0.25, 2.8, 0.6, 0.1, 0.05, 0.2]
REVERSED = {"Photosynthesis": [(3, 0, 5000), (3, 2, 3000), (1, 6, 8000), (3, 1, 4000)]}


def add_notes(col):
    bio = col.decks.id("Biology")
    cells = col.decks.id("Biology::Cells")
    chem = col.decks.id("Chemistry")
    basic = col.models.by_name("Basic")
    rev = col.models.by_name("Basic (and reversed card)")
    cloze = col.models.by_name("Cloze")
    notes = {}

    def add(model, fields, tags, deck):
        note = col.new_note(model)
        for name, value in fields.items():
            note[name] = value
        note.tags = tags
        col.add_note(note, deck)
        notes[fields.get("Front", fields.get("Text"))] = note
        return note

    add(basic, {"Front": "Mitochondrion", "Back": "The <b>powerhouse</b> of the cell:<br>makes ATP."},
        ["biology", "organelle"], cells)
    add(basic, {"Front": "Ribosome", "Back": "Builds proteins from mRNA &amp; tRNA."}, ["organelle"], cells)
    add(basic, {"Front": "Osmosis", "Back": "Water moving across a membrane.<img src=\"osmosis.png\">"},
        ["biology"], bio)
    add(rev, {"Front": "Photosynthesis", "Back": "Light, water and CO<sub>2</sub> into sugar."},
        ["biology", "plants"], bio)
    add(basic, {"Front": "Covalent bond", "Back": "Atoms sharing electron pairs."}, ["chemistry::bonds"], chem)
    add(basic, {"Front": "Catalyst", "Back": "Speeds a reaction without being used up."}, [], chem)
    add(cloze, {"Text": "{{c1::Avogadro}}'s number is {{c2::6.022e23}}."}, ["chemistry"], chem)
    col.media.write_data("osmosis.png", bytes([0x89, 0x50, 0x4E, 0x47, 13, 10, 26, 10]) + b"fixture")
    return notes


def write_history(col, notes):
    """Revlog rows at fixed times, and card columns that agree with the last row."""
    clock = START_MS
    rows = []
    targets = [(notes[f], 0, h) for f, h in HISTORIES.items()] + [(notes[f], 1, h) for f, h in REVERSED.items()]
    for index, (note, ord_, history) in enumerate(targets):
        card = [c for c in note.cards() if c.ord == ord_][0]
        t = START_MS + index * 3_600_000
        ivl = 0
        factor = 2500
        lapses = 0
        for n, (ease, days, taken) in enumerate(history):
            t += int(days * DAY_MS)
            last = ivl
            kind = 0 if n == 0 else (2 if history[n - 1][0] == 1 and n > 1 else 1)
            if ease == 1:
                ivl = -600
                if n > 0:
                    lapses += 1
                    factor = max(1300, factor - 200)
            else:
                ivl = max(1, int((abs(last) if last > 0 else 1) * {2: 1.2, 3: 2.5, 4: 3.5}[ease]))
            rows.append((t, card.id, -1, ease, ivl, last, factor if kind else 0, taken, kind))
        due_day = (t // DAY_MS) + (ivl if ivl > 0 else 0)
        card.type = 2
        card.queue = 2
        card.ivl = max(ivl, 1)
        card.factor = factor
        card.reps = len(history)
        card.lapses = lapses
        card.due = int(due_day - col.crt // 86400)
        col.update_card(card)
    rows.sort()
    col.db.executemany("insert into revlog (id,cid,usn,ease,ivl,lastIvl,factor,time,type) values (?,?,?,?,?,?,?,?,?)", rows)
    return rows


def set_fsrs(col, enabled):
    did = col.decks.id("Biology")
    update = col.decks.get_deck_configs_for_update(did)
    config = update.all_config[0].config
    if enabled:
        # The learner's own parameters (as if optimised), not the defaults, so a reader
        # that ignored them would be seen.
        del config.config.fsrs_params_6[:]
        config.config.fsrs_params_6.extend(LEARNER_PARAMS)
    params = list(config.config.fsrs_params_6)
    request = deck_config_pb2.UpdateDeckConfigsRequest(
        target_deck_id=did,
        configs=[config],
        mode=deck_config_pb2.UpdateDeckConfigsMode.UPDATE_DECK_CONFIGS_MODE_APPLY_TO_CHILDREN,
        card_state_customizer="",
        limits=update.current_deck.limits,
        new_cards_ignore_review_limit=False,
        fsrs=enabled,
        apply_all_parent_limits=False,
        fsrs_reschedule=False,
        fsrs_health_check=False,
    )
    col.decks.update_deck_configs(request)
    return params


def build(fsrs, work):
    path = os.path.join(work, "collection.anki2")
    col = Collection(path)
    notes = add_notes(col)
    rows = write_history(col, notes)
    params = set_fsrs(col, fsrs)
    # A manual reschedule from Anki's own scheduler: a revlog row gloss skips.
    catalyst = notes["Catalyst"].cards()[0]
    col.sched.set_due_date([catalyst.id], "3")
    expected = {"fsrs": fsrs, "params": [round(p, 6) for p in params], "cards": []}
    for cid, nid, ord_, data in col.db.all("select id, nid, ord, data from cards order by id"):
        note = col.get_note(nid)
        entry = {"front": note.fields[0], "ord": ord_, "deck": col.decks.name(col.get_card(cid).did),
                 "revlog": col.db.list("select ease from revlog where cid=? and type<4 order by id", cid)}
        if fsrs:
            state = col.compute_memory_state(cid)
            if state.stability is not None:
                entry["computed"] = {"s": round(state.stability, 6), "d": round(state.difficulty, 6),
                                     "decay": round(state.decay, 6)}
            entry["data"] = json.loads(data) if data else {}
        expected["cards"].append(entry)
    expected["revlogRows"] = col.db.scalar("select count() from revlog")
    expected["manualRows"] = col.db.scalar("select count() from revlog where type>=4 or ease=0")
    return col, expected


def export(col, out, legacy, whole):
    if whole:
        col.export_collection_package(out, include_media=True, legacy=legacy)
        return
    options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy)
    col.export_anki_package(out_path=out, options=options, limit=None)


def main():
    os.makedirs(OUT, exist_ok=True)
    summary = {}
    for fsrs in (False, True):
        tag = "fsrs" if fsrs else "sm2"
        for legacy in (False, True):
            for whole in (False, True):
                work = tempfile.mkdtemp()
                col, expected = build(fsrs, work)
                name = f"{tag}-{'legacy' if legacy else 'latest'}.{'colpkg' if whole else 'apkg'}"
                export(col, os.path.join(OUT, name), legacy, whole)
                if not col.db is None:
                    try:
                        col.close()
                    except Exception:
                        pass
                summary[tag] = expected
                shutil.rmtree(work)
    # Anki before 2.1 wrote collection.anki2 (schema 11, as collection.anki21 holds): the same
    # database under the old name and no meta member, as those versions zipped it.
    with zipfile.ZipFile(os.path.join(OUT, "sm2-legacy.apkg")) as src, \
            zipfile.ZipFile(os.path.join(OUT, "sm2-anki2.apkg"), "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in ("collection.anki2", "meta"):
                continue
            data = src.read(info.filename)
            dst.writestr("collection.anki2" if info.filename == "collection.anki21" else info.filename, data)
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
