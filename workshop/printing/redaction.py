"""Names in free text, for paper: a quote like "Van Fatma geloof ik het meteen" must not print
the name of a person who did not consent to paper, even though the quote itself may.

`Scrubber(store, audience, lang).scrub(text)` replaces, as whole words, the full name and the
distinctive parts of every person the audience may not see (actors, participants, candidates)
by that person's pseudonym. A part that two hidden persons share becomes "(naam)"; a part that
also belongs to someone who may be named (or to an organisation) is left alone unless the full
name is there. Particles (van, de, el, ...) and titles (dokter, juf, ...) are never taken for a
name on their own.
"""

from __future__ import annotations

import re

from workshop import privacy
from workshop.store import Store
from workshop.text import normalise

PARTICLES = {"van", "de", "der", "den", "het", "t", "'t", "te", "ter", "ten", "el", "al", "la",
             "le", "da", "di", "du", "von", "dos", "das", "bin", "ibn", "en", "op", "in", "aan"}
TITLES = {"dokter", "dr", "juf", "meester", "mevrouw", "meneer", "mw", "dhr", "mr", "mrs", "ms",
          "pastor", "dominee", "imam", "pater", "zuster", "oom", "tante", "opa", "oma",
          "wijkagent", "buurvrouw", "buurman", "familie", "family", "fam", "gezin"}
MIN_PART = 3
_WITHHELD = {"nl": "(naam)", "en": "(name)"}


def _parts(name: str) -> list[str]:
    words = re.findall(r"[\w'’-]+", name)
    return [w for w in words if len(w) >= MIN_PART and normalise(w) not in PARTICLES | TITLES]


class Scrubber:
    def __init__(self, store: Store, audience: str, lang: str, anonymise: bool = False):
        replace: dict[str, str] = {}  # normalised word or name -> replacement
        shared: set[str] = set()
        visible: set[str] = set()
        for table in privacy.PERSON_TABLES + ("actor",):
            for row in store.rows(table):
                if table == "actor" and row["type"] != "person":
                    visible.update(normalise(p) for p in _parts(row["name"]))
                    continue
                shown = privacy.shown_name(row, table, audience, lang, anonymise)
                if shown == row["name"]:
                    visible.update(normalise(p) for p in _parts(row["name"]))
                    continue
                replace[normalise(row["name"])] = shown
                for part in _parts(row["name"]):
                    key = normalise(part)
                    if key in replace and replace[key] != shown:
                        shared.add(key)
                    replace.setdefault(key, shown)
        for key in shared:
            replace[key] = _WITHHELD.get(lang, _WITHHELD["en"])
        full_names = {k for k in replace if " " in k}
        self._replace = {k: v for k, v in replace.items() if k in full_names or k not in visible}
        self._pattern: re.Pattern[str] | None = None
        if self._replace:
            # Match on the text itself, case-insensitively; names are compared normalised.
            alternatives = sorted({re.escape(w) for w in self._words(store, audience, lang,
                                                                     anonymise)},
                                  key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w'’])(" + "|".join(alternatives) + r")(?![\w’])",
                                       re.IGNORECASE)

    def _words(self, store: Store, audience: str, lang: str, anonymise: bool) -> set[str]:
        """The spellings to look for: every hidden name and part as stored."""
        out = set()
        for table in privacy.PERSON_TABLES + ("actor",):
            for row in store.rows(table):
                if table == "actor" and row["type"] != "person":
                    continue
                if privacy.shown_name(row, table, audience, lang, anonymise) == row["name"]:
                    continue
                for word in [row["name"], *_parts(row["name"])]:
                    if normalise(word) in self._replace:
                        out.add(word)
        return out

    def scrub(self, text: str | None) -> str:
        if not text or self._pattern is None:
            return text or ""
        return self._pattern.sub(self._swap, text)

    def _swap(self, match: re.Match[str]) -> str:
        word = match.group(0)
        key = normalise(word)
        if " " not in key and word[:1].islower():
            return word  # "bij de bakker" is a shop; "Bakker" may be a person
        return self._replace.get(key, word)
