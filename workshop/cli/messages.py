"""What the `workshop` command says: results of commands, questions, refusals of its options."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "cli",
    {
        "nothing_to_undo": {"nl": "Niets om ongedaan te maken.", "en": "Nothing to undo."},
        "nothing_to_redo": {"nl": "Niets om opnieuw te doen.", "en": "Nothing to redo."},
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
        "cli_export_not_to_stdout": {
            "nl": "--format {fmt} wordt een bestand, niet de terminal: geef -o NAAM{suffix}.",
            "en": "--format {fmt} is written to a file, not the terminal: give -o NAME{suffix}.",
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
        # --- (helper audit-b) a person gone from the file but not from its backups ---
        "forget_only_backups": {
            "nl": "'{name}' staat niet meer in {path}, wel nog in {count} reservekopie(ën):",
            "en": "'{name}' is no longer in {path}, but still in {count} backup(s):",
        },
        "forget_backup_failed": {
            "nl": "  LET OP: reservekopie {path} kon niet worden bijgewerkt ({detail}); verwijder die kopie zelf.",
            "en": "  WARNING: backup {path} could not be updated ({detail}); delete that copy yourself.",
        },
        "merge_same_file": {
            "nl": "{path} is het doelbestand zelf; kies de bestanden van de andere tafels.",
            "en": "{path} is the target itself; choose the files of the other tables.",
        },
        "merge_done": {
            "nl": "samengevoegd: {added} nieuw, {updated} bijgewerkt.",
            "en": "merged: {added} new, {updated} updated.",
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
        "aborted": {
            "nl": "Afgebroken; er is niets veranderd.",
            "en": "Aborted; nothing was changed.",
        },
        # --- capture output (capture helper) ----------------------------------------------------
        "cli_looked_up": {
            "nl": "opgezocht, niets opgeslagen: {summary}",
            "en": "looked up, nothing saved: {summary}",
        },
        "forget_partial_hint": {
            "nl": ": bedoel je {names}? Geef de naam zoals die in het bestand staat.",
            "en": ": did you mean {names}? Give the name as the file has it.",
        },
        "forget_needs_yes": {
            "nl": "Er is geen terminal om te vragen of het goed is: bekijk eerst wat verandert met --dry-run en voeg dan --yes toe.",
            "en": "There is no terminal to ask for confirmation: see what changes with --dry-run, then add --yes.",
        },
        "forget_dry_run": {
            "nl": "Proef: er is niets veranderd. Vergeten: dezelfde opdracht zonder --dry-run.",
            "en": "Dry run: nothing was changed. To forget: the same command without --dry-run.",
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
        "opened_on_full_disk": {
            "nl": "let op: de schijf is vol ({folder}, nog {free} vrij); {path} is gelezen zoals het er staat.",
            "en": "note: the disk is full ({folder}, {free} free); {path} was read as it stands.",
        },
        "opened_readonly": {
            "nl": "let op: alleen-lezen geopend. {reason}",
            "en": "note: opened read-only. {reason}",
        },
        "cli_csv_imported": {
            "nl": "geïmporteerd: {inserted} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd.",
            "en": "imported: {inserted} new, {updated} updated, {unchanged} unchanged.",
        },
        "cli_partial": {
            "nl": "GEDEELTELIJK: {skipped} niet geïmporteerd (zie hieronder).",
            "en": "PARTIAL: {skipped} not imported (see below).",
        },
        "n_row_one": {"nl": "{n} rij", "en": "{n} row"},
        "n_row_other": {"nl": "{n} rijen", "en": "{n} rows"},
        "board_set": {"nl": "dimensie {dim}: {values}", "en": "dimension {dim}: {values}"},
        "board_removed": {"nl": "dimensie {dim} verwijderd.", "en": "dimension {dim} removed."},
        "board_none": {"nl": "Geen klankbord-dimensies.", "en": "No sounding-board dimensions."},
        # --- workshop check ----------------------------------------------------------------------
        "cli_check_fact": {"nl": "in orde: {fact}", "en": "ok: {fact}"},
        "cli_check_records": {"nl": "aantallen: {counts}", "en": "records: {counts}"},
        "cli_check_problem": {"nl": "PROBLEEM: {finding}", "en": "PROBLEM: {finding}"},
        "cli_check_wrong_records": {
            "nl": "Het bestand is heel, maar deze records kloppen niet (soort 'naam': wat er mis "
            "is; hoe het goed komt):",
            "en": "The file is sound, but these records are not right (kind 'name': what is "
            "wrong; how to put it right):",
        },
        "cli_check_wrong_record": {"nl": "  KLOPT NIET: {line}", "en": "  NOT RIGHT: {line}"},
        "cli_check_json_salvage": {
            "nl": "--json en --salvage gaan niet samen: kijk eerst met --json, red dan met "
            "--salvage",
            "en": "--json and --salvage do not go together: look with --json first, then salvage "
            "with --salvage",
        },
        "cli_check_note": {"nl": "let op: {note}", "en": "note: {note}"},
        "cli_check_salvageable": {
            "nl": "kan gered worden: {tables}",
            "en": "can be salvaged: {tables}",
        },
        "cli_check_salvage_nothing": {"nl": "niets", "en": "nothing"},
        "cli_check_stretches": {
            "nl": "{table} {read} ({lost} beschadigde stukken)",
            "en": "{table} {read} ({lost} damaged stretches)",
        },
        "cli_check_cut_off": {
            "nl": "het bestand is afgekapt: {found} van {promised} pagina's zijn er; ze zijn gelezen "
            "uit een kopie waarvan de kop is rechtgezet",
            "en": "the file is cut off: {found} of {promised} pages are there; they were read from "
            "a copy whose header was put right",
        },
        "cli_check_contents_rebuilt": {
            "nl": "de inhoudsopgave is opnieuw opgebouwd uit wat er op die pagina's over was",
            "en": "its table of contents was rebuilt from the entries left on those pages",
        },
        "cli_check_schema_lost": {
            "nl": "de inhoudsopgave van het bestand is weg, dus er is geen record te lezen",
            "en": "the file's table of contents is lost, so no record can be read",
        },
        "cli_check_salvage_hint": {
            "nl": "red het naar een nieuw bestand: workshop check {file} --salvage NIEUW.wijk",
            "en": "salvage it into a new file: workshop check {file} --salvage NEW.wijk",
        },
        "cli_check_latest_backup": {
            "nl": "laatste reservekopie: {backup} (terugzetten: kopieer die over {file})",
            "en": "latest backup: {backup} (restore: copy it over {file})",
        },
        "cli_check_no_backups": {
            "nl": "geen reservekopieën ernaast gevonden (BESTAND.backups/)",
            "en": "no backups found next to it (FILE.backups/)",
        },
        "cli_salvaged": {
            "nl": "{rows} records gered naar {target}; {file} is niet veranderd",
            "en": "salvaged {rows} records into {target}; {file} is unchanged",
        },
        "cli_references_cleared": {
            "nl": "{count} beschadigde verwijzingen naar ontbrekende records zijn gewist",
            "en": "{count} damaged references to missing records were cleared",
        },
        # --- issue 12: a printout with characters no font has (glyphs helper) -----------------
        "cli_print_glyphs_missing_one": {
            "nl": "{printout} is geschreven, maar {n} teken staat als '?': kies in een sjabloon (--template) een lettertype dat het heeft, of accepteer de '?' met --allow-missing-glyphs",
            "en": "{printout} was written, but {n} character prints as '?': choose a font that has it in a template (--template), or accept the '?' with --allow-missing-glyphs",
        },
        "cli_print_glyphs_missing_other": {
            "nl": "{printout} is geschreven, maar {n} tekens staan als '?': kies in een sjabloon (--template) een lettertype dat ze heeft, of accepteer de '?' met --allow-missing-glyphs",
            "en": "{printout} was written, but {n} characters print as '?': choose a font that has them in a template (--template), or accept the '?' with --allow-missing-glyphs",
        },
        # --- issue 13 items 6-7: publish (publish helper) ------------------------------------
        "cli_n_hood_one": {"nl": "{n} wijk", "en": "{n} neighbourhood"},
        "cli_n_hood_other": {"nl": "{n} wijken", "en": "{n} neighbourhoods"},
        "cli_published": {
            "nl": "{path} geschreven: {what}, alleen wat openbaar mag. Bekijken: {serve}",
            "en": "{path} written: {what}, only what may be public. To look: {serve}",
        },
        "cli_published_pg": {
            "nl": "geladen in {where} (schema workshop): {what}, alleen wat openbaar mag; {inserted} nieuw, {updated} bijgewerkt, {removed} verwijderd.",
            "en": "loaded into {where} (schema workshop): {what}, only what may be public; {inserted} new, {updated} updated, {removed} removed.",
        },
    },
)
