"""The messages of the capture line and the forms: refusals that say how to write it, and
what a capture did."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "capture",
    {
        # --- the capture line -------------------------------------------------------------------
        "empty_line": {
            "nl": "Lege regel: begin met p (plek), i (initiatief), a (actor), n (notitie) of schrijf NAAM -> NAAM.",
            "en": "Empty line: start with p (place), i (initiative), a (actor), n (note) or write NAME -> NAME.",
        },
        "no_keyword": {
            "nl": "Onbekend begin '{word}': begin met p, i, a, persoon, org, n, deelnemer, kandidaat, sessie, of schrijf NAAM -> NAAM.",
            "en": "Unknown start '{word}': start with p, i, a, person, org, n, participant, candidate, session, or write NAME -> NAME.",
        },
        "unclosed_quote": {
            "nl": 'Aanhalingsteken niet gesloten: sluit af met " (een " in de tekst schrijf je als \\").',
            "en": 'Quote not closed: end it with " (a " inside is written as \\").',
        },
        "no_name": {
            "nl": "Naam ontbreekt: schrijf {example}.",
            "en": "Name missing: write {example}.",
        },
        "name_split": {
            "nl": "'{word}' staat los van de naam: zet de naam vooraan, of tussen aanhalingstekens.",
            "en": "'{word}' is apart from the name: put the name first, or in double quotes.",
        },
        "extra_quoted": {
            "nl": "Tekst tussen aanhalingstekens hoort hier niet: zet de hele naam tussen aanhalingstekens.",
            "en": "Quoted text does not belong here: put the whole name in double quotes.",
        },
        "bad_cell": {
            "nl": "Vak '{cell}' ligt niet op de kaart: kies A1 t/m {last}.",
            "en": "Cell '{cell}' is not on the map: choose A1 to {last}.",
        },
        "two_cells": {
            "nl": "Twee vakken ({first} en {second}): geef één vak met @.",
            "en": "Two cells ({first} and {second}): give one cell with @.",
        },
        "marker_not_here": {
            "nl": "'{marker}' hoort niet bij {kind}: een naam met {marker} schrijf je tussen aanhalingstekens.",
            "en": "'{marker}' does not belong to {kind}: a name with {marker} is written in double quotes.",
        },
        "empty_marker": {
            "nl": "Na '{marker}' ontbreekt iets: schrijf bijvoorbeeld {example}.",
            "en": "Nothing after '{marker}': write for example {example}.",
        },
        "field_not_here": {
            "nl": "Veld '{field}:' hoort niet bij {kind}. Wel: {fields}",
            "en": "Field '{field}:' does not belong to {kind}. It takes: {fields}",
        },
        "empty_field": {
            "nl": "Veld '{field}:' heeft geen waarde: schrijf {field}:waarde, met spaties {field}:\"twee woorden\".",
            "en": "Field '{field}:' has no value: write {field}:value, with spaces {field}:\"two words\".",
        },
        "arrow_with_keyword": {
            "nl": "Een verband schrijf je zonder woord vooraf: NAAM -> NAAM; een naam met een pijl tussen aanhalingstekens.",
            "en": "A tie is written without a keyword: NAME -> NAME; a name with an arrow goes in double quotes.",
        },
        "two_arrows": {
            "nl": "Eén pijl per regel: A -> B, A <- B, A <-> B of A -- B.",
            "en": "One arrow per line: A -> B, A <- B, A <-> B or A -- B.",
        },
        "tie_side_missing": {
            "nl": "Verband mist een naam: schrijf NAAM -> NAAM #soort.",
            "en": "Tie misses a name: write NAME -> NAME #kind.",
        },
        "tie_to_self": {
            "nl": "'{name}' kan geen verband met zichzelf hebben.",
            "en": "'{name}' cannot have a tie with itself.",
        },
        "tie_no_actor": {
            "nl": "Een verband heeft minstens één actor: '{source}' en '{target}' zijn geen van beide een actor.",
            "en": "A tie needs at least one actor: neither '{source}' nor '{target}' is an actor.",
        },
        "tie_kind_mismatch": {
            "nl": "'#{word}' past niet bij een verband tussen {a} en {b}: kies uit {choices}.",
            "en": "'#{word}' does not fit a tie between {a} and {b}: choose from {choices}.",
        },
        "not_found": {
            "nl": "'{name}' staat nog niet in het bestand{hint}",
            "en": "'{name}' is not in the file yet{hint}",
        },
        "ambiguous": {
            "nl": "'{name}' is zowel {kinds}: schrijf het verband met een #soort die kiest.",
            "en": "'{name}' is both {kinds}: give the tie a #kind that decides.",
        },
        "card_taken": {
            "nl": "Kaart {number} hoort al bij '{name}'.",
            "en": "Card {number} already belongs to '{name}'.",
        },
        "card_blank": {
            "nl": "Kaart {number} is een lege kaart die nog niet is ingevoerd: schrijf i NAAM kaart:{number} ...",
            "en": "Card {number} is a blank card not captured yet: write i NAME card:{number} ...",
        },
        "card_unknown": {
            "nl": "Kaart {number} staat niet in dit bestand.",
            "en": "Card {number} is not in this file.",
        },
        "not_a_place": {
            "nl": "waar:'{name}' is geen plek in het bestand{hint}",
            "en": "where:'{name}' is not a place in the file{hint}",
        },
        "text_too_long": {
            "nl": "Tekst is {length} tekens lang; het maximum is {limit}.",
            "en": "Text is {length} characters long; the maximum is {limit}.",
        },
        "nul_char": {
            "nl": "De regel bevat een NUL-teken; dat kan niet in een naam of tekst.",
            "en": "The line contains a NUL character, which a name or text cannot hold.",
        },
        "updated_existing": {
            "nl": "'{name}' stond er al: bijgewerkt.",
            "en": "'{name}' was already there: updated.",
        },
        "created_person": {
            "nl": "Nieuwe actor '{name}' aangemaakt (persoon; pas aan met: a \"{name}\" #rol).",
            "en": "New actor '{name}' created (person; change with: a \"{name}\" #role).",
        },
        "near_duplicate": {
            "nl": "Let op: '{name}' lijkt op '{other}' dat er al staat.",
            "en": "Note: '{name}' looks like '{other}', which is already there.",
        },
        "in_line": {"nl": "regel {number}: {message}", "en": "line {number}: {message}"},
        # --- what Enter will do (preview.py) -------------------------------------------------------
        "plan_update": {"nl": "werkt '{name}' bij", "en": "updates '{name}'"},
        "plan_card": {
            "nl": "opent '{name}' (niets opgeslagen)",
            "en": "opens '{name}' (nothing saved)",
        },
        "plan_card_blank": {
            "nl": "lege kaart: nog niet ingevoerd",
            "en": "blank card: not captured yet",
        },
        "plan_resolved": {"nl": "{typed} = {kind} '{name}'", "en": "{typed} = {kind} '{name}'"},
        "plan_new_person": {
            "nl": "nieuwe persoon '{name}' (intern)",
            "en": "new person '{name}' (internal)",
        },
        "edit_required": {"nl": "{field}: vul dit in.", "en": "{field}: this cannot be empty."},
        "edit_bad_int": {
            "nl": "{field}: '{value}' kan niet; schrijf een heel getal van {low} t/m {high}.",
            "en": "{field}: '{value}' is not possible; write a whole number from {low} to {high}.",
        },
        "edit_bad_number": {
            "nl": "{field}: '{value}' kan niet; schrijf een getal van {low} t/m {high} (bv. 52,5512).",
            "en": "{field}: '{value}' is not possible; write a number from {low} to {high} "
            "(e.g. 52.5512).",
        },
        "edit_bad_choice": {
            "nl": "{field}: '{value}' niet herkend; kies uit {choices}.",
            "en": "{field}: '{value}' not recognised; choose from {choices}.",
        },
        "edit_bad_text": {"nl": "{field}: {message}", "en": "{field}: {message}"},
        "edit_name_taken": {
            "nl": "Er is al {kind} '{name}': kies een andere naam, of pas die aan.",
            "en": "There already is {kind} '{name}': choose another name, or edit that one.",
        },
        "edit_line_edited": {"nl": "bewerkt: {what}", "en": "edited: {what}"},
        "edit_line_created": {"nl": "nieuw: {what}", "en": "new: {what}"},
        "edit_line_deleted": {"nl": "verwijderd: {what}", "en": "deleted: {what}"},
        "edit_gone": {
            "nl": "Dit record bestaat niet meer (ongedaan gemaakt of verwijderd).",
            "en": "This record no longer exists (undone or deleted).",
        },
        # --- names mean one thing (resolve.py) -----------------------------------------------------
        "as_place": {"nl": "als plek", "en": "as its place"},
        "near_different": {
            "nl": "Let op: '{name}' lijkt op '{other}' maar verschilt in een woord dat onderscheidt: "
            "nieuw vastgelegd, niet samengevoegd.",
            "en": "Note: '{name}' looks like '{other}' but differs in a word that tells them apart: "
            "captured as new, not merged.",
        },
        "plus_not_actor": {
            "nl": "'{name}' is {kind}, geen actor: +NAAM is wie achter het initiatief zit (persoon "
            "of organisatie) of de plek waar het is; is er ook een actor met die naam, leg die "
            'eerst vast: org "{name}" of persoon "{name}".',
            "en": "'{name}' is {kind}, not an actor: +NAME is who is behind the initiative (a "
            "person or organisation) or the place where it is; if an actor has that name too, "
            'capture it first: org "{name}" or person "{name}".',
        },
        "plus_place_twice": {
            "nl": "'{name}' en '{other}' zijn allebei plekken: een initiatief heeft één plek "
            '(waar:"..."); noem de andere in een notitie: n ... ~"{name}".',
            "en": "'{name}' and '{other}' are both places: an initiative has one place "
            '(where:"..."); name the other in a note: n ... ~"{name}".',
        },
        "about_not_here": {
            "nl": "'{name}' is {kind}: een notitie gaat over een plek, initiatief, actor of "
            "deelnemer; schrijf de notitie zonder ~ of met ~ naar een van die.",
            "en": "'{name}' is {kind}: a note is about a place, initiative, actor or participant; "
            "write the note without ~ or with ~ to one of those.",
        },
        "tie_end_not_actor": {
            "nl": "'{name}' is {kind}: een verband verbindt actoren, initiatieven en plekken; is "
            'het ook een actor, leg die eerst vast: persoon "{name}".',
            "en": "'{name}' is {kind}: a tie links actors, initiatives and places; if it is an "
            'actor too, capture it first: person "{name}".',
        },
        # --- fewer keys, who said it (issue 11) ------------------------------------------------
        # The short forms, for F1 (the help screen shows this block as it is).
        "help_short_forms": {
            "nl": """\
Korter
  sessie De Kuil tafel:1 begeleider:Sanne consent:print
      de locatie mag zonder locatie:; consent: op de sessie geldt voor
      iedereen die je daarna vastlegt (tenzij zijn regel consent: zegt)
  sessie tafel:2             houdt de locatie en begeleider van vandaag
                             (niet de toestemming: die geef je per tafel)
  deelnemer Anna rijwoning jonge-kinderen gezin
      klankbordwaarden zonder # waar ze niets anders kunnen zijn;
      deelnemer "Jan Senior" houdt de naam heel
  n Wil meer bankjes ~.      ~. is wat de regel ervoor noemde
  q "De wijk is van ons" door:Anna ~Bieb      door: wie het zei
  Tab vindt ook een woord in een naam: ~Plei wordt ~'t Pleintje""",
            "en": """\
Shorter
  session De Kuil table:1 facilitator:Sanne consent:print
      the venue needs no venue:; consent: on the session is the consent of
      everyone captured after it (unless their own line says consent:)
  session table:2            keeps today's venue and facilitator
                             (not the consent: that is given per table)
  participant Anna terraced young-children family
      board values without # where they can be nothing else;
      participant "Jan Senior" keeps the name whole
  note Wants more benches ~.  ~. is what the line before named
  quote "Our neighbourhood" by:Anna ~Library     by: who said it
  Tab also finds a word inside a name: ~Plei becomes ~'t Pleintje""",
        },
        "no_last": {
            "nl": "~. is wat de regel ervoor noemde, maar die noemde niets: schrijf ~NAAM.",
            "en": "~. is what the line before named, but it named nothing: write ~NAME.",
        },
        "plan_session_keeps": {
            "nl": "houdt {what}",
            "en": "keeps {what}",
        },
        "plan_session_consent": {
            "nl": "toestemming voor wie je nu vastlegt: {consent}",
            "en": "consent of those captured now: {consent}",
        },
        "said_by_not_person": {
            "nl": "'{name}' is {kind}: door:NAAM is wie het zei, een deelnemer of actor; leg die "
            'eerst vast: deelnemer "{name}" of persoon "{name}".',
            "en": "'{name}' is {kind}: by:NAME is who said it, a participant or actor; capture "
            'them first: participant "{name}" or person "{name}".',
        },
        # --- the capture line's word for a card (its QR code types "kaart 12" or "card 12")
        "card_word": {"nl": "kaart", "en": "card"},
        "card_ref": {"nl": "kaart {number}", "en": "card {number}"},
        # --- many records at once, folding two into one (workshop.capture.bulk) --------------
        "n_record_one": {"nl": "{n} rij", "en": "{n} row"},
        "n_record_other": {"nl": "{n} rijen", "en": "{n} rows"},
        "bulk_line": {
            "nl": "bewerkt: {what} · {field}: {value}",
            "en": "edited: {what} · {field}: {value}",
        },
        "bulk_empty": {"nl": "(leeg)", "en": "(empty)"},
        "bulk_no_field": {
            "nl": "Veld '{field}' kan niet voor deze selectie: kies toestemming, vak, soort, rol, "
            "thema of status van records van één soort.",
            "en": "Field '{field}' cannot be set for this selection: choose consent, cell, kind, "
            "role, theme or status of records of one kind.",
        },
        "bulk_refused": {
            "nl": "{what}: {message} Er is niets veranderd.",
            "en": "{what}: {message} Nothing was changed.",
        },
        "fold_not_here": {
            "nl": "Samenvoegen kan voor plekken, initiatieven en actoren, niet voor {kind}.",
            "en": "Folding works for places, initiatives and actors, not for {kind}.",
        },
        "fold_two": {
            "nl": "Kies twee verschillende records om samen te voegen (spatie kiest een rij).",
            "en": "Choose two different records to fold into one (space chooses a row).",
        },
        "fold_types": {
            "nl": "Een persoon en een organisatie worden niet samengevoegd; maak eerst van beide "
            "hetzelfde soort actor (type:).",
            "en": "A person and an organisation are not folded into one; first make both the "
            "same type of actor (type:).",
        },
        "fold_line": {
            "nl": "samengevoegd: {fold} in {keep}",
            "en": "folded: {fold} into {keep}",
        },
        "fold_question": {
            "nl": "'{fold}' samenvoegen in '{keep}'?",
            "en": "Fold '{fold}' into '{keep}'?",
        },
        "fold_moves_none": {
            "nl": "Er hangen geen verbanden of notities aan.",
            "en": "No ties or notes hang on it.",
        },
        "fold_moves_one": {
            "nl": "1 verband, koppeling of notitie gaat naar '{name}'.",
            "en": "1 tie, link or note moves to '{name}'.",
        },
        "fold_moves_other": {
            "nl": "{n} verbanden, koppelingen en notities gaan naar '{name}'.",
            "en": "{n} ties, links and notes move to '{name}'.",
        },
        "fold_fills": {
            "nl": "Aangevuld uit de ander: {fields}.",
            "en": "Filled in from the other: {fields}.",
        },
        "fold_consent": {
            "nl": "De strengste toestemming blijft: {consent}.",
            "en": "The stricter consent stays: {consent}.",
        },
        "fold_card": {
            "nl": "Kaart {gone} hoort daarna bij niets meer; deze houdt kaart {number}.",
            "en": "Card {gone} then belongs to nothing; this one keeps card {number}.",
        },
        "fold_gone": {
            "nl": "'{fold}' verdwijnt; Ctrl+Z maakt het ongedaan.",
            "en": "'{fold}' goes; Ctrl+Z undoes it.",
        },
        # --- sticker:N (issue 15) ---
        "sticker_unprinted": {
            "nl": "Sticker {number} is nog niet geprint: print stickers met workshop print stickers FILE.",
            "en": "Sticker {number} has not been printed yet: print stickers with workshop print stickers FILE.",
        },
        "sticker_taken": {
            "nl": "Sticker {number} hoort al bij {kind} '{name}': kies een ander nummer, of haal hem daar eerst weg.",
            "en": "Sticker {number} already belongs to {kind} '{name}': choose another number, or take it off there first.",
        },
    },
)
