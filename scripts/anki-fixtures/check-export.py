#!/usr/bin/env python3
"""Imports packages gloss exported into a fresh collection with the real Anki library and
checks the notes, fields, tags and revlog rows against what gloss says it wrote.

usage: check-export.py EXPECTED.json PACKAGE.apkg...
EXPECTED.json: {"notes": [{"Term":..,"Definition":..,"Explanation":..,"Related":..,"Aliases":..,
"tags": [..]}], "revlog": {"Term/ord": [eases...]}}, as scripts/anki-fixtures/check-export
builds it with gloss itself. Exits 1 naming the first difference.
"""
import json
import os
import sys
import tempfile

from anki.collection import Collection, ImportAnkiPackageRequest, ImportAnkiPackageOptions


def check(expected, package):
    work = tempfile.mkdtemp()
    col = Collection(os.path.join(work, "collection.anki2"))
    request = ImportAnkiPackageRequest(
        package_path=package,
        options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, merge_notetypes=True),
    )
    col.import_anki_package(request)
    problems = []
    notes = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        fields = dict(note.items())
        notes[fields.get("Term")] = (fields, sorted(note.tags), note)
    if len(notes) != len(expected["notes"]):
        problems.append(f"{len(notes)} notes imported, {len(expected['notes'])} expected")
    for want in expected["notes"]:
        got = notes.get(want["Term"])
        if got is None:
            problems.append(f"note {want['Term']!r} missing")
            continue
        fields, tags, note = got
        for name in ("Term", "Definition", "Explanation", "Related", "Aliases"):
            if fields.get(name) != want[name]:
                problems.append(f"{want['Term']!r}: field {name} is {fields.get(name)!r}, expected {want[name]!r}")
        if tags != sorted(want["tags"]):
            problems.append(f"{want['Term']!r}: tags {tags}, expected {sorted(want['tags'])}")
    revlog = {}
    for cid, ease in col.db.all("select cid, ease from revlog order by id"):
        card = col.get_card(cid)
        term = card.note()["Term"]
        revlog.setdefault(f"{term}/{card.ord}", []).append(ease)
    if revlog != expected["revlog"]:
        problems.append(f"revlog {revlog}, expected {expected['revlog']}")
    rows = col.db.scalar("select count() from revlog")
    col.close()
    return problems, len(notes), rows


def main():
    expected = json.load(open(sys.argv[1]))
    failed = False
    for package in sys.argv[2:]:
        problems, notes, rows = check(expected, package)
        name = os.path.basename(package)
        if problems:
            failed = True
            for problem in problems:
                print(f"{name}: {problem}", file=sys.stderr)
        else:
            print(f"{name}: Anki imported {notes} notes and {rows} revlog rows, as gloss wrote them")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
