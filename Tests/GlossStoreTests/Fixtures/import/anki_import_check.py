#!/usr/bin/env python3
"""Imports gloss's Anki exports with Anki's own text importer and records the notes it made.

Run from this folder after `pip install anki` (tested with anki 26.9.3):

    python3 anki_import_check.py ai-safety.anki.txt awkward.anki.txt

For each NAME.anki.txt it creates a fresh collection, adds a note type with the five
exported fields (Term, Definition, Explanation, Aliases, Related), imports the file through
`Collection.import_csv` using the metadata Anki reads from the file's `#` header lines, and
writes NAME.anki-notes.json: one {"fields": [...], "tags": [...]} per note, in file order.
DeckExportAnkiTests compares those notes with the deck. swift test never runs this script.
"""
import json
import os
import sys
import tempfile

from anki.collection import Collection, ImportCsvRequest

FIELDS = ["Term", "Definition", "Explanation", "Aliases", "Related"]


def check(path):
    folder = tempfile.mkdtemp()
    col = Collection(os.path.join(folder, "collection.anki2"))
    try:
        models = col.models
        notetype = models.new("gloss")
        for name in FIELDS:
            models.add_field(notetype, models.new_field(name))
        models.add_template(notetype, models.new_template("Card 1"))
        notetype["tmpls"][0]["qfmt"] = "{{Term}}"
        notetype["tmpls"][0]["afmt"] = "{{Definition}}"
        notetype_id = models.add_dict(notetype).id

        metadata = col.get_csv_metadata(os.path.abspath(path), None)
        assert metadata.force_delimiter and metadata.force_is_html and not metadata.is_html, metadata
        assert list(metadata.column_labels) == FIELDS + ["Tags"], metadata.column_labels
        metadata.global_notetype.id = notetype_id
        del metadata.global_notetype.field_columns[:]
        metadata.global_notetype.field_columns.extend(range(1, len(FIELDS) + 1))
        response = col.import_csv(ImportCsvRequest(path=os.path.abspath(path), metadata=metadata))
        log = response.log
        assert not log.conflicting and not log.first_field_match and not log.missing_notetype, log
        print(f"{path}: {len(log.new)} notes imported, {len(log.empty_first_field)} with an empty first field")

        notes = []
        for note_id in sorted(col.find_notes("")):
            note = col.get_note(note_id)
            notes.append({"fields": list(note.fields), "tags": list(note.tags)})
    finally:
        col.close()
    out = path.replace(".anki.txt", ".anki-notes.json")
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(notes, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        check(name)
