"""Messages a person reads, in Dutch and English: the one format, and what all parts share.

Every package keeps its own messages in one catalogue (`workshop/file/messages.py`,
`workshop/capture/messages.py`, ... `workshop/tui/texts.py`), built as a `Catalogue`:

    CATALOGUE = Catalogue("file", {"file_missing": {"nl": "...", "en": "..."}, ...})

One format, key -> {"nl": ..., "en": ...}, rather than two parallel dicts: the two languages of
a message sit side by side, so a missing or drifting translation shows where the message is
written, and a key cannot exist in one language only. A catalogue registers its keys in one
registry (`MESSAGES`) when its package is imported, because a `UserError` carries only a key and
is rendered far from where it was raised (the CLI, the TUI). A key lives in the catalogue of the
lowest package that uses it; this module keeps only what several packages share (counted
nouns, lists, hints). `tests/test_messages.py` holds the rules: both languages, the same
`{fields}`, every key used exists.

A user-caused error is a `UserError` carrying a message key and its parameters; it is rendered
in the neighbourhood's language where it is shown. Parameters that hold user text are inserted
as plain text; callers that display them in a markup-aware widget must escape or use `Text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

LANGS = ("nl", "en")

#: Every registered message, from every catalogue: key -> {"nl": ..., "en": ...}.
MESSAGES: dict[str, dict[str, str]] = {}

#: Every catalogue, by name (the tests walk them).
CATALOGUES: dict[str, Catalogue] = {}


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add messages to the registry; a key defined twice differently is a bug."""
    for key, texts in messages.items():
        if key in MESSAGES and MESSAGES[key] != texts:
            raise ValueError(f"message {key!r} is defined twice, differently")
        if set(texts) != set(LANGS):
            raise ValueError(f"message {key!r} needs exactly nl and en")
    MESSAGES.update({key: dict(texts) for key, texts in messages.items()})


class Catalogue:
    """The messages of one package: key -> {"nl": ..., "en": ...}, registered on creation.

    `prefix` is put before every key in the registry (the TUI's texts are `tui_...`)."""

    def __init__(
        self, name: str, messages: Mapping[str, Mapping[str, str]], *, prefix: str = ""
    ) -> None:
        if name in CATALOGUES:
            raise ValueError(f"catalogue {name!r} exists twice")
        self.name = name
        self.prefix = prefix
        self.messages = {f"{prefix}{key}": dict(texts) for key, texts in messages.items()}
        register(self.messages)
        CATALOGUES[name] = self

    def __contains__(self, key: str) -> bool:
        return f"{self.prefix}{key}" in self.messages

    def t(self, key: str, lang: str = "nl", **fields: Any) -> str:
        return t(f"{self.prefix}{key}", lang, **fields)


class Phrase:
    """A message said later, in the language of the message it is put into: a detail of a
    refusal raised where the language is not known (`UserError("template_bad",
    detail=Phrase("tpl_colour", value="rood"))` reads Dutch in a Dutch sentence)."""

    def __init__(self, key: str, **fields: Any) -> None:
        self.key = key
        self.fields = fields

    def render(self, lang: str) -> str:
        return t(self.key, lang, **self.fields)

    def __str__(self) -> str:
        return self.render("en")


def t(key: str, lang: str = "nl", **fields: Any) -> str:
    """The message `key` in `lang` (English for an unknown language), its `{fields}` filled;
    a field that is a `Phrase` is said in the same language."""
    templates = MESSAGES[key]
    said = {k: v.render(lang) if isinstance(v, Phrase) else v for k, v in fields.items()}
    return templates.get(lang, templates["en"]).format(**said)


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Dutch or the English one of a (nl, en) pair, such as a vocabulary's labels."""
    return pair[0] if lang == "nl" else pair[1]


def plural(key: str, count: int, lang: str = "nl", **fields: Any) -> str:
    """`key_one` for a count of 1, else `key_other` (Dutch and English agree on that rule);
    `{n}` is the count: plural("n_tie", 2, "nl") -> "2 verbanden"."""
    return t(f"{key}_one" if count == 1 else f"{key}_other", lang, n=count, **fields)


def join(items: Iterable[str], lang: str = "nl", *, word: str = "list_and") -> str:
    """ "A, B en C" / "A, B and C" (`word="list_or"`: "A, B of C" / "A, B or C")."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return t(word, lang, head=", ".join(items[:-1]), last=items[-1])


class UserError(Exception):
    """An error the user caused and can put right; shown as one line, never as a traceback."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "nl") -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


# --- what several packages share ---------------------------------------------------------------
SHARED = Catalogue(
    "shared",
    {
        "list_and": {"nl": "{head} en {last}", "en": "{head} and {last}"},
        "list_or": {"nl": "{head} of {last}", "en": "{head} or {last}"},
        # counted nouns for `plural`: the entities of a neighbourhood file
        "n_place_one": {"nl": "{n} plek", "en": "{n} place"},
        "n_place_other": {"nl": "{n} plekken", "en": "{n} places"},
        "n_initiative_one": {"nl": "{n} initiatief", "en": "{n} initiative"},
        "n_initiative_other": {"nl": "{n} initiatieven", "en": "{n} initiatives"},
        "n_actor_one": {"nl": "{n} actor", "en": "{n} actor"},
        "n_actor_other": {"nl": "{n} actoren", "en": "{n} actors"},
        "n_tie_one": {"nl": "{n} verband", "en": "{n} tie"},
        "n_tie_other": {"nl": "{n} verbanden", "en": "{n} ties"},
        "n_participant_one": {"nl": "{n} deelnemer", "en": "{n} participant"},
        "n_participant_other": {"nl": "{n} deelnemers", "en": "{n} participants"},
        "n_candidate_one": {"nl": "{n} kandidaat", "en": "{n} candidate"},
        "n_candidate_other": {"nl": "{n} kandidaten", "en": "{n} candidates"},
        "n_note_one": {"nl": "{n} notitie", "en": "{n} note"},
        "n_note_other": {"nl": "{n} notities", "en": "{n} notes"},
        # role pseudonyms of persons on paper and in exports (workshop.privacy)
        "pseudonym_person": {"nl": "Persoon", "en": "Person"},
        "pseudonym_participant": {"nl": "Deelnemer", "en": "Participant"},
        "pseudonym_candidate": {"nl": "Kandidaat", "en": "Candidate"},
        "did_you_mean": {"nl": ": bedoel je '{name}'?", "en": ": did you mean '{name}'?"},
        "no_hint": {"nl": ".", "en": "."},
        "output_unwritable": {
            "nl": "Kan niet schrijven naar {path}: {detail}.",
            "en": "Cannot write to {path}: {detail}.",
        },
        "output_under_file": {
            "nl": "Kan niet schrijven naar {path}: {file} is een bestand, geen map; schrijf in een"
            " map of naast dat bestand.",
            "en": "Cannot write to {path}: {file} is a file, not a folder; write into a folder or"
            " beside that file.",
        },
        "bad_grid": {
            "nl": "Raster '{value}' kan niet: schrijf KOLOMMENxRIJEN, bijvoorbeeld 8x6 (max 26x99).",
            "en": "Grid '{value}' is not possible: write COLUMNSxROWS, for example 8x6 (at most 26x99).",
        },
    },
)
