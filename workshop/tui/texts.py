"""Every label and message of the TUI, in Dutch and English.

Keys start with `tui_`; key-binding descriptions are `tui_key_<binding id>`, so the footer and
the command palette show them in the language of the screen (`localize_bindings`). No Textual
import here: the texts are plain data.
"""

from __future__ import annotations

from typing import Any

from workshop import i18n
from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "tui",
    {
        # --- key bindings (by binding id) ----------------------------------------------------------
        "key_help": {"nl": "Hulp", "en": "Help"},
        "key_capture": {"nl": "Invoer", "en": "Capture"},
        "key_browse": {"nl": "Lijsten", "en": "Lists"},
        "key_map": {"nl": "Kaart", "en": "Map"},
        "key_network": {"nl": "Netwerk", "en": "Network"},
        "key_board": {"nl": "Klankbord", "en": "Board"},
        "key_session": {"nl": "Sessie", "en": "Session"},
        "key_print": {"nl": "Afdrukken", "en": "Print"},
        "key_export": {"nl": "Export", "en": "Export"},
        "key_backup": {"nl": "Kopie", "en": "Backup"},
        "key_language": {"nl": "English", "en": "Nederlands"},
        "key_contrast": {"nl": "Hoog contrast", "en": "High contrast"},
        "key_undo": {"nl": "Ongedaan", "en": "Undo"},
        "key_redo": {"nl": "Opnieuw", "en": "Redo"},
        "key_quit": {"nl": "Stoppen", "en": "Quit"},
        "key_palette": {"nl": "Menu", "en": "Menu"},
        "key_edit": {"nl": "Bewerk", "en": "Edit"},
        "key_new": {"nl": "Nieuw", "en": "New"},
        "key_delete": {"nl": "Wis", "en": "Delete"},
        "key_filter": {"nl": "Zoek", "en": "Filter"},
        "key_sort": {"nl": "Sorteer", "en": "Sort"},
        "key_reverse": {"nl": "Omdraaien", "en": "Reverse"},
        "key_save": {"nl": "Opslaan", "en": "Save"},
        "key_cancel": {"nl": "Annuleren", "en": "Cancel"},
        "key_feed": {"nl": "Naar de lijst", "en": "To the feed"},
        "key_line": {"nl": "Naar de regel", "en": "To the line"},
        "key_accept": {"nl": "Aanvullen", "en": "Complete"},
        "key_next_tab": {"nl": "Volgende lijst", "en": "Next list"},
        "key_prev_tab": {"nl": "Vorige lijst", "en": "Previous list"},
        "key_refresh": {"nl": "Bijwerken", "en": "Refresh"},
        "key_dimensions": {"nl": "Draai", "en": "Turn"},
        # --- the status bar ------------------------------------------------------------------------
        # each count is i18n.plural's "1 plek" / "2 plekken"
        "counts": {
            "nl": "{place} · {initiative} · {actor} · {tie} · {note}",
            "en": "{place} · {initiative} · {actor} · {tie} · {note}",
        },
        "counts_short": {
            "nl": "P{place} I{initiative} A{actor} V{tie} N{note}",
            "en": "P{place} I{initiative} A{actor} T{tie} N{note}",
        },
        "session_label": {"nl": "sessie {label}", "en": "session {label}"},
        "backup_never": {"nl": "nog geen reservekopie", "en": "no backup yet"},
        "backup_never_short": {"nl": "geen kopie", "en": "no backup"},
        "backup_age": {"nl": "reservekopie {age} geleden", "en": "backup {age} ago"},
        "backup_age_short": {"nl": "kopie {age}", "en": "backup {age}"},
        "age_seconds": {"nl": "{n} s", "en": "{n} s"},
        "age_minutes": {"nl": "{n} min", "en": "{n} min"},
        "age_hours": {"nl": "{n} uur", "en": "{n} h"},
        "readonly": {"nl": "alleen-lezen", "en": "read-only"},
        # --- capture -------------------------------------------------------------------------------
        "capture_placeholder": {
            "nl": "p Buurthuis De Kuil #buurthuis @C4   (F1: hoe schrijf je het)",
            "en": "p Community centre #community-centre @C4   (F1: how to write it)",
        },
        "preview_empty": {
            "nl": "Typ wat bewoners noemen; Enter legt het vast.",
            "en": "Type what residents name; Enter saves it.",
        },
        "preview_will": {"nl": "Enter: {what}", "en": "Enter: {what}"},
        "hint_complete": {"nl": "Tab: {first}", "en": "Tab: {first}"},
        "hint_more": {"nl": "  ↑↓ ook: {others}", "en": "  ↑↓ also: {others}"},
        "saved": {"nl": "opgeslagen: {summary}", "en": "saved: {summary}"},
        "feed_title": {
            "nl": "Laatst vastgelegd (Enter: bewerken)",
            "en": "Latest captures (Enter: edit)",
        },
        "feed_undone": {"nl": "ongedaan", "en": "undone"},
        "undone": {"nl": "Ongedaan gemaakt: {line}", "en": "Undone: {line}"},
        "redone": {"nl": "Opnieuw gedaan: {line}", "en": "Redone: {line}"},
        "near_title": {"nl": "Bestaat dit al?", "en": "Does this exist already?"},
        "near_question": {
            "nl": "'{name}' lijkt op wat er al staat. Welke bedoel je?",
            "en": "'{name}' looks like something already there. Which one do you mean?",
        },
        "near_use": {"nl": "{number}: gebruik {what}", "en": "{number}: use {what}"},
        "near_new": {"nl": "Enter: nieuw '{name}'", "en": "Enter: new '{name}'"},
        "near_keys": {
            "nl": "Enter: nieuw aanmaken · {keys}: bestaande gebruiken · Esc: terug naar de regel",
            "en": "Enter: create new · {keys}: use the existing one · Esc: back to the line",
        },
        "near_distinct": {
            "nl": "  (ander woord: waarschijnlijk iets anders)",
            "en": "  (a different word: probably something else)",
        },
        "near_distinct_words": {
            "nl": "  ({words}: waarschijnlijk iets anders)",
            "en": "  ({words}: probably something else)",
        },
        # --- browse and forms ----------------------------------------------------------------------
        "tab_place": {"nl": "Plekken", "en": "Places"},
        "tab_initiative": {"nl": "Initiatieven", "en": "Initiatives"},
        "tab_actor": {"nl": "Actoren", "en": "Actors"},
        "tab_tie": {"nl": "Verbanden", "en": "Ties"},
        "tab_participant": {"nl": "Deelnemers", "en": "Participants"},
        "tab_note": {"nl": "Notities", "en": "Notes"},
        "filter_placeholder": {
            "nl": "Zoeken (/)… typ om te filteren",
            "en": "Filter (/)… type to narrow",
        },
        "rows_shown": {"nl": "{shown} van {total}", "en": "{shown} of {total}"},
        "col_name": {"nl": "Naam", "en": "Name"},
        "col_kind": {"nl": "Soort", "en": "Kind"},
        "col_cell": {"nl": "Vak", "en": "Cell"},
        "col_theme": {"nl": "Thema", "en": "Theme"},
        "col_status": {"nl": "Status", "en": "Status"},
        "col_card": {"nl": "Kaart", "en": "Card"},
        "col_card_photo": {"nl": "Foto", "en": "Photo"},  # issue 15: card photos
        "col_role": {"nl": "Rol", "en": "Role"},
        "col_influence": {"nl": "Invloed", "en": "Influence"},
        "col_type": {"nl": "Type", "en": "Type"},
        "col_from": {"nl": "Van", "en": "From"},
        "col_to": {"nl": "Naar", "en": "To"},
        "col_tie": {"nl": "Verband", "en": "Tie"},
        "col_text": {"nl": "Tekst", "en": "Text"},
        "col_about": {"nl": "Over", "en": "About"},
        "col_said_by": {"nl": "Door", "en": "By"},
        "col_consent": {"nl": "Toestemming", "en": "Consent"},
        "col_attributes": {"nl": "Klankbord", "en": "Board"},
        "col_tags": {"nl": "Labels", "en": "Tags"},
        "col_updated": {"nl": "Gewijzigd", "en": "Changed"},
        "col_where": {"nl": "Waar", "en": "Where"},
        "col_flags": {"nl": "Amb/Start", "en": "Amb/Start"},
        "form_title_edit": {"nl": "Bewerken: {what}", "en": "Edit: {what}"},
        "form_title_new": {"nl": "Nieuw: {what}", "en": "New: {what}"},
        "form_keys": {
            "nl": "Ctrl+S of Enter op Opslaan: bewaren · Esc: annuleren",
            "en": "Ctrl+S or Enter on Save: keep · Esc: cancel",
        },
        "form_save": {"nl": "Opslaan", "en": "Save"},
        "form_cancel": {"nl": "Annuleren", "en": "Cancel"},
        "form_none": {"nl": "(leeg)", "en": "(empty)"},
        "form_saved": {"nl": "Bewaard: {what}", "en": "Saved: {what}"},
        "delete_question": {"nl": "Verwijderen: {what}?", "en": "Delete: {what}?"},
        "delete_also": {
            "nl": "Ook {n} verbanden en koppelingen gaan mee; notities blijven.",
            "en": "Its {n} ties and links go too; notes stay.",
        },
        "delete_keys": {
            "nl": "Enter / j: verwijderen · Esc / n: niet verwijderen (Ctrl+Z maakt het weer ongedaan)",
            "en": "Enter / y: delete · Esc / n: keep it (Ctrl+Z undoes a delete)",
        },
        "deleted": {
            "nl": "Verwijderd: {what} (Ctrl+Z: terug)",
            "en": "Deleted: {what} (Ctrl+Z: undo)",
        },
        "no_new_tie": {
            "nl": "Een verband leg je vast op de regel: NAAM -> NAAM #soort",
            "en": "A tie is captured on the line: NAME -> NAME #kind",
        },
        "nothing_selected": {
            "nl": "Kies eerst een regel in de lijst.",
            "en": "Choose a row in the list first.",
        },
        # --- map -----------------------------------------------------------------------------------
        "map_title": {"nl": "Kaart · {name}", "en": "Map · {name}"},
        "map_legend": {
            "nl": "P plekken · I initiatieven · A actoren · #kaartnummers",
            "en": "P places · I initiatives · A actors · #card numbers",
        },
        "map_cell_empty": {"nl": "{cell}: nog niets", "en": "{cell}: nothing yet"},
        "map_cell_items": {"nl": "{cell}: {items}", "en": "{cell}: {items}"},
        "map_empty_cells": {"nl": "Nog leeg: {cells}", "en": "Still empty: {cells}"},
        "map_no_empty": {"nl": "Elk vak heeft iets.", "en": "Every cell has something."},
        # --- the map beside the capture line (issue 11) --------------------------------------
        "key_side_map": {"nl": "Minikaart", "en": "Mini map"},
        "side_map_legend": {
            "nl": "Kaart · P plekken · I initiatieven · A actoren · laatst genoemd eerst",
            "en": "Map · P places · I initiatives · A actors · latest named first",
        },
        "side_unplaced": {"nl": "Zonder vak: {counts} —", "en": "In no cell: {counts} —"},
        "side_all_placed": {
            "nl": "Alle plekken en initiatieven hebben een vak.",
            "en": "Every place and initiative has a cell.",
        },
        # --- network -------------------------------------------------------------------------------
        "network_title": {"nl": "Verbinders", "en": "Connectors"},
        "network_facts": {
            "nl": "{actors} actoren · {ties} verbanden · {communities} groepen · {cut} bruggen",
            "en": "{actors} actors · {ties} ties · {communities} groups · {cut} bridges",
        },
        "network_busy": {"nl": "Bezig met rekenen…", "en": "Computing…"},
        "network_none": {
            "nl": "Nog geen verbanden tussen actoren; leg ze vast als NAAM -> NAAM.",
            "en": "No ties between actors yet; capture them as NAME -> NAME.",
        },
        "col_rank": {"nl": "#", "en": "#"},
        "col_betweenness": {"nl": "Tussen", "en": "Between"},
        "col_degree": {"nl": "Banden", "en": "Ties"},
        "col_cut": {"nl": "Brug", "en": "Bridge"},
        "ties_of": {"nl": "Verbanden van {name}", "en": "Ties of {name}"},
        "no_ties": {"nl": "(geen verbanden)", "en": "(no ties)"},
        "board_none": {
            "nl": "Dit bestand heeft geen klankborddimensies (zie: workshop board FILE).",
            "en": "This file has no sounding-board dimensions (see: workshop board FILE).",
        },
        "board_too_large": {
            "nl": "Het klankbord heeft te veel combinaties om te tonen.",
            "en": "The sounding board has too many combinations to show.",
        },
        # --- sounding board ------------------------------------------------------------------------
        "board_title": {
            "nl": "Klankbord: wie doet mee, wie ontbreekt",
            "en": "Sounding board: who is in, who is missing",
        },
        "board_empty_cells": {"nl": "{n} lege vakken: {cells}", "en": "{n} empty cells: {cells}"},
        "board_full": {"nl": "Alle combinaties zijn bezet.", "en": "Every combination is covered."},
        "board_could_fill": {
            "nl": "Kan aangevuld worden door: {names}",
            "en": "Could be filled by: {names}",
        },
        "board_layout": {
            "nl": "Rijen: {rows} · kolommen: {cols}",
            "en": "Rows: {rows} · columns: {cols}",
        },
        # --- session -------------------------------------------------------------------------------
        "session_title": {"nl": "Sessie", "en": "Session"},
        "session_current": {
            "nl": "Deze sessie (wordt bewaard zodra je opslaat)",
            "en": "This session (kept when you save)",
        },
        "session_earlier": {
            "nl": "Of ga verder met een eerdere sessie (Enter):",
            "en": "Or continue an earlier session (Enter):",
        },
        "session_row": {
            "nl": "{date} · {venue} · {table} · {n} vastgelegd",
            "en": "{date} · {venue} · {table} · {n} captured",
        },
        "session_new": {"nl": "Nieuwe sessie vandaag", "en": "New session today"},
        "session_saved": {"nl": "Sessie: {label}", "en": "Session: {label}"},
        "session_continued": {
            "nl": "Verder met sessie {label}",
            "en": "Continuing session {label}",
        },
        "session_unnamed": {"nl": "vandaag", "en": "today"},
        # --- palette, print, export, backup --------------------------------------------------------
        "cmd_screen": {"nl": "Ga naar: {name}", "en": "Go to: {name}"},
        "cmd_print": {"nl": "Afdrukken: {what}", "en": "Print: {what}"},
        "cmd_export": {"nl": "Exporteren: {what}", "en": "Export: {what}"},
        "cmd_export_anon": {
            "nl": "Exporteren, geanonimiseerd: {what}",
            "en": "Export, anonymised: {what}",
        },
        "cmd_backup": {"nl": "Reservekopie maken", "en": "Make a backup"},
        "cmd_language": {"nl": "Taal: English", "en": "Language: Nederlands"},
        "cmd_contrast": {
            "nl": "Hoog contrast aan/uit (projector)",
            "en": "High contrast on/off (projector)",
        },
        "cmd_help": {"nl": "Hulp: hoe schrijf je een regel", "en": "Help: how to write a line"},
        "cmd_session": {
            "nl": "Sessie benoemen of voortzetten",
            "en": "Name or continue the session",
        },
        "cmd_undo": {"nl": "Laatste vastlegging ongedaan maken", "en": "Undo the latest capture"},
        "cmd_redo": {
            "nl": "Ongedaan gemaakte vastlegging opnieuw doen",
            "en": "Redo the undone capture",
        },
        "cmd_quit": {"nl": "Stoppen (met reservekopie)", "en": "Quit (with a backup)"},
        "palette_placeholder": {"nl": "Zoek een opdracht…", "en": "Search for a command…"},
        "palette_no_matches": {"nl": "Geen opdracht gevonden", "en": "No matches found"},
        "quit_hint": {
            "nl": "Stoppen doe je met Ctrl+Q (er wordt dan een reservekopie gemaakt).",
            "en": "Quit with Ctrl+Q (a backup is made on the way out).",
        },
        "key_hint": {"nl": "toets {keys}", "en": "key {keys}"},
        "print_title": {"nl": "Wat wil je afdrukken?", "en": "What do you want to print?"},
        "export_title": {"nl": "Waarheen exporteren?", "en": "Export to which format?"},
        "print_cards": {"nl": "initiatiefkaarten", "en": "initiative cards"},
        "print_map": {"nl": "basiskaart met raster", "en": "base map with grid"},
        "print_result-map": {"nl": "resultaatkaart", "en": "result map"},
        "print_network": {"nl": "netwerkposter", "en": "network poster"},
        "print_summary": {"nl": "samenvatting (PDF)", "en": "summary (PDF)"},
        "export_csv": {
            "nl": "CSV (Excel), een bestand per tabel",
            "en": "CSV (Excel), one file per table",
        },
        "export_json": {"nl": "JSON, het hele bestand", "en": "JSON, the whole file"},
        "export_kumu": {"nl": "Kumu (actoren en verbanden)", "en": "Kumu (actors and ties)"},
        # --- F8 and F9 offer what the CLI has (issue 9) -----------------------------------------
        "print_blank-cards": {"nl": "lege genummerde kaarten", "en": "numbered blank cards"},
        "print_stickers": {
            "nl": "genummerde stickers voor de kaart",
            "en": "numbered stickers for the map",
        },
        "export_csv_semicolon": {
            "nl": "CSV met puntkomma (Excel in het Nederlands)",
            "en": "CSV with semicolons (Excel in a Dutch locale)",
        },
        "export_geojson": {
            "nl": "GeoJSON (plekken en initiatieven, voor GIS)",
            "en": "GeoJSON (places and initiatives, for GIS)",
        },
        "export_graphml": {
            "nl": "GraphML (het netwerk, voor yEd en Gephi)",
            "en": "GraphML (the network, for yEd and Gephi)",
        },
        "export_gexf": {
            "nl": "GEXF (het netwerk, voor Gephi)",
            "en": "GEXF (the network, for Gephi)",
        },
        "working": {
            "nl": "Bezig: {what}… vastleggen gaat gewoon door.",
            "en": "Working: {what}… capture carries on.",
        },
        "written": {"nl": "Klaar: {paths}", "en": "Done: {paths}"},
        "job_failed": {"nl": "Mislukt: {what}: {message}", "en": "Failed: {what}: {message}"},
        "backup_done": {"nl": "Reservekopie: {path}", "en": "Backup: {path}"},
        "language_now": {"nl": "Schermtaal: Nederlands", "en": "Screen language: English"},
        "bug": {
            "nl": "Er ging iets mis dat niet aan jou ligt ({error}); je vastleggingen zijn bewaard.",
            "en": "Something went wrong that is not your doing ({error}); your captures are saved.",
        },
        # --- an evening that holds (issue 10) --------------------------------------------------------
        "read_failed": {
            "nl": "Lezen lukte niet ({message}); vastleggen gaat gewoon door.",
            "en": "Could not read ({message}); capture carries on.",
        },
        "bug_logged": {
            "nl": "Fout in het programma ({error}), niet jouw schuld; vastleggen gaat door. Verslag: {log}",
            "en": "A bug ({error}), not your doing; capture carries on. Report: {log}",
        },
        "card_opened": {
            "nl": "Kaart {number}: {name} (niets opgeslagen)",
            "en": "Card {number}: {name} (nothing saved)",
        },
        "card_blank_type": {
            "nl": "Kaart {number} is nog leeg: typ de naam van het initiatief, dan Enter",
            "en": "Card {number} is still blank: type the initiative's name, then Enter",
        },
        "pending_line_one": {"nl": "nog {n} regel", "en": "{n} more line"},
        "pending_line_other": {"nl": "nog {n} regels", "en": "{n} more lines"},
        # --- wall ----------------------------------------------------------------------------------
        "wall_latest": {"nl": "Net genoemd", "en": "Just named"},
        "wall_places": {"nl": "plekken", "en": "places"},
        "wall_initiatives": {"nl": "initiatieven", "en": "initiatives"},
        "wall_actors": {"nl": "actoren", "en": "actors"},
        "wall_ties": {"nl": "verbanden", "en": "ties"},
        "wall_nothing": {"nl": "Nog niets vastgelegd.", "en": "Nothing captured yet."},
        # --- the wall in a browser (serve) ---------------------------------------------------
        "wall_serving": {
            "nl": "De muur staat op {url}  (hoogstens {max} schermen tegelijk; Ctrl+C stopt)",
            "en": "The wall is at {url}  (at most {max} screens at once; Ctrl+C stops)",
        },
        "wall_serving_lan": {
            "nl": "Op een ander apparaat in dit netwerk (of scan de code): {url}  (alleen met deze sleutel erin)",
            "en": "On another device on this network (or scan the code): {url}  (only with this token in the URL)",
        },
        "wall_refused": {
            "nl": "Geweigerd: open de muur via het adres dat `workshop wall --serve` toont.",
            "en": "Refused: open the wall at the address `workshop wall --serve` shows.",
        },
        "wall_full": {
            "nl": "De muur is al open op {max} schermen; sluit er een en laad deze pagina opnieuw.",
            "en": "The wall is already open on {max} screens; close one and reload this page.",
        },
        "wall_page_title": {"nl": "{name} · muur", "en": "{name} · wall"},
        "wall_stopped_following": {
            "nl": "De muur volgt het bestand niet meer ({reason}); bij de volgende wijziging"
            " probeert hij het opnieuw. Details staan in het venster van workshop wall.",
            "en": "The wall stopped following the file ({reason}); it tries again at the next"
            " change. Details are in the window of workshop wall.",
        },
        "wall_offline": {
            "nl": "Geen verbinding met de muur; de pagina probeert het zelf opnieuw.",
            "en": "No connection to the wall; the page keeps trying by itself.",
        },
        "wall_read_only": {
            "nl": "De muur kan alleen bekeken worden.",
            "en": "The wall can only be looked at.",
        },
        "wall_port_busy": {
            "nl": "Poort {port} is al in gebruik; kies een andere met --port.",
            "en": "Port {port} is already in use; choose another with --port.",
        },
        # xlsx export (F9)
        "export_xlsx": {
            "nl": "Excel-werkmap (.xlsx, een blad per tabel)",
            "en": "Excel workbook (.xlsx, one sheet per table)",
        },
        # --- the lists: the key, selecting rows, setting many at once, folding (issue 11) ------
        "print_key": {
            "nl": "sleutel bij de pseudoniemen (vertrouwelijk)",
            "en": "key to the pseudonyms (confidential)",
        },
        "key_bulk_set": {"nl": "Zet", "en": "Set"},
        "key_fold": {"nl": "Samenvoegen", "en": "Fold"},
        "key_fold_swap": {"nl": "Andersom", "en": "Other way round"},
        "key_select": {"nl": "Kies", "en": "Choose"},
        "key_select_all": {"nl": "Kies alles", "en": "Choose all"},
        "rows_chosen": {"nl": "{n} gekozen", "en": "{n} chosen"},
        "bulk_title": {"nl": "Zet voor {what}", "en": "Set for {what}"},
        "bulk_keys": {
            "nl": "Enter kiest · Esc terug",
            "en": "Enter chooses · Esc back",
        },
        "bulk_cell_placeholder": {
            "nl": "vak, bijvoorbeeld C4 (leeg: geen vak)",
            "en": "cell, for example C4 (empty: no cell)",
        },
        "bulk_clear": {"nl": "(leeg maken)", "en": "(clear)"},
        "bulk_nothing_to_set": {
            "nl": "Voor deze rijen valt samen niets te zetten: kies rijen van één soort.",
            "en": "Nothing can be set for these rows together: choose rows of one kind.",
        },
        "bulk_busy": {
            "nl": "Bezig: {what} bijwerken …",
            "en": "Working: updating {what} …",
        },
        "bulk_done": {
            "nl": "{n} van {of} bijgewerkt (Ctrl+Z maakt het ongedaan).",
            "en": "{n} of {of} updated (Ctrl+Z undoes it).",
        },
        "fold_choose_two": {
            "nl": "Kies twee rijen van dezelfde lijst met spatie, dan Ctrl+K om ze samen te voegen.",
            "en": "Choose two rows of the same list with space, then Ctrl+K to fold them into one.",
        },
        "fold_keys": {
            "nl": "Enter voegt samen · w andersom · Esc annuleert",
            "en": "Enter folds · w the other way round · Esc cancels",
        },
        "fold_done": {
            "nl": "Samengevoegd in '{name}' (Ctrl+Z maakt het ongedaan).",
            "en": "Folded into '{name}' (Ctrl+Z undoes it).",
        },
        # --- workshop scan from the palette (issue 15) ---
        "cmd_scan": {
            "nl": "Scan: foto's van de kaarten inlezen (stickers op hun plek)",
            "en": "Scan: read photos of the maps back in (stickers to their places)",
        },
        "scan_saved": {
            "nl": "{placed} van {found} stickers gezet; Ctrl+Z neemt de hele scan terug.",
            "en": "{placed} of {found} stickers set; Ctrl+Z takes the whole scan back.",
        },
        "scan_nothing_saved": {
            "nl": "{placed} van {found} stickers gezet; niets opgeslagen.",
            "en": "{placed} of {found} stickers set; nothing saved.",
        },
        "scan_title": {
            "nl": "Foto's van de kaarten inlezen",
            "en": "Read photos of the maps back in",
        },
        "scan_placeholder": {
            "nl": "tafel1.jpg tafel2.jpg (een pad met spaties tussen aanhalingstekens)",
            "en": "table1.jpg table2.jpg (a path with spaces in quotes)",
        },
        "scan_overwrite": {
            "nl": "Ook getypte coördinaten vervangen (--overwrite)",
            "en": "Replace typed coordinates too (--overwrite)",
        },
        "scan_keys": {
            "nl": "Enter leest in · Tab, spatie: vervangen aan/uit · Esc sluit · Ctrl+Z neemt daarna de hele scan terug",
            "en": "Enter reads them in · Tab, space: replace on/off · Esc closes · Ctrl+Z then takes the whole scan back",
        },
        "scan_running": {
            "nl": "Bezig met {n} foto('s)… vastleggen gaat gewoon door.",
            "en": "Reading {n} photo(s)… capture carries on.",
        },
        "scan_no_photos": {
            "nl": "Noem minstens één foto (een pad per foto, met spaties ertussen).",
            "en": "Name at least one photo (a path per photo, with spaces between them).",
        },
    },
    prefix="tui_",
)


def tx(key: str, lang: str, **params: Any) -> str:
    """A TUI text in `lang`; `key` without the `tui_` prefix."""
    return i18n.t(f"tui_{key}", lang, **params)


def age(seconds: float, lang: str) -> str:
    """`40 s`, `3 min`, `2 uur`: how long ago, roughly."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return tx("age_seconds", lang, n=seconds)
    if seconds < 3600:
        return tx("age_minutes", lang, n=seconds // 60)
    return tx("age_hours", lang, n=seconds // 3600)
