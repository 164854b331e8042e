import Foundation

/// The JSON Anki keeps in the `col` row of a schema-11 collection, for gloss's exports.
extension AnkiPackageWriter {
    static let schema = """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
          ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
          models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
          usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
          flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
          mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
          ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
          odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
          ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        """

    /// Anki's indexes, made after the rows are in (faster than keeping them up to date row by row).
    static let indexes = """
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """

    static func configuration(deckID: Int64, next: Int) -> [String: Any] {
        [
            "activeDecks": [deckID], "curDeck": deckID, "curModel": noteTypeID, "nextPos": next, "schedVer": 2,
            "sched2021": true, "newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true, "dueCounts": true,
            "sortType": "noteFld", "sortBackwards": false, "addToCur": true, "dayLearnFirst": false, "creationOffset": 0,
        ]
    }

    static func deckJSON(id: Int64, name: String, mod: Int64) -> [String: Any] {
        [
            "id": id, "mod": mod, "name": name, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0],
            "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false, "desc": "", "dyn": 0, "conf": 1,
            "extendNew": 0, "extendRev": 0,
        ]
    }

    static func options() -> [String: Any] {
        [
            "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true,
            "new": ["bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20],
            "rev": ["bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2],
            "lapse": ["delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0],
            "dyn": false,
        ]
    }

    static func noteType(deckID: Int64, mod: Int64) -> [String: Any] {
        let fields = fieldNames.enumerated().map { ord, name -> [String: Any] in
            ["name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": [String]()]
        }
        let extra = "{{#Explanation}}<br><br>{{Explanation}}{{/Explanation}}{{#Related}}<br><br>Related: {{Related}}{{/Related}}"
        let templates: [[String: Any]] = [
            [
                "name": "Recall", "ord": 0, "qfmt": "{{Term}}",
                "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Definition}}\(extra)", "bqfmt": "", "bafmt": "", "did": NSNull(),
            ],
            [
                "name": "Recognize", "ord": 1, "qfmt": "{{Definition}}",
                "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Term}}{{#Aliases}}<br>({{Aliases}}){{/Aliases}}\(extra)",
                "bqfmt": "", "bafmt": "", "did": NSNull(),
            ],
        ]
        return [
            "id": noteTypeID, "name": "gloss term", "type": 0, "mod": mod, "usn": -1, "sortf": 0, "did": deckID,
            "tmpls": templates, "flds": fields, "tags": [String](), "vers": [String](),
            "css":
                ".card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n",
            "latexPre":
                "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}", "latexsvg": false,
            "req": [[0, "any", [0]], [1, "any", [1]]],
        ]
    }
}
