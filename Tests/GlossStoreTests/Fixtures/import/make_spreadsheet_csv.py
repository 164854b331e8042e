#!/usr/bin/env python3
"""Writes spreadsheet.csv the way a spreadsheet saves "CSV UTF-8": a BOM, CRLF line ends,
RFC 4180 quoting (Python's csv module, excel dialect), quoted multi-line fields, and a blank
row; and spreadsheet.expected.json with the fields as Python's csv reader reads them back.

    python3 make_spreadsheet_csv.py

ImportFixtureTests imports spreadsheet.csv and compares every entry with the JSON.
swift test never runs this script.
"""
import csv
import io
import json

HEADER = ["Term", "Definition", "Explanation", "Aliases", "Tags", "Related"]
ROWS = [
    ["Mesa-Optimization",
     "A model that is itself an optimizer, with its own \"mesa-objective\".",
     "First paragraph, with commas, \"quotes\" and a tab:\there.\nIts second line.\n\nA second paragraph.",
     "Mesa-Optimizer; Inner Optimizer", "alignment; theory", "Inner Alignment"],
    ["Inner Alignment",
     "Making the learned objective match the training objective.",
     "", "", "alignment", "Mesa-Optimization"],
    [],
    ["Naïve Bayes — ünïcode",
     "A probabilistic classifier assuming features are independent: P(x|y) = ∏ P(xᵢ|y).",
     "Line one\nLine two", "NB", "ml", ""],
    ["Quote\"In\"Term", "Definition with a trailing comma,", "", "", "", ""],
]

buffer = io.StringIO(newline="")
writer = csv.writer(buffer, dialect="excel")  # CRLF line ends, minimal RFC 4180 quoting
writer.writerow(HEADER)
for row in ROWS:
    writer.writerow(row)
text = buffer.getvalue()
with open("spreadsheet.csv", "w", encoding="utf-8-sig", newline="") as handle:
    handle.write(text)

with open("spreadsheet.csv", encoding="utf-8-sig", newline="") as handle:
    rows = [row for row in csv.reader(handle) if row]
header, data = rows[0], rows[1:]
expected = [dict(zip([h.lower() for h in header], row)) for row in data]
with open("spreadsheet.expected.json", "w", encoding="utf-8") as handle:
    json.dump(expected, handle, ensure_ascii=False, indent=1)
    handle.write("\n")
