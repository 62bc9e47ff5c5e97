"""F1: how to write a capture line, with examples, in the language of the screen; then the
words and fields the line takes (generated: `workshop.tui.guide`) and the keys."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from workshop.capture import messages as _capture_messages  # noqa: F401  (help_short_forms)
from workshop.i18n import t
from workshop.tui import guide
from workshop.tui.screens.base import WorkshopModal

HELP = {
    "nl": """\
Eén regel per ding dat bewoners noemen; Enter legt het vast, meteen bewaard.

  p Buurthuis De Kuil #buurthuis @C4 "Hier komt iedereen"
      plek: naam, #soort, @vak op de kaart, "wat bewoners zeggen"
  i "Zon op ons dak" #opwek @D2 +"Dokter de Vries" status:actief
      initiatief: naam, #thema, @vak, +wie erachter zit
  persoon "Dokter de Vries" #sleutelfiguur !5 tel:0612345678 consent:print
      actor: persoon of org, #rol, !invloed 0-5, toestemming
  org Wijkraad #bewonersorganisatie !3
  Jan -> Dokter de Vries #kent
      verband; ook <- , <-> wederzijds, -- ongericht
  Jan -> Zon op ons dak #trekt      (actor bij een initiatief of plek)
  n "Wil meer bankjes" ~Buurthuis De Kuil     (notitie, ~ waarover)
  q "De wijk is van ons" ~Jan                  (citaat)
  deelnemer Anna #appartement #senior #alleenstaand consent:intern
  sessie locatie:"Buurthuis De Kuil" tafel:2
  kaart 12                 (wat de QR-code van kaart 12 typt)

Een naam met # @ ! + ~ of een pijl zet je tussen "aanhalingstekens".
veld:waarde zet een ander veld (welke velden: zie hieronder).
Onbekende #woorden worden labels. Hoofdletters en accenten tellen bij
namen niet mee.

{guide}

Toetsen
  Tab vult aan, ↑↓ een andere aanvulling, Enter legt vast
  ↓ naar de lijst eronder; Enter daar: bewerken; Esc terug naar de regel
  Ctrl+Z ongedaan maken, Ctrl+Y opnieuw doen
  F2 vastleggen  F3 lijsten  F4 kaart  F5 netwerk  F6 klankbord
  F7 sessie  F8 afdrukken  F9 exporteren  Ctrl+B reservekopie
      F8 drukt ook de vertrouwelijke sleutel bij de pseudoniemen af
      (op de opdrachtregel: workshop print key FILE)
  F10 minikaart: de kaart naast de regel aan/uit (onder de regel op een smal scherm)
  Ctrl+F zoeken, Ctrl+O sorteren, Insert/Ctrl+N nieuw, Del wissen (in lijsten)
      letters die je op een ander scherm typt komen in de invoerregel
  Ctrl+T English  Ctrl+G hoog contrast  Ctrl+P alle opdrachten
  Ctrl+Q stoppen                              Esc sluit dit scherm.""",
    "en": """\
One line per thing residents name; Enter captures it, saved at once.

  place "Community centre De Kuil" #community-centre @C4 "We all go"
      place: name, #kind, @cell on the map, "what residents say"
  i "Sun on our roof" #generation @D2 +"Doctor de Vries" status:active
      initiative: name, #theme, @cell, +who is behind it
  person "Doctor de Vries" #key-figure !5 tel:0612345678 consent:print
      actor: person or org, #role, !influence 0-5, consent
  org "Residents' council" #residents-organisation !3
  Jan -> Doctor de Vries #knows
      tie; also <- , <-> mutual, -- undirected
  Jan -> Sun on our roof #drives    (an actor with an initiative or place)
  note "Wants more benches" ~Community centre De Kuil
  quote "This is our neighbourhood" ~Jan
  participant Anna #apartment #senior #single consent:internal
  session venue:"Community centre De Kuil" table:2
  card 12                  (what the QR code of card 12 types)

A name with # @ ! + ~ or an arrow goes in "double quotes".
field:value sets another field (which fields: see below).
Unknown #words become tags. Case and accents do not count in names.

{guide}

Keys
  Tab completes, ↑↓ another completion, Enter captures
  ↓ to the feed below; Enter there: edit; Esc back to the line
  Ctrl+Z undo, Ctrl+Y redo
  F2 capture  F3 lists  F4 map  F5 network  F6 board
  F7 session  F8 print  F9 export  Ctrl+B backup
      F8 also prints the confidential key to the pseudonyms
      (on the command line: workshop print key FILE)
  F10 mini map: the map beside the line on/off (under the line on a narrow screen)
  Ctrl+F filter, Ctrl+O sort, Insert/Ctrl+N new, Del delete (in lists)
      letters typed on another screen go into the capture line
  Ctrl+T Nederlands  Ctrl+G high contrast  Ctrl+P all commands
  Ctrl+Q quit                                 Esc closes this screen.""",
}


class HelpScreen(WorkshopModal):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help { width: 80; max-width: 100%; height: 100%; max-height: 44;
            border: thick $primary; background: $surface; padding: 0 1; }
    """
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"), VerticalScroll():
            yield Static(Text(help_text(self.workshop.store.context(), self.lang)))
            # the capture line's short forms (issue 11), a block of their own
            yield Static(Text("\n" + t("help_short_forms", self.lang)))

    def action_close(self) -> None:
        self.dismiss(None)


def help_text(ctx, lang: str) -> str:
    """All of F1 in `lang` (the screen's, which Ctrl+T may have turned from the file's)."""
    from dataclasses import replace

    return HELP[lang].replace("{guide}", guide.text(replace(ctx, lang=lang)))
