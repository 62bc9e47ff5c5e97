"""Every label and message of the TUI, in Dutch and English.

Keys start with `tui_`; key-binding descriptions are `tui_key_<binding id>`, so the footer and
the command palette show them in the language of the screen (`localize_bindings`). No Textual
import here: the texts are plain data.
"""

from __future__ import annotations

from typing import Any

from workshop import i18n

_T: dict[str, tuple[str, str]] = {
    # --- key bindings (by binding id) ----------------------------------------------------------
    "key_help": ("Hulp", "Help"),
    "key_capture": ("Invoer", "Capture"),
    "key_browse": ("Lijsten", "Lists"),
    "key_map": ("Kaart", "Map"),
    "key_network": ("Netwerk", "Network"),
    "key_board": ("Klankbord", "Board"),
    "key_session": ("Sessie", "Session"),
    "key_print": ("Afdrukken", "Print"),
    "key_export": ("Exporteren", "Export"),
    "key_backup": ("Reservekopie", "Backup"),
    "key_language": ("English", "Nederlands"),
    "key_contrast": ("Hoog contrast", "High contrast"),
    "key_undo": ("Ongedaan", "Undo"),
    "key_redo": ("Opnieuw", "Redo"),
    "key_quit": ("Stoppen", "Quit"),
    "key_palette": ("Menu", "Menu"),
    "key_edit": ("Bewerk", "Edit"),
    "key_new": ("Nieuw", "New"),
    "key_delete": ("Wis", "Delete"),
    "key_filter": ("Zoek", "Filter"),
    "key_sort": ("Sorteer", "Sort"),
    "key_reverse": ("Omdraaien", "Reverse"),
    "key_save": ("Opslaan", "Save"),
    "key_cancel": ("Annuleren", "Cancel"),
    "key_feed": ("Naar de lijst", "To the feed"),
    "key_line": ("Naar de regel", "To the line"),
    "key_accept": ("Aanvullen", "Complete"),
    "key_next_tab": ("Volgende lijst", "Next list"),
    "key_prev_tab": ("Vorige lijst", "Previous list"),
    "key_refresh": ("Bijwerken", "Refresh"),
    "key_dimensions": ("Draai", "Turn"),
    # --- the status bar ------------------------------------------------------------------------
    "counts": (
        "{place} plekken · {initiative} initiatieven · {actor} actoren · {tie} verbanden"
        " · {note} notities",
        "{place} places · {initiative} initiatives · {actor} actors · {tie} ties · {note} notes",
    ),
    "counts_short": (
        "P{place} I{initiative} A{actor} V{tie} N{note}",
        "P{place} I{initiative} A{actor} T{tie} N{note}",
    ),
    "session_label": ("sessie {label}", "session {label}"),
    "backup_never": ("nog geen reservekopie", "no backup yet"),
    "backup_never_short": ("geen kopie", "no backup"),
    "backup_age": ("reservekopie {age} geleden", "backup {age} ago"),
    "backup_age_short": ("kopie {age}", "backup {age}"),
    "age_seconds": ("{n} s", "{n} s"),
    "age_minutes": ("{n} min", "{n} min"),
    "age_hours": ("{n} uur", "{n} h"),
    "readonly": ("alleen-lezen", "read-only"),
    # --- capture -------------------------------------------------------------------------------
    "capture_placeholder": (
        "p Buurthuis De Kuil #buurthuis @C4   (F1: hoe schrijf je het)",
        "p Community centre #community-centre @C4   (F1: how to write it)",
    ),
    "preview_empty": (
        "Typ wat bewoners noemen; Enter legt het vast.",
        "Type what residents name; Enter saves it.",
    ),
    "preview_will": ("Enter: {what}", "Enter: {what}"),
    "hint_complete": ("Tab: {first}", "Tab: {first}"),
    "hint_more": ("  ↑↓ ook: {others}", "  ↑↓ also: {others}"),
    "saved": ("opgeslagen: {summary}", "saved: {summary}"),
    "feed_title": ("Laatst vastgelegd (Enter: bewerken)", "Latest captures (Enter: edit)"),
    "feed_undone": ("ongedaan", "undone"),
    "undone": ("Ongedaan gemaakt: {line}", "Undone: {line}"),
    "redone": ("Opnieuw gedaan: {line}", "Redone: {line}"),
    "near_title": ("Bestaat dit al?", "Does this exist already?"),
    "near_question": (
        "'{name}' lijkt op wat er al staat. Welke bedoel je?",
        "'{name}' looks like something already there. Which one do you mean?",
    ),
    "near_use": ("{number}: gebruik {what}", "{number}: use {what}"),
    "near_new": ("Enter: nieuw '{name}'", "Enter: new '{name}'"),
    "near_keys": (
        "Enter: nieuw aanmaken · {keys}: bestaande gebruiken · Esc: terug naar de regel",
        "Enter: create new · {keys}: use the existing one · Esc: back to the line",
    ),
    "near_distinct": (
        "  (ander woord: waarschijnlijk iets anders)",
        "  (a different word: probably something else)",
    ),
    "near_distinct_words": (
        "  ({words}: waarschijnlijk iets anders)",
        "  ({words}: probably something else)",
    ),
    # --- browse and forms ----------------------------------------------------------------------
    "tab_place": ("Plekken", "Places"),
    "tab_initiative": ("Initiatieven", "Initiatives"),
    "tab_actor": ("Actoren", "Actors"),
    "tab_tie": ("Verbanden", "Ties"),
    "tab_participant": ("Deelnemers", "Participants"),
    "tab_note": ("Notities", "Notes"),
    "filter_placeholder": ("Zoeken (/)… typ om te filteren", "Filter (/)… type to narrow"),
    "rows_shown": ("{shown} van {total}", "{shown} of {total}"),
    "col_name": ("Naam", "Name"),
    "col_kind": ("Soort", "Kind"),
    "col_cell": ("Vak", "Cell"),
    "col_theme": ("Thema", "Theme"),
    "col_status": ("Status", "Status"),
    "col_card": ("Kaart", "Card"),
    "col_role": ("Rol", "Role"),
    "col_influence": ("Invloed", "Influence"),
    "col_type": ("Type", "Type"),
    "col_from": ("Van", "From"),
    "col_to": ("Naar", "To"),
    "col_tie": ("Verband", "Tie"),
    "col_text": ("Tekst", "Text"),
    "col_about": ("Over", "About"),
    "col_consent": ("Toestemming", "Consent"),
    "col_attributes": ("Klankbord", "Board"),
    "col_tags": ("Labels", "Tags"),
    "col_updated": ("Gewijzigd", "Changed"),
    "col_where": ("Waar", "Where"),
    "col_flags": ("Amb/Start", "Amb/Start"),
    "form_title_edit": ("Bewerken: {what}", "Edit: {what}"),
    "form_title_new": ("Nieuw: {what}", "New: {what}"),
    "form_keys": (
        "Ctrl+S of Enter op Opslaan: bewaren · Esc: annuleren",
        "Ctrl+S or Enter on Save: keep · Esc: cancel",
    ),
    "form_save": ("Opslaan", "Save"),
    "form_cancel": ("Annuleren", "Cancel"),
    "form_none": ("(leeg)", "(empty)"),
    "form_saved": ("Bewaard: {what}", "Saved: {what}"),
    "delete_question": ("Verwijderen: {what}?", "Delete: {what}?"),
    "delete_also": (
        "Ook {n} verbanden en koppelingen gaan mee; notities blijven.",
        "Its {n} ties and links go too; notes stay.",
    ),
    "delete_keys": (
        "Enter / j: verwijderen · Esc / n: niet verwijderen (Ctrl+Z maakt het weer ongedaan)",
        "Enter / y: delete · Esc / n: keep it (Ctrl+Z undoes a delete)",
    ),
    "deleted": ("Verwijderd: {what} (Ctrl+Z: terug)", "Deleted: {what} (Ctrl+Z: undo)"),
    "no_new_tie": (
        "Een verband leg je vast op de regel: NAAM -> NAAM #soort",
        "A tie is captured on the line: NAME -> NAME #kind",
    ),
    "nothing_selected": ("Kies eerst een regel in de lijst.", "Choose a row in the list first."),
    # --- map -----------------------------------------------------------------------------------
    "map_title": ("Kaart · {name}", "Map · {name}"),
    "map_legend": (
        "P plekken · I initiatieven · A actoren · #kaartnummers",
        "P places · I initiatives · A actors · #card numbers",
    ),
    "map_cell_empty": ("{cell}: nog niets", "{cell}: nothing yet"),
    "map_cell_items": ("{cell}: {items}", "{cell}: {items}"),
    "map_empty_cells": ("Nog leeg: {cells}", "Still empty: {cells}"),
    "map_no_empty": ("Elk vak heeft iets.", "Every cell has something."),
    # --- network -------------------------------------------------------------------------------
    "network_title": ("Verbinders", "Connectors"),
    "network_facts": (
        "{actors} actoren · {ties} verbanden · {communities} groepen · {cut} bruggen",
        "{actors} actors · {ties} ties · {communities} groups · {cut} bridges",
    ),
    "network_busy": ("Bezig met rekenen…", "Computing…"),
    "network_none": (
        "Nog geen verbanden tussen actoren; leg ze vast als NAAM -> NAAM.",
        "No ties between actors yet; capture them as NAME -> NAME.",
    ),
    "col_rank": ("#", "#"),
    "col_betweenness": ("Tussen", "Between"),
    "col_degree": ("Banden", "Ties"),
    "col_cut": ("Brug", "Bridge"),
    "ties_of": ("Verbanden van {name}", "Ties of {name}"),
    "no_ties": ("(geen verbanden)", "(no ties)"),
    "board_none": (
        "Dit bestand heeft geen klankborddimensies (zie: workshop board FILE).",
        "This file has no sounding-board dimensions (see: workshop board FILE).",
    ),
    "board_too_large": (
        "Het klankbord heeft te veel combinaties om te tonen.",
        "The sounding board has too many combinations to show.",
    ),
    # --- sounding board ------------------------------------------------------------------------
    "board_title": (
        "Klankbord: wie doet mee, wie ontbreekt",
        "Sounding board: who is in, who is missing",
    ),
    "board_empty_cells": ("{n} lege vakken: {cells}", "{n} empty cells: {cells}"),
    "board_full": ("Alle combinaties zijn bezet.", "Every combination is covered."),
    "board_could_fill": ("Kan aangevuld worden door: {names}", "Could be filled by: {names}"),
    "board_layout": ("Rijen: {rows} · kolommen: {cols}", "Rows: {rows} · columns: {cols}"),
    # --- session -------------------------------------------------------------------------------
    "session_title": ("Sessie", "Session"),
    "session_current": (
        "Deze sessie (wordt bewaard zodra je opslaat)",
        "This session (kept when you save)",
    ),
    "session_earlier": (
        "Of ga verder met een eerdere sessie (Enter):",
        "Or continue an earlier session (Enter):",
    ),
    "session_row": (
        "{date} · {venue} · {table} · {n} vastgelegd",
        "{date} · {venue} · {table} · {n} captured",
    ),
    "session_new": ("Nieuwe sessie vandaag", "New session today"),
    "session_saved": ("Sessie: {label}", "Session: {label}"),
    "session_continued": ("Verder met sessie {label}", "Continuing session {label}"),
    "session_unnamed": ("vandaag", "today"),
    # --- palette, print, export, backup --------------------------------------------------------
    "cmd_screen": ("Ga naar: {name}", "Go to: {name}"),
    "cmd_print": ("Afdrukken: {what}", "Print: {what}"),
    "cmd_export": ("Exporteren: {what}", "Export: {what}"),
    "cmd_export_anon": ("Exporteren, geanonimiseerd: {what}", "Export, anonymised: {what}"),
    "cmd_backup": ("Reservekopie maken", "Make a backup"),
    "cmd_language": ("Taal: English", "Language: Nederlands"),
    "cmd_contrast": ("Hoog contrast aan/uit (projector)", "High contrast on/off (projector)"),
    "cmd_help": ("Hulp: hoe schrijf je een regel", "Help: how to write a line"),
    "cmd_session": ("Sessie benoemen of voortzetten", "Name or continue the session"),
    "cmd_undo": ("Laatste vastlegging ongedaan maken", "Undo the latest capture"),
    "cmd_redo": ("Ongedaan gemaakte vastlegging opnieuw doen", "Redo the undone capture"),
    "cmd_quit": ("Stoppen (met reservekopie)", "Quit (with a backup)"),
    "palette_placeholder": ("Zoek een opdracht…", "Search for a command…"),
    "quit_hint": (
        "Stoppen doe je met Ctrl+Q (er wordt dan een reservekopie gemaakt).",
        "Quit with Ctrl+Q (a backup is made on the way out).",
    ),
    "key_hint": ("toets {keys}", "key {keys}"),
    "print_title": ("Wat wil je afdrukken?", "What do you want to print?"),
    "export_title": ("Waarheen exporteren?", "Export to which format?"),
    "print_cards": ("initiatiefkaarten", "initiative cards"),
    "print_map": ("basiskaart met raster", "base map with grid"),
    "print_result-map": ("resultaatkaart", "result map"),
    "print_network": ("netwerkposter", "network poster"),
    "print_summary": ("samenvatting (PDF)", "summary (PDF)"),
    "export_csv": ("CSV (Excel), een bestand per tabel", "CSV (Excel), one file per table"),
    "export_json": ("JSON, het hele bestand", "JSON, the whole file"),
    "export_kumu": ("Kumu (actoren en verbanden)", "Kumu (actors and ties)"),
    "working": (
        "Bezig: {what}… vastleggen gaat gewoon door.",
        "Working: {what}… capture carries on.",
    ),
    "written": ("Klaar: {paths}", "Done: {paths}"),
    "job_failed": ("Mislukt: {what}: {message}", "Failed: {what}: {message}"),
    "backup_done": ("Reservekopie: {path}", "Backup: {path}"),
    "language_now": ("Schermtaal: Nederlands", "Screen language: English"),
    "bug": (
        "Er ging iets mis dat niet aan jou ligt ({error}); je vastleggingen zijn bewaard.",
        "Something went wrong that is not your doing ({error}); your captures are saved.",
    ),
    # --- an evening that holds (issue 10) --------------------------------------------------------
    "read_failed": (
        "Lezen lukte niet ({message}); vastleggen gaat gewoon door.",
        "Could not read ({message}); capture carries on.",
    ),
    "bug_logged": (
        "Fout in het programma ({error}), niet jouw schuld; vastleggen gaat door. Verslag: {log}",
        "A bug ({error}), not your doing; capture carries on. Report: {log}",
    ),
    "card_opened": (
        "Kaart {number}: {name} (niets opgeslagen)",
        "Card {number}: {name} (nothing saved)",
    ),
    "card_blank_type": (
        "Kaart {number} is nog leeg: typ de naam van het initiatief, dan Enter",
        "Card {number} is still blank: type the initiative's name, then Enter",
    ),
    "pending_lines": ("nog {n} regels", "{n} more lines"),
    "pending_line": ("nog 1 regel", "1 more line"),
    # --- wall ----------------------------------------------------------------------------------
    "wall_latest": ("Net genoemd", "Just named"),
    "wall_places": ("plekken", "places"),
    "wall_initiatives": ("initiatieven", "initiatives"),
    "wall_actors": ("actoren", "actors"),
    "wall_ties": ("verbanden", "ties"),
    "wall_nothing": ("Nog niets vastgelegd.", "Nothing captured yet."),
    # --- F8 and F9 offer what the CLI has (dispatch helper, issue 9) ---------------------------
    "print_blank-cards": ("lege genummerde kaarten", "numbered blank cards"),
    "export_csv_semicolon": (
        "CSV met puntkomma (Excel in het Nederlands)",
        "CSV with semicolons (Excel in a Dutch locale)",
    ),
    "export_geojson": (
        "GeoJSON (plekken en initiatieven, voor GIS)",
        "GeoJSON (places and initiatives, for GIS)",
    ),
    "export_graphml": (
        "GraphML (het netwerk, voor yEd en Gephi)",
        "GraphML (the network, for yEd and Gephi)",
    ),
    "export_gexf": ("GEXF (het netwerk, voor Gephi)", "GEXF (the network, for Gephi)"),
}

i18n.register({f"tui_{key}": {"nl": nl, "en": en} for key, (nl, en) in _T.items()})


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
