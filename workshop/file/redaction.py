"""One redaction of free text for every way out of the program.

Free text is personal data too: "Bel Jan op 06-1234 5678" names Jan and carries his number. Every
output builds one `Redactor` from the file, for its audience (see `workshop.privacy`), and passes
each free text through `Redactor.text` (or a whole record through `Redactor.record`). Which
output uses which audience is decided here and nowhere else:

    output (`OUTPUT_AUDIENCE` key)                              audience
    export: csv, json, geojson, graphml, gexf, kumu, publish    export   (public consent)
    json: `connectors --json`, `coverage --json`                export
    print: cards, summary, result map, network poster, map      print
    wall: the room's screen, local and served                   print
    terminal: `connectors`, `coverage` as text                  internal (the facilitator's)
    screen: the facilitator's own screens (capture, lists,      facilitator (every name: she
            map, network, board) and the confidential key               typed them herself)

`--anonymise` hides every person and every contact detail whatever the consent.

What is hidden: every person (actor of type person, participant, candidate) that the audience may
not see by name, recognised by whole words only (never the letters inside another word: "Bas"
is not in "Basisschool" or "Basten"), case-, accent- and NFC/NFD-insensitively, with possessives
("Jansens", "Jansen's", "Jansen’s"): the full name always; each distinctive part (first name,
surname) only where no visible person, organisation or place carries the same word. Particles
(van, de, ...) and titles (dokter, juf, ...) never count as a name on their own. A part of one
hidden person becomes that person's pseudonym, a part two hidden persons share "(naam)". Also
every phone number and mail address the file has ever held (current fields and the undo history)
for a record whose contact details the audience may not see, in any spacing, with dashes, dots,
+31, 0031 or 0; they become "(telefoon)" and "(e-mail)". A mail address the file never held is
replaced whole when it contains a hidden name.

The words, name parts, possessives, phone and mail keys are those of `workshop.file.redaction_words`,
which `forget` (`workshop.file.mentions`) shares; what is the redaction's own is here: many persons
at once, audiences, pseudonyms, and hiding more rather than less (a name inside an unknown mail
or web address, "Bas2", "Ans" for a hidden An all go).

The names compile into one dictionary lookup per word (and one per run of words for full
names), so the cost is in the length of the text, not the number of persons.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from workshop import privacy
from workshop.file.redaction_words import (
    HAS_MARK,
    LETTER,
    MIN_PART,
    NOT_NAMES,
    SCANNERS,
    UNSPACED,
    fold,
    known_phones,
    looks_like_phone,
    mail_key,
    mail_keys,
    mail_lead,
    name_parts,
    name_words,
    normalise,
    phone_keys,
    possessive,
    words,
)
from workshop.file.store import Store
from workshop.i18n import LANGS, t

OUTPUT_AUDIENCE = {
    "export": "export",
    "json": "export",
    "print": "print",
    "wall": "print",
    "terminal": "internal",
    "screen": "facilitator",
}

WITHHELD = {
    lang: {
        "name": t("withheld_name", lang),
        "phone": t("withheld_phone", lang),
        "mail": t("withheld_mail", lang),
    }
    for lang in LANGS
}

# Free-text fields per table (besides `tags`); person names go through privacy.redact.
FREE_TEXT = {
    "session": ("venue", "facilitator", "table_name"),
    "place": ("name", "description", "address"),
    "initiative": ("name", "description", "needs", "offers"),
    "actor": ("description", "groups"),
    "tie": ("description",),
    "note": ("text",),
}
CONTACT_TABLES = ("actor", *privacy.PERSON_TABLES)
ANONYMISED_CONTACT_TABLES = ("place", "initiative")
RECORD_CONTACTS = ("tel", "mail", "website")  # of a place or initiative (address is free text)
_VOCABULARY = {"type", "role", "theme", "status", "kind", "source", "dimension"}
_MEMO = 100_000  # texts `Redactor.text` remembers at most
JSON_KEYS = frozenset({"id", "value", "key", "values", *_VOCABULARY})  # not free text


def audience_for(output: str) -> str:
    return OUTPUT_AUDIENCE[output]


def _every_word(name: str) -> set[str]:
    """The keys of every word of a name someone may see, short ones and pieces included: a
    hidden "An" must not take the first name of a visible "An Jansen"."""
    return set(words(name))


def _people(store: Store, table: str) -> list[dict]:
    """What the redaction needs of each record (only these columns: a city file has many)."""
    columns = [
        c
        for c in ("id", "name", "type", "role", "consent", "pseudonym", "tel", "mail")
        if c in store.columns(table)
    ]
    quoted = ", ".join(f'"{c}"' for c in columns)
    return [
        dict(zip(columns, row, strict=True))
        for row in store.conn.execute(f'SELECT {quoted} FROM "{table}"')
    ]


@dataclass
class Redactor:
    """Free text as one audience may see it. Build with `for_output` (or `Redactor.build`)."""

    audience: str
    lang: str
    anonymise: bool = False
    words: dict[str, str] = field(default_factory=dict)  # normalised word -> replacement
    short: set[str] = field(default_factory=set)  # words that count only with a capital
    visible: set[str] = field(default_factory=set)
    full: dict[tuple[str, ...], str] = field(default_factory=dict)  # names of 2+ words
    starts: set[str] = field(default_factory=set)  # the first words of `full`
    longest: int = 1
    phones: set[str] = field(default_factory=set)
    mails: set[str] = field(default_factory=set)
    unspaced: dict[str, str] = field(default_factory=dict)  # found inside runs (UNSPACED)
    _seen: set[tuple[object, object]] = field(default_factory=set, repr=False)
    # What `text` gave for each text so far: many repeat (a city's places share a kind of
    # description, its actors a handful of groups), and each is then looked at once.
    _done: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, store: Store, audience: str, *, anonymise: bool = False) -> Redactor:
        lang = store.lang if store.lang in WITHHELD else "en"
        self = cls(audience, lang, anonymise)
        persons: dict[str, list[str]] = {}  # normalised part -> replacements
        for table in CONTACT_TABLES:
            for row in _people(store, table):
                if not privacy.is_person(row, table):
                    self.visible.update(_every_word(row["name"]))
                    continue
                shown = privacy.shown_name(row, table, audience, lang, anonymise)
                if shown == row["name"]:
                    self.visible.update(_every_word(row["name"]))
                    continue
                self._hide_name(row["name"], shown, persons)
        for (name,) in store.conn.execute("SELECT name FROM place"):
            self.visible.update(_every_word(name))
        withheld = WITHHELD[lang]["name"]
        for key, shown_as in persons.items():
            if key not in self.visible:
                self.words[key] = shown_as[0] if len(set(shown_as)) == 1 else withheld
        self.short -= self.visible
        self._hide_contacts(store)
        return self

    def _hide_name(self, name: str, shown: str, persons: dict[str, list[str]]) -> None:
        keys = tuple(normalise(w) for w in name_words(name))
        if not keys:
            return
        if UNSPACED.search(name):
            for key in {*keys, "".join(keys)}:
                if len(key) >= 2 and UNSPACED.search(key):
                    known = self.unspaced.get(key, shown)
                    self.unspaced[key] = shown if known == shown else WITHHELD[self.lang]["name"]
        if len(keys) > 1:
            if keys in self.full and self.full[keys] != shown:
                shown = WITHHELD[self.lang]["name"]
            self.full[keys] = shown
            self.starts.add(keys[0])
            self.longest = max(self.longest, len(keys))
        elif keys[0] not in NOT_NAMES:
            persons.setdefault(keys[0], []).append(shown)
            if len(keys[0]) < MIN_PART:
                self.short.add(keys[0])
        for part in name_parts(name):
            if " " in part:
                continue  # a particle group ("de vries"): its last word is a part of its own
            persons.setdefault(part, []).append(shown)
            if len(part) < MIN_PART:
                self.short.add(part)

    def _hide_contacts(self, store: Store) -> None:
        """Every phone and mail the file ever held for a record this audience may not
        contact: the current fields and every before/after row of the undo history."""
        tables = CONTACT_TABLES + (ANONYMISED_CONTACT_TABLES if self.anonymise else ())
        shown: set[tuple[str, str]] = set()
        for table in tables:
            for row in _people(store, table):
                if table in CONTACT_TABLES and privacy.shows_contact(
                    row, self.audience, self.anonymise
                ):
                    shown.add((table, row["id"]))
                else:
                    self._add_contact(row.get("tel"), row.get("mail"))
        # The history's rows, parsed by SQLite's JSON functions (every entry is a list of
        # {"table", "id", "before", "after"}); an entry that is not valid JSON holds nothing.
        marks = ", ".join("?" for _ in tables)
        for (found,) in store.conn.execute(
            f"""
                SELECT json_extract(c.value, '$.table', '$.id', '$.before.tel', '$.before.mail',
                                    '$.after.tel', '$.after.mail')
                FROM (SELECT changes FROM history WHERE json_valid(changes)
                      AND json_type(changes) = 'array') AS h, json_each(h.changes) AS c
                WHERE c.type = 'object' AND json_extract(c.value, '$.table') IN ({marks})""",
            tables,
        ):
            table, id_, *values = json.loads(found)
            if (table, id_) not in shown:
                self._add_contact(values[0], values[1])
                self._add_contact(values[2], values[3])

    def _add_contact(self, tel: object, mail: object) -> None:
        if (tel, mail) in self._seen:
            return
        self._seen.add((tel, mail))
        if isinstance(tel, str):
            self.phones |= phone_keys(tel)
        if isinstance(mail, str):
            self.mails |= mail_keys(mail)

    @property
    def empty(self) -> bool:
        return not (self.words or self.full or self.phones or self.mails or self.unspaced)

    # --- redacting ---------------------------------------------------------------------------

    def text(self, value: str | None) -> str:
        """The text with every hidden name, phone and mail replaced."""
        if not value:
            return value or ""
        if self.empty:
            return value
        done = self._done.get(value)
        if done is None:
            if len(self._done) >= _MEMO:
                self._done.clear()  # (a bound: a long session's texts are not all kept)
            done = self._done[value] = self._text(value)
        return done

    def _text(self, value: str) -> str:
        scan = SCANNERS["@" in value, HAS_MARK.search(value) is not None]
        found = list(scan.finditer(value))
        changes: list[tuple[int, int, str]] = []
        kept_phones: list[re.Match[str]] = []
        named = False
        i = 0
        while i < len(found):
            match = found[i]
            kind = match.lastgroup
            step = 1
            if kind == "mail":
                if self._mail_hidden(match.group()):
                    start = match.start() + mail_lead(match.group())  # "'jan@..." keeps its '
                    changes.append((start, match.end(), WITHHELD[self.lang]["mail"]))
            elif kind == "phone":
                hits = self._phones_in(match)
                changes += hits
                if not hits:
                    kept_phones.append(match)
            elif self._worth_a_look(match.group()):
                step, hits = self._names_at(value, found, i)
                changes += hits
                named = named or bool(hits)
            i += step
        if self.unspaced and UNSPACED.search(value):
            hits = self._unspaced_in(value, changes)
            changes += hits
            named = named or bool(hits)
        if named:
            # A text that names a hidden person loses every phone number in it, also one the
            # file never held ("Bel Jan Jansen op 0612345678").
            changes += [
                (m.start(), m.end(), WITHHELD[self.lang]["phone"])
                for m in kept_phones
                if looks_like_phone(m.group())
            ]
        if not changes:
            return value
        out: list[str] = []
        at = 0
        for start, end, new in sorted(changes):
            if start > at and value[start - 1] == "(" == new[0] and value[end : end + 1] == ")":
                # "bel (0612345678)" becomes "bel (telefoon)", not "bel ((telefoon))"
                start, end = start - 1, end + 1
            out.append(value[at:start])
            out.append(new)
            at = end
        out.append(value[at:])
        return "".join(out)

    def _unspaced_in(
        self, value: str, changes: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Hidden names in a script without spaces, inside a run of it ("请联系王小明"): the
        longest first, none over a change already made."""
        folded, owner = fold(value)
        taken = [(a, b) for a, b, _ in changes]
        hits: list[tuple[int, int, str]] = []
        for key in sorted(self.unspaced, key=len, reverse=True):
            at = folded.find(key)
            while at >= 0:
                start, end = owner[at], owner[at + len(key) - 1] + 1
                if all(end <= a or start >= b for a, b in taken):
                    hits.append((start, end, self.unspaced[key]))
                    taken.append((start, end))
                at = folded.find(key, at + len(key))
        return hits

    def texts(self, values: Iterable[str]) -> list[str]:
        return [self.text(v) for v in values]

    def json(self, value: Any, keep: frozenset[str] = JSON_KEYS) -> Any:
        """A JSON document with every string scrubbed, except those under the keys `keep`
        (ids and vocabulary keys, which are not free text)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.json(v, keep) for v in value]
        if isinstance(value, dict):
            return {k: v if k in keep else self.json(v, keep) for k, v in value.items()}
        return value

    def record(self, table: str, row: dict) -> dict:
        """A copy of a record as this audience may see it: persons through privacy.redact,
        every free-text field and tag through `text`."""
        out = privacy.redact(row, table, self.audience, self.lang, self.anonymise)
        fields = FREE_TEXT.get(table, ())
        if table == "actor" and not privacy.is_person(row, table):
            fields = ("name", *fields)
        for key in fields:
            if isinstance(out.get(key), str):
                out[key] = self.text(out[key])
        if isinstance(out.get("tags"), list):
            out["tags"] = [self.text(t) if isinstance(t, str) else t for t in out["tags"]]
        if table in ANONYMISED_CONTACT_TABLES:
            # A place's or initiative's phone or mail may be a hidden person's own (the
            # volunteer's mobile as the community centre's number): it goes as theirs would.
            for key in RECORD_CONTACTS:
                if isinstance(out.get(key), str):
                    out[key] = self.text(out[key]) or None
        return out

    def _mail_hidden(self, address: str) -> bool:
        key = mail_key(address)
        if key in self.mails:
            return True
        words = [m.group() for m in re.finditer(rf"{LETTER}+", address.split("@", 1)[0])]
        keys = tuple(normalise(w) for w in words)
        if any(
            keys[i : i + n] in self.full
            for n in range(2, self.longest + 1)
            for i in range(len(keys) - n + 1)
        ):
            return True
        return any(self._word(w) is not None for w in words)

    def _phones_in(self, match: re.Match[str]) -> list[tuple[int, int, str]]:
        withheld = WITHHELD[self.lang]["phone"]
        at = match.start()
        return [(at + a, at + b, withheld) for a, b in known_phones(match.group(), self.phones)]

    def _worth_a_look(self, word: str) -> bool:
        """Cheap: could this word start a hidden name (most words of a text cannot)?"""
        key = normalise(word)
        if key in self.words or key in self.starts or "-" in key:
            return True
        return key[-1:] == "s" and (key[:-1] in self.words or key[:-2] in self.words)

    def _word(self, word: str) -> str | None:
        """The replacement of one word, or None when it stays."""
        key = normalise(word)
        if key in self.visible:
            return None
        shown = self.words.get(key)
        if shown is None:
            bare = possessive(key)
            if bare is None or bare not in self.words:
                return None
            key, shown = bare, self.words[bare]
        if key in self.short and not word[:1].isupper():
            return None
        return shown

    def _names_at(
        self, text: str, found: list[re.Match[str]], i: int
    ) -> tuple[int, list[tuple[int, int, str]]]:
        """(how many matches were used, replacements) for the word at found[i]."""
        if normalise(found[i].group()) in self.starts:
            run = [found[i]]  # the words that follow, each after only white space
            for m in found[i + 1 : i + self.longest]:
                if m.lastgroup != "word" or not text[run[-1].end() : m.start()].isspace():
                    break
                run.append(m)
            for n in range(len(run), 1, -1):
                keys = [normalise(m.group()) for m in run[:n]]
                shown = self.full.get(tuple(keys))
                if shown is None:
                    bare = possessive(keys[-1])
                    if bare is not None:
                        shown = self.full.get((*keys[:-1], bare))
                if shown is not None:
                    return n, [(run[0].start(), run[n - 1].end(), shown)]
        match = found[i]
        word = match.group()
        shown = self._word(word)
        if shown is not None:
            return 1, [(match.start(), match.end(), shown)]
        if "-" in word and normalise(word) not in self.visible:
            out = []
            at = match.start()
            for piece in word.split("-"):
                piece_shown = self._word(piece)
                if piece_shown is not None:
                    out.append((at, at + len(piece), piece_shown))
                at += len(piece) + 1
            return 1, out
        return 1, []


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def for_output(store: Store, output: str, *, anonymise: bool = False) -> Redactor:
    """The redactor of one output (an `OUTPUT_AUDIENCE` key), built from the file as it is
    now; kept while the file does not change, so the outputs of one run share it."""
    return for_audience(store, audience_for(output), anonymise=anonymise)


def for_audience(store: Store, audience: str, *, anonymise: bool = False) -> Redactor:
    """The same, for code that is handed an audience (`internal`, `print`, `export`)."""
    version = (
        store.conn.execute("PRAGMA data_version").fetchone()[0],
        store.conn.total_changes,
        audience,
        anonymise,
    )
    kept = _CACHE.setdefault(store, {})
    # Inside a write (an import comparing rows with their export) the one built before it
    # serves: rebuilding after every row would cost the import its speed.
    stale = kept.get(version[2:], (None,))[0] != version[:2]
    if stale and not (store.conn.in_transaction and version[2:] in kept):
        kept[version[2:]] = (version[:2], Redactor.build(store, audience, anonymise=anonymise))
    return kept[version[2:]][1]
