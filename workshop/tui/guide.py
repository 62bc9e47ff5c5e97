"""What F1 lists beyond the grammar: the words of every vocabulary (kinds of place, themes,
roles, tie kinds, statuses, consent, sentiment, the sounding board's values) and the fields
each kind of record takes, generated from the vocabularies and the one field table (so the
list cannot drift from what the line accepts), in the language of the screen, with an example
line per kind of record; and the legend of the short status bar. No Textual here.
"""

from __future__ import annotations

from workshop import model
from workshop.i18n import Catalogue
from workshop.model import Context
from workshop.tui.texts import tx

CATALOGUE = Catalogue(
    "tui-guide",
    {
        "words_title": {
            "nl": "Woorden (Nederlands of Engels; een onbekend #woord wordt een label)",
            "en": "Words (English or Dutch; an unknown #word becomes a tag)",
        },
        "words_place": {"nl": "plek #soort", "en": "place #kind"},
        "words_theme": {"nl": "initiatief #thema", "en": "initiative #theme"},
        "words_status": {"nl": "initiatief status:", "en": "initiative status:"},
        "words_role": {"nl": "actor #rol", "en": "actor #role"},
        "words_type": {"nl": "actor type: (persoon/org)", "en": "actor type: (person/org)"},
        "words_tie": {"nl": "verband actor -> actor #soort", "en": "tie actor -> actor #kind"},
        "words_tie_initiative": {
            "nl": "actor -> initiatief #soort",
            "en": "actor -> initiative #kind",
        },
        "words_tie_place": {"nl": "actor -> plek #soort", "en": "actor -> place #kind"},
        "words_consent": {
            "nl": "consent: (persoon, deelnemer)",
            "en": "consent: (person, participant)",
        },
        "words_sentiment": {
            "nl": "gevoel: (plek; ook als #woord)",
            "en": "sentiment: (place; also as a #word)",
        },
        "words_board": {
            "nl": "deelnemer #{dimension}",
            "en": "participant #{dimension}",
        },
        "fields_title": {
            "nl": 'Velden per soort (veld:waarde, met spaties veld:"twee woorden")',
            "en": 'Fields of each kind (field:value, with spaces field:"two words")',
        },
        "example": {"nl": "bijv. {line}", "en": "e.g. {line}"},
        "bar_title": {
            "nl": "De bovenbalk, kort (smal scherm)",
            "en": "The top bar, short (narrow screen)",
        },
        "bar_legend": {
            "nl": "P plekken · I initiatieven · A actoren · V verbanden · N notities ·\n"
            "kopie 3 min: de laatste reservekopie, 3 minuten geleden (Ctrl+B maakt er een)",
            "en": "P places · I initiatives · A actors · T ties · N notes ·\n"
            "backup 3 min: the latest backup, 3 minutes ago (Ctrl+B makes one)",
        },
    },
    prefix="tui_guide_",
)

# One line per kind of record that uses some of its fields (each parses: tests/tui check it).
EXAMPLES = {
    "place": {
        "nl": 'p Speeltuin De Bloesem #speeltuin @C3 gevoel:zorgpunt adres:"Bloesemlaan 2"',
        "en": 'place "Blossom playground" #playground @C3 sentiment:concern',
    },
    "initiative": {
        "nl": "i Repaircafé #sociaal status:actief nodig:vrijwilligers biedt:reparaties",
        "en": "i Repair café #social status:active needs:volunteers offers:repairs",
    },
    "actor": {
        "nl": 'org Wijkraad #bewonersorganisatie invloed:3 groepen:"ouderen, jongeren"',
        "en": 'org "Residents council" #residents-organisation influence:3 groups:elderly',
    },
    "tie": {
        "nl": "Jan -> Wijkraad #lid sterkte:2",
        "en": "Jan -> Residents council #member strength:2",
    },
    "participant": {
        "nl": "deelnemer Anna #appartement eigendom:huur consent:intern",
        "en": "participant Anna #apartment tenure:rent consent:internal",
    },
    "candidate": {
        "nl": "kandidaat Kwame #appartement status:uitgenodigd",
        "en": "candidate Kwame #apartment status:invited",
    },
    "session": {
        "nl": 'sessie datum:2026-11-26 locatie:"Buurthuis De Kuil" tafel:2',
        "en": 'session date:2026-11-26 venue:"Community centre" table:2',
    },
}
KINDS = tuple(EXAMPLES)


def _g(key: str, lang: str, **params) -> str:
    return tx(f"guide_{key}", lang, **params)


def words(ctx: Context) -> list[tuple[str, str]]:
    """(what, its words) for every vocabulary a line takes."""
    lang = ctx.lang
    out = [
        (_g("words_place", lang), model.PLACE_KINDS),
        (_g("words_theme", lang), model.THEMES),
        (_g("words_status", lang), model.STATUSES),
        (_g("words_role", lang), model.ROLES),
        (_g("words_type", lang), model.ACTOR_TYPES),
        (_g("words_tie", lang), model.ACTOR_TIE_KINDS),
        (_g("words_tie_initiative", lang), model.INITIATIVE_TIE_KINDS),
        (_g("words_tie_place", lang), model.PLACE_TIE_KINDS),
        (_g("words_consent", lang), model.CONSENT),
        (_g("words_sentiment", lang), model.SENTIMENTS),
    ]
    listed = [(what, ", ".join(vocab.words(lang))) for what, vocab in out]
    for dim in ctx.dimensions:
        values = ", ".join(t.label(lang).replace(" ", "-") for t in dim.values)
        listed.append((_g("words_board", lang, dimension=dim.label(lang)), values))
    return listed


def fields(ctx: Context) -> list[tuple[str, str, str]]:
    """(kind of record, its field words, an example line) for every kind a line makes."""
    lang = ctx.lang
    return [
        (model.kind_label(kind, lang), " ".join(ctx.field_words(kind)), EXAMPLES[kind][lang])
        for kind in KINDS
    ]


def text(ctx: Context) -> str:
    """The generated part of F1, as plain text (shown with markup off)."""
    lang = ctx.lang
    lines = [_g("words_title", lang)]
    for what, listed in words(ctx):
        lines.append(f"  {what}")
        lines.append(f"      {listed}")
    lines += ["", _g("fields_title", lang)]
    for kind, listed, example in fields(ctx):
        lines.append(f"  {kind}: {listed}")
        lines.append("      " + _g("example", lang, line=example))
    lines += ["", _g("bar_title", lang)]
    lines += [f"  {line}" for line in _g("bar_legend", lang).splitlines()]
    return "\n".join(lines)
