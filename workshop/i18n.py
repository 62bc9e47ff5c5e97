"""Messages a person reads, in Dutch and English.

A user-caused error is a `UserError` carrying a message key and its parameters; it is rendered
in the neighbourhood's language where it is shown. Parameters that hold user text are inserted
as plain text; callers that display them in a markup-aware widget must escape or use `Text`.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
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
    "bad_influence": {
        "nl": "Invloed '{value}' kan niet: schrijf !0 t/m !5.",
        "en": "Influence '{value}' is not possible: write !0 to !5.",
    },
    "bad_strength": {
        "nl": "Sterkte '{value}' kan niet: schrijf !1, !2 of !3 (of sterkte:1-3).",
        "en": "Strength '{value}' is not possible: write !1, !2 or !3 (or strength:1-3).",
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
        "nl": "Veld '{field}:' hoort niet bij {kind}.",
        "en": "Field '{field}:' does not belong to {kind}.",
    },
    "empty_field": {
        "nl": "Veld '{field}:' heeft geen waarde: schrijf {field}:waarde, met spaties {field}:\"twee woorden\".",
        "en": "Field '{field}:' has no value: write {field}:value, with spaces {field}:\"two words\".",
    },
    "bad_value": {
        "nl": "'{value}' kan niet bij {field}: kies uit {choices}.",
        "en": "'{value}' is not a {field}: choose from {choices}.",
    },
    "bad_number": {
        "nl": "'{value}' is geen geldig getal voor {field}.",
        "en": "'{value}' is not a valid number for {field}.",
    },
    "bad_coordinate": {
        "nl": "{field}:{value} ligt niet op aarde: breedte -90..90, lengte -180..180.",
        "en": "{field}:{value} is not on earth: latitude -90..90, longitude -180..180.",
    },
    "bad_date": {
        "nl": "Datum '{value}' niet herkend: schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-26.",
        "en": "Date '{value}' not recognised: write YYYY-MM-DD, for example 2026-11-26.",
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
    "did_you_mean": {"nl": ": bedoel je '{name}'?", "en": ": did you mean '{name}'?"},
    "no_hint": {"nl": ".", "en": "."},
    "ambiguous": {
        "nl": "'{name}' is zowel {kinds}: schrijf het verband met een #soort die kiest.",
        "en": "'{name}' is both {kinds}: give the tie a #kind that decides.",
    },
    "bad_card_ref": {
        "nl": "Kaartnummer '{value}' niet herkend: schrijf kaart 12.",
        "en": "Card number '{value}' not recognised: write card 12.",
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
    # --- the file ------------------------------------------------------------------------------
    "file_missing": {
        "nl": "{path}: bestand bestaat niet; maak het met: workshop new {path} --name NAAM",
        "en": "{path}: no such file; create it with: workshop new {path} --name NAME",
    },
    "file_exists": {
        "nl": "{path} bestaat al; kies een andere naam of verwijder het eerst.",
        "en": "{path} already exists; choose another name or remove it first.",
    },
    "file_not_sqlite": {
        "nl": "{path} is geen wijkbestand (geen SQLite-database); er is niets aan veranderd.",
        "en": "{path} is not a neighbourhood file (not an SQLite database); nothing was changed.",
    },
    "file_not_ours": {
        "nl": "{path} is een SQLite-database, maar niet van workshop; er is niets aan veranderd.",
        "en": "{path} is an SQLite database, but not a workshop file; nothing was changed.",
    },
    "file_damaged": {
        "nl": "{path} is beschadigd ({detail}); er is niets aan veranderd. Zie: workshop check {path}",
        "en": "{path} is damaged ({detail}); nothing was changed. See: workshop check {path}",
    },
    "file_locked": {
        "nl": "{path} is bezet door een ander programma; probeer het zo opnieuw.",
        "en": "{path} is locked by another program; try again in a moment.",
    },
    "file_newer": {
        "nl": "{path} is gemaakt met een nieuwere workshop (schema {found}, deze kent {known}); werk workshop bij.",
        "en": "{path} was made by a newer workshop (schema {found}, this one knows {known}); upgrade workshop.",
    },
    "file_unreadable": {
        "nl": "{path} kan niet worden geopend: {detail}.",
        "en": "{path} cannot be opened: {detail}.",
    },
    "file_readonly": {
        "nl": "{path} is alleen-lezen; schrijven kan niet.",
        "en": "{path} is read-only; cannot write to it.",
    },
    "bad_grid": {
        "nl": "Raster '{value}' kan niet: schrijf KOLOMMENxRIJEN, bijvoorbeeld 8x6 (max 26x99).",
        "en": "Grid '{value}' is not possible: write COLUMNSxROWS, for example 8x6 (at most 26x99).",
    },
    "bad_name": {
        "nl": "De naam van de wijk mag niet leeg zijn.",
        "en": "The neighbourhood's name cannot be empty.",
    },
    "nothing_to_undo": {"nl": "Niets om ongedaan te maken.", "en": "Nothing to undo."},
    "nothing_to_redo": {"nl": "Niets om opnieuw te doen.", "en": "Nothing to redo."},
    # --- exchange ------------------------------------------------------------------------------
    "csv_missing_columns": {
        "nl": "{path}: kolom(men) {columns} ontbreken; verwacht: {expected}.",
        "en": "{path}: column(s) {columns} missing; expected: {expected}.",
    },
    "csv_unreadable": {
        "nl": "{path} kan niet gelezen worden: {detail}.",
        "en": "{path} cannot be read: {detail}.",
    },
    "kumu_duplicate_label": {
        "nl": "{path} regel {row}: label '{label}' komt twee keer voor; maak de labels uniek.",
        "en": "{path} row {row}: label '{label}' appears twice; make the labels unique.",
    },
    "kumu_unknown_label": {
        "nl": "{path} regel {row}: '{label}' staat niet bij de elementen.",
        "en": "{path} row {row}: '{label}' is not among the elements.",
    },
    "kumu_bad_value": {
        "nl": "{path} regel {row}: {column} '{value}' niet herkend; kies uit {choices}.",
        "en": "{path} row {row}: {column} '{value}' not recognised; choose from {choices}.",
    },
    # --- the command line ------------------------------------------------------------------
    "cli_created": {
        "nl": "{name} aangemaakt in {path} (raster {grid}, vakken A1 t/m {last}).\nVolgende stap: workshop capture {path} 'p \"Buurthuis\" #buurthuis @C4'",
        "en": "{name} created in {path} (grid {grid}, cells A1 to {last}).\nNext: workshop capture {path} 'p \"Community centre\" #community-centre @C4'",
    },
    "cli_demo_built": {
        "nl": "Demowijk gemaakt in {path}.",
        "en": "Demo neighbourhood built in {path}.",
    },
    "cli_demo_reused": {
        "nl": "{path} bestaat al en is geopend (opnieuw maken: --fresh).",
        "en": "{path} already exists and was opened (rebuild it with --fresh).",
    },
    "cli_counts": {
        "nl": "{name} ({municipality}): {place} plekken, {initiative} initiatieven, {actor} actoren, {tie} verbanden, {participant} deelnemers, {candidate} kandidaten, {note} notities.",
        "en": "{name} ({municipality}): {place} places, {initiative} initiatives, {actor} actors, {tie} ties, {participant} participants, {candidate} candidates, {note} notes.",
    },
    "cli_demo_next": {
        "nl": "Probeer: workshop capture {path} 'p \"Nieuwe plek\" #park @D3'  |  sqlite-utils tables {path} --counts",
        "en": "Try: workshop capture {path} 'p \"New place\" #park @D3'  |  sqlite-utils tables {path} --counts",
    },
    "cli_saved": {"nl": "opgeslagen: {summary}", "en": "saved: {summary}"},
    "cli_undone": {"nl": "ongedaan gemaakt: {line}", "en": "undone: {line}"},
    "cli_redone": {"nl": "opnieuw gedaan: {line}", "en": "redone: {line}"},
    "cli_check_ok": {"nl": "{path} is in orde.", "en": "{path} is sound."},
    "cli_written": {"nl": "geschreven: {path}", "en": "written: {path}"},
    "cli_imported": {
        "nl": "geïmporteerd: {created} nieuwe actoren, {updated} bijgewerkt, {ties} verbanden.",
        "en": "imported: {created} new actors, {updated} updated, {ties} ties.",
    },
    "forget_not_found": {
        "nl": "Geen persoon '{name}' in {path}{hint}",
        "en": "No person '{name}' in {path}{hint}",
    },
    "forget_confirm": {"nl": "Definitief vergeten?", "en": "Forget for good?"},
    "forget_done": {
        "nl": "'{name}' is vergeten in {path}; vrije ruimte in het bestand is gewist.",
        "en": "'{name}' is forgotten in {path}; the file's free space is wiped.",
    },
    "forget_backup": {
        "nl": "  ook in reservekopie {path}: {removed} rijen",
        "en": "  also in backup {path}: {removed} rows",
    },
    "forget_backup_failed": {
        "nl": "  LET OP: reservekopie {path} kon niet worden bijgewerkt ({detail}); verwijder die kopie zelf.",
        "en": "  WARNING: backup {path} could not be updated ({detail}); delete that copy yourself.",
    },
    "merge_other_neighbourhood": {
        "nl": "{path} is van een andere wijk ('{other}', niet '{name}'); er is niets samengevoegd.",
        "en": "{path} belongs to another neighbourhood ('{other}', not '{name}'); nothing was merged.",
    },
    "merge_same_file": {
        "nl": "{path} is het doelbestand zelf; kies de bestanden van de andere tafels.",
        "en": "{path} is the target itself; choose the files of the other tables.",
    },
    "merge_done": {
        "nl": "samengevoegd: {added} nieuw, {updated} bijgewerkt.",
        "en": "merged: {added} new, {updated} updated.",
    },
    "merge_renumbered": {
        "nl": "  kaart {old} van '{name}' is nu kaart {new} (het nummer was al in gebruik)",
        "en": "  card {old} of '{name}' is now card {new} (the number was taken)",
    },
    "merge_pair": {
        "nl": "  dubbel? {table}: '{keep}' en '{fold}'",
        "en": "  twice? {table}: '{keep}' and '{fold}'",
    },
    "merge_pairs_hint": {
        "nl": "Samenvoegen van deze paren: workshop merge {path} --join",
        "en": "Join these pairs: workshop merge {path} --join",
    },
    "merge_joined": {"nl": "{count} paren samengevoegd.", "en": "{count} pairs joined."},
    # --- merge per field (issue 14) ---------------------------------------------------------
    "merge_fields": {
        "nl": "  {fields} velden overgenomen in records die er al waren.",
        "en": "  {fields} fields taken over in records that were already here.",
    },
    "merge_conflicts": {
        "nl": "{count} conflicten: hetzelfde veld is aan beide kanten veranderd; de nieuwste waarde is gehouden.",
        "en": "{count} conflicts: the same field was changed on both sides; the newest value is kept.",
    },
    "merge_conflict": {
        "nl": "  conflict: {table} '{record}', veld {field}: gehouden '{kept}' ({kept_from}), niet '{other}' ({other_from})",
        "en": "  conflict: {table} '{record}', field {field}: kept '{kept}' ({kept_from}), not '{other}' ({other_from})",
    },
    "merge_pairs_found": {
        "nl": "{count} mogelijke dubbelen ({tables}):",
        "en": "{count} possible duplicates ({tables}):",
    },
    "merge_more": {
        "nl": "  ... en nog {count}; alles in een bestand: --report BESTAND",
        "en": "  ... and {count} more; all of them in a file: --report FILE",
    },
    "merge_report_written": {
        "nl": "Het volledige verslag staat in {path}.",
        "en": "The full report is in {path}.",
    },
    "merge_source_refused": {
        "nl": "Er is niets samengevoegd in {target}: {reason}",
        "en": "Nothing was merged into {target}: {reason}",
    },
    "merge_failed": {
        "nl": "{path}: samenvoegen in {target} is mislukt ({detail}); er is niets samengevoegd.",
        "en": "{path}: merging into {target} failed ({detail}); nothing was merged.",
    },
    "aborted": {"nl": "Afgebroken; er is niets veranderd.", "en": "Aborted; nothing was changed."},
    "output_unwritable": {
        "nl": "Kan niet schrijven naar {path}: {detail}.",
        "en": "Cannot write to {path}: {detail}.",
    },
    # --- capture output (capture helper) ----------------------------------------------------
    "cli_looked_up": {
        "nl": "opgezocht, niets opgeslagen: {summary}",
        "en": "looked up, nothing saved: {summary}",
    },
    # --- forget: exactly one person, and what was written earlier -------------------------
    "forget_ambiguous": {
        "nl": "'{name}' is {count} personen in {path}: {matches}; kies er een met --id ID (het begin van de id is genoeg).",
        "en": "'{name}' is {count} persons in {path}: {matches}; choose one with --id ID (the start of the id is enough).",
    },
    "forget_partial_hint": {
        "nl": ": bedoel je {names}? Geef de naam zoals die in het bestand staat.",
        "en": ": did you mean {names}? Give the name as the file has it.",
    },
    "forget_needs_yes": {
        "nl": "Er is geen terminal om te vragen of het goed is: bekijk eerst wat verandert met --dry-run en voeg dan --yes toe.",
        "en": "There is no terminal to ask for confirmation: see what changes with --dry-run, then add --yes.",
    },
    "forget_header": {
        "nl": "Vergeten wordt: {people}. Dit verandert er:",
        "en": "To be forgotten: {people}. This is what changes:",
    },
    "forget_item_delete": {
        "nl": "  verwijderd: {table} '{label}'",
        "en": "  deleted: {table} '{label}'",
    },
    "forget_item_rewrite": {
        "nl": "  herschreven: {table} '{label}', {column}: {context}",
        "en": "  rewritten: {table} '{label}', {column}: {context}",
    },
    "forget_item_history": {
        "nl": "  ongedaan-maken-stap {label}: {dropped} van deze persoon vervallen, {kept} andere wijzigingen blijven",
        "en": "  undo step {label}: {dropped} of this person's changes dropped, {kept} other changes kept",
    },
    "forget_item_history_gone": {
        "nl": "  ongedaan-maken-stap {label}: vervalt helemaal",
        "en": "  undo step {label}: dropped entirely",
    },
    "forget_item_history_text": {
        "nl": "  ongedaan-maken-stap {label}: dezelfde woorden worden ook daar vervangen",
        "en": "  undo step {label}: the same words are replaced there too",
    },
    "forget_item_index": {
        "nl": "  zoekindex {table}: wordt opnieuw opgebouwd",
        "en": "  full-text index {table}: rebuilt",
    },
    "forget_item_backups": {
        "nl": "  reservekopieën in {folder}: {count} kopie(ën) worden ook bijgewerkt",
        "en": "  backups in {folder}: {count} copies are updated too",
    },
    "forget_nothing_else": {
        "nl": "  (verder niets: geen andere record of tekst noemt deze persoon)",
        "en": "  (nothing else: no other record or text mentions this person)",
    },
    "forget_dry_run": {
        "nl": "Proef: er is niets veranderd. Vergeten: dezelfde opdracht zonder --dry-run.",
        "en": "Dry run: nothing was changed. To forget: the same command without --dry-run.",
    },
    "forget_outputs_header": {
        "nl": "Eerder door workshop geschreven bestanden die {name} nog kunnen bevatten:",
        "en": "Files workshop wrote earlier that may still hold {name}:",
    },
    "forget_output": {
        "nl": "  {path} ({kind}, {audience}{anonymised}, {when})",
        "en": "  {path} ({kind}, {audience}{anonymised}, {when})",
    },
    "forget_output_anonymised": {"nl": ", geanonimiseerd", "en": ", anonymised"},
    "forget_output_group": {
        "nl": "  {folder}/ ({count} bestanden: {kind}, {audience}{anonymised}, {when})",
        "en": "  {folder}/ ({count} files: {kind}, {audience}{anonymised}, {when})",
    },
    "forget_output_folder": {
        "nl": "  {path} (map met reservekopieën; de kopieën daarin zijn bijgewerkt)",
        "en": "  {path} (backup folder; the copies in it are updated)",
    },
    "forget_outputs_confirm": {
        "nl": "Deze bestanden nu verwijderen?",
        "en": "Delete these files now?",
    },
    "forget_output_deleted": {"nl": "  verwijderd: {path}", "en": "  deleted: {path}"},
    "forget_output_failed": {
        "nl": "  LET OP: {path} kon niet worden verwijderd ({detail}); verwijder het zelf.",
        "en": "  WARNING: {path} could not be deleted ({detail}); delete it yourself.",
    },
    "forget_outputs_hint": {
        "nl": "Verwijder ze zelf, of laat workshop dat doen: voeg --delete-outputs toe.",
        "en": "Delete them yourself, or let workshop do it: add --delete-outputs.",
    },
    # --- faults of the disk (helper `faults`) -----------------------------------------------
    "disk_full": {
        "nl": "De schijf is vol: {folder} (nog {free} vrij). Er is niets beschadigd; wat naar {path} geschreven werd is niet opgeslagen. Maak ruimte vrij en probeer het opnieuw.",
        "en": "The disk is full: {folder} ({free} free). Nothing was damaged; what was being written to {path} was not saved. Make room and try again.",
    },
    "medium_readonly": {
        "nl": "{path} staat op een alleen-lezen schijf (een beveiligde USB-stick, een archief): afdrukken, exporteren en bekijken kan, vastleggen niet. Kopieer het bestand naar de laptop om verder te werken.",
        "en": "{path} is on a read-only medium (a write-protected USB stick, an archive): printing, exporting and looking work, capturing does not. Copy the file to the laptop to go on working.",
    },
    "file_no_permission": {
        "nl": "{path} mag niet beschreven worden (geen schrijfrecht op het bestand of de map): afdrukken, exporteren en bekijken kan, vastleggen niet.",
        "en": "{path} may not be written (no write permission on the file or its folder): printing, exporting and looking work, capturing does not.",
    },
    "disk_io_error": {
        "nl": "De schijf van {path} gaf een lees- of schrijffout ({detail}); dat zegt niet dat het bestand beschadigd is. Controleer de schijf of USB-stick en kijk met: workshop check {path}",
        "en": "The disk holding {path} reported a read or write error ({detail}); that does not mean the file is damaged. Check the disk or USB stick, and look with: workshop check {path}",
    },
    "backup_incomplete": {
        "nl": "De reservekopie {path} kwam niet heel op de schijf en is weggegooid; eerdere kopieën blijven bewaard.",
        "en": "The backup {path} did not reach the disk whole and was thrown away; earlier backups are kept.",
    },
    "check_disk_full": {
        "nl": "de schijf is vol ({folder}, nog {free} vrij): het bestand is heel, maar er kan niets bij tot er ruimte is.",
        "en": "the disk is full ({folder}, {free} free): the file is whole, but nothing can be added until there is room.",
    },
    "input_not_utf8": {
        "nl": "{what} is geen UTF-8-tekst (regel {line}, byte {byte}) en ook niet duidelijk Windows-1252: sla het bestand op als UTF-8 (Kladblok: Opslaan als, Codering: UTF-8) en probeer opnieuw.",
        "en": "{what} is not UTF-8 text (line {line}, byte {byte}), nor plainly Windows-1252: save the file as UTF-8 (Notepad: Save as, Encoding: UTF-8) and try again.",
    },
    "input_read_as": {
        "nl": "let op: {what} was geen UTF-8; gelezen als Windows-1252 ({encoding}). Sla het voortaan op als UTF-8.",
        "en": "note: {what} was not UTF-8; read as Windows-1252 ({encoding}). Save it as UTF-8 from now on.",
    },
    "opened_on_full_disk": {
        "nl": "let op: de schijf is vol ({folder}, nog {free} vrij); {path} is gelezen zoals het er staat.",
        "en": "note: the disk is full ({folder}, {free} free); {path} was read as it stands.",
    },
    "opened_readonly": {
        "nl": "let op: alleen-lezen geopend. {reason}",
        "en": "note: opened read-only. {reason}",
    },
}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Add the messages of one part of the program (printing, the TUI, ...) to the catalogue."""
    for key, texts in messages.items():
        if key in MESSAGES and MESSAGES[key] != texts:
            raise ValueError(f"message {key!r} is defined twice, differently")
        if set(texts) != {"nl", "en"}:
            raise ValueError(f"message {key!r} needs exactly nl and en")
    MESSAGES.update(messages)


def t(key: str, lang: str = "nl", **params: Any) -> str:
    templates = MESSAGES[key]
    return templates.get(lang, templates["en"]).format(**params)


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
