"""The messages of imports and exports: CSV, Kumu, OpenStreetMap places, text encodings."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "exchange",
    {
        # --- exchange ------------------------------------------------------------------------------
        "csv_missing_columns": {
            "nl": "{path}: kolom(men) {columns} ontbreken; verwacht: {expected}.",
            "en": "{path}: column(s) {columns} missing; expected: {expected}.",
        },
        "csv_unreadable": {
            "nl": "{path} kan niet gelezen worden: {detail}.",
            "en": "{path} cannot be read: {detail}.",
        },
        "sheet_missing": {
            "nl": "{path} bestaat niet.",
            "en": "{path} does not exist.",
        },
        "sheet_is_folder": {
            "nl": "{path} is een map, geen spreadsheet; geef het bestand zelf (of --csv all MAP voor een hele CSV-export).",
            "en": "{path} is a folder, not a spreadsheet; give the file itself (or --csv all FOLDER for a whole CSV export).",
        },
        "sheet_too_large": {
            "nl": "{path} is groter dan {limit} MB; splits het of importeer per tabel.",
            "en": "{path} is larger than {limit} MB; split it or import it table by table.",
        },
        "sheet_empty": {
            "nl": "{path} is leeg: er staat geen kopregel in.",
            "en": "{path} is empty: it has no header row.",
        },
        "sheet_binary": {
            "nl": "{path} is geen spreadsheet als tekst (er staan NUL-bytes in): sla het op als CSV (UTF-8) of .xlsx.",
            "en": "{path} is not a spreadsheet as text (it holds NUL bytes): save it as CSV (UTF-8) or .xlsx.",
        },
        "sheet_broken_utf16": {
            "nl": "{path} is kapotte UTF-16-tekst (byte {byte}): sla het opnieuw op als CSV (UTF-8).",
            "en": "{path} is broken UTF-16 text (byte {byte}): save it again as CSV (UTF-8).",
        },
        "sheet_row_too_long": {
            "nl": '{path} rij {row}: {cells} cellen, maar de kopregel heeft er {header}; staat er een komma of puntkomma in een tekst zonder aanhalingstekens? Zet die tekst tussen "..."; er is niets geïmporteerd.',
            "en": '{path} row {row}: {cells} cells, but the header has {header}; is there a comma or semicolon in a text without quotes? Put that text in "..."; nothing was imported.',
        },
        "sheet_old_excel": {
            "nl": "{path} is een oud Excel-bestand (.xls): sla het op als .xlsx of CSV (UTF-8).",
            "en": "{path} is an old Excel file (.xls): save it as .xlsx or CSV (UTF-8).",
        },
        "sheet_unpacks_too_large": {
            "nl": "{path} pakt uit tot {size} MB, meer dan {limit} MB; splits het of importeer per tabel.",
            "en": "{path} unpacks into {size} MB, more than {limit} MB; split it or import it table by table.",
        },
        "sheet_not_xlsx": {
            "nl": "{path} is geen leesbare .xlsx-werkmap ({detail}): sla het op als .xlsx of CSV (UTF-8).",
            "en": "{path} is not a readable .xlsx workbook ({detail}): save it as .xlsx or CSV (UTF-8).",
        },
        "kumu_imported": {
            "nl": "geïmporteerd: {created} nieuwe actoren, {updated} bijgewerkt, {unchanged} "
            "ongewijzigd; {ties} nieuw of bijgewerkt.",
            "en": "imported: {created} new actors, {updated} updated, {unchanged} unchanged; "
            "{ties} new or updated.",
        },
        "kumu_imported_records": {
            "nl": "geïmporteerd: {created} nieuwe actoren, {initiatives} en {places} nieuw, "
            "{updated} bijgewerkt, {unchanged} ongewijzigd; {ties} en {links} nieuw of bijgewerkt.",
            "en": "imported: {created} new actors, {initiatives} and {places} new, {updated} "
            "updated, {unchanged} unchanged; {ties} and {links} new or updated.",
        },
        "n_link_one": {
            "nl": "{n} koppeling aan een initiatief of plek",
            "en": "{n} link to an initiative or place",
        },
        "n_link_other": {
            "nl": "{n} koppelingen aan initiatieven en plekken",
            "en": "{n} links to initiatives and places",
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
        "input_not_utf8": {
            "nl": "{what} is geen UTF-8-tekst (regel {line}, byte {byte}) en ook niet duidelijk Windows-1252: sla het bestand op als UTF-8 (Kladblok: Opslaan als, Codering: UTF-8) en probeer opnieuw.",
            "en": "{what} is not UTF-8 text (line {line}, byte {byte}), nor plainly Windows-1252: save the file as UTF-8 (Notepad: Save as, Encoding: UTF-8) and try again.",
        },
        "input_read_as": {
            "nl": "let op: {what} was geen UTF-8; gelezen als Windows-1252 ({encoding}). Sla het voortaan op als UTF-8.",
            "en": "note: {what} was not UTF-8; read as Windows-1252 ({encoding}). Save it as UTF-8 from now on.",
        },
        "osm_stored": {
            "nl": "OpenStreetMap-uittreksel {name} opgeslagen in {file} ({features} kaartobjecten).",
            "en": "OpenStreetMap extract {name} stored in {file} ({features} map features).",
        },
        "osm_candidates": {
            "nl": "{count} plekken met een naam in het uittreksel (nieuw: {new}):",
            "en": "{count} named places in the extract (new: {new}):",
        },
        "osm_candidates_more": {"nl": "  … en {count} meer", "en": "  … and {count} more"},
        "osm_add_hint": {
            "nl": "Neem ze op als plekken met: workshop import {file} --osm {extract} --places "
            "(of alleen sommige soorten: --places buurthuis,school; alles: ook winkels en cafés)",
            "en": "Add them as places with: workshop import {file} --osm {extract} --places "
            "(or some kinds only: --places 'community centre,school'; all: shops and cafés too)",
        },
        "osm_places_added": {"nl": "{count} plekken toegevoegd.", "en": "{count} places added."},
        "osm_unknown_place_kind": {
            "nl": "Onbekende soort plek '{kind}' bij --places: kies uit {choices} (met komma's "
            "ertussen), of alles.",
            "en": "Unknown place kind '{kind}' for --places: choose from {choices} (separated "
            "by commas), or all.",
        },
        "csv_unknown_kind": {
            "nl": "Onbekende soort '{kind}': kies uit {choices}, of all met een map.",
            "en": "Unknown kind '{kind}': choose from {choices}, or all with a folder.",
        },
        "csv_bad_cell": {
            "nl": "{path}, rij {row}, kolom {column}: '{value}' kan niet ({expected}); er is niets "
            "geïmporteerd.",
            "en": "{path}, row {row}, column {column}: '{value}' is not possible ({expected}); "
            "nothing was imported.",
        },
        "csv_no_files": {
            "nl": "{path} bevat geen CSV-bestanden van een export (zoals place.csv, actor.csv).",
            "en": "{path} holds no CSV files of an export (such as place.csv, actor.csv).",
        },
        "csv_rejected": {
            "nl": "De import past niet in het bestand ({detail}); er is niets geïmporteerd.",
            "en": "The import does not fit the file ({detail}); nothing was imported.",
        },
        "kumu_bad_cell": {
            "nl": "{path} regel {row}, kolom {column}: '{value}' kan niet ({reason}); er is niets "
            "geïmporteerd.",
            "en": "{path} row {row}, column {column}: '{value}' is not possible ({reason}); nothing "
            "was imported.",
        },
        "kumu_duplicate_labels": {
            "nl": "{path}: labels komen meer dan eens voor: {labels}; maak ze uniek (er is niets "
            "geïmporteerd).",
            "en": "{path}: labels appear more than once: {labels}; make them unique (nothing was "
            "imported).",
        },
        "kumu_unknown_labels": {
            "nl": "{path}: deze labels staan niet bij de elementen en niet in het bestand: {labels} "
            "(er is niets geïmporteerd).",
            "en": "{path}: these labels are neither among the elements nor in the file: {labels} "
            "(nothing was imported).",
        },
        "kumu_no_elements": {
            "nl": "{path} bevat geen elementen (alleen een kopregel): er is niets geïmporteerd.",
            "en": "{path} holds no elements (only a header): nothing was imported.",
        },
        # --- notices of a CSV or Kumu import: what was left out, and why ------------------------
        "import_ignored_columns": {
            "nl": "{file}: kolommen genegeerd: {columns}",
            "en": "{file}: ignored columns {columns}",
        },
        "import_row_skipped": {
            "nl": "{file} rij {row}: {reason}",
            "en": "{file} row {row}: {reason}",
        },
        "csv_more_skipped": {
            "nl": "{file}: nog {count} rijen overgeslagen",
            "en": "{file}: {count} more rows skipped",
        },
        "csv_no_name": {"nl": "geen naam", "en": "no name"},
        "csv_not_in_file": {
            "nl": "{column} '{value}' staat niet in het bestand",
            "en": "{column} '{value}' is not in the file",
        },
        "csv_left_empty": {
            "nl": "{file}: {column} '{value}' staat niet in het bestand; leeg gelaten",
            "en": "{file}: {column} '{value}' is not in the file; left empty",
        },
        "csv_ambiguous": {
            "nl": "{column} '{value}' past bij {count} records; zet het id uit de export erbij",
            "en": "{column} '{value}' matches {count} records; put the id from the export there",
        },
        "csv_ambiguous_left_empty": {
            "nl": "{file}: {column} '{value}' past bij {count} records; leeg gelaten (zet het id "
            "uit de export erbij)",
            "en": "{file}: {column} '{value}' matches {count} records; left empty (put the id from "
            "the export there)",
        },
        "csv_name_ambiguous": {
            "nl": "'{value}' past bij {count} records; zet het id uit de export in de kolom id",
            "en": "'{value}' matches {count} records; put the id from the export in the id column",
        },
        "csv_card_moved": {
            "nl": "{file}: kaart {number} hoort bij '{holder}'; '{name}' krijgt kaart {new}",
            "en": "{file}: card {number} belongs to '{holder}'; '{name}' gets card {new}",
        },
        "csv_expect_yes_no": {"nl": "ja/nee, 1/0", "en": "yes/no, 1/0"},
        "csv_expect_number": {"nl": "een getal", "en": "a number"},
        "csv_expect_finite": {"nl": "een eindig getal", "en": "a finite number"},
        "csv_expect_whole": {"nl": "een geheel getal", "en": "a whole number"},
        "csv_expect_id": {
            "nl": "een id uit een export, of leeg voor een nieuw record",
            "en": "an id from an export, or empty for a new record",
        },
        "kumu_skip_empty": {
            "nl": "{file} rij {row}: {column} is leeg, overgeslagen",
            "en": "{file} row {row}: {column} is empty, skipped",
        },
        "kumu_no_connections_sheet": {
            "nl": "{file}: geen blad met From en To, alleen de elementen geïmporteerd",
            "en": "{file}: no sheet with From and To, only the elements imported",
        },
        "kumu_no_connections": {
            "nl": "{file}: leeg, geen verbanden geïmporteerd",
            "en": "{file}: empty, no connections imported",
        },
        "kumu_unknown_type": {
            "nl": "{file} rij {row}: type '{type}' is niet een van {known}; geïmporteerd als "
            "organisatie met label '{type}'",
            "en": "{file} row {row}: type '{type}' is not one of {known}; imported as an "
            "organisation tagged '{type}'",
        },
        "kumu_self_tie": {
            "nl": "{file} rij {row}: een verband met zichzelf, overgeslagen",
            "en": "{file} row {row}: a tie to itself, skipped",
        },
        "kumu_no_place": {
            "nl": "{file} rij {row}: een verband tussen {ends} heeft geen plek in het bestand "
            "(alleen actoren verbinden), overgeslagen",
            "en": "{file} row {row}: a connection between {ends} has no place in the file (only "
            "actors connect), skipped",
        },
        "xlsx_cell_too_long": {
            "nl": "{kind} '{name}': {field} heeft {length} tekens, meer dan een cel van een"
            " spreadsheet houdt (32.767); niets geschreven: exporteer als csv of json (die houden"
            " alles), of kort de tekst in",
            "en": "{kind} '{name}': {field} has {length} characters, more than a spreadsheet"
            " cell holds (32,767); nothing written: export as csv or json (they keep it all), or"
            " shorten the text",
        },
        # xlsx import
        "xlsx_no_sheets": {
            "nl": "{path} heeft geen blad van een export (bladen heten naar hun tabel: place, "
            "actor, ...).",
            "en": "{path} has no sheet of an export (sheets are named by their table: place, "
            "actor, ...).",
        },
        # --- issue 13 items 6-7: publish (publish helper) ------------------------------------
        "publish_same_hood": {
            "nl": "{file} is dezelfde wijk als {other}: voeg ze eerst samen (workshop merge {other} {file}) en publiceer dan het ene bestand.",
            "en": "{file} is the same neighbourhood as {other}: merge them first (workshop merge {other} {file}) and publish the one file.",
        },
        "publish_file_twice": {
            "nl": "{file} staat twee keer in de opdracht: noem elk bestand één keer.",
            "en": "{file} is named twice: name each file once.",
        },
        "publish_shared_records": {
            "nl": "{file} en {other} hebben dezelfde records (een kopie?): voeg ze eerst samen met workshop merge, of publiceer er een.",
            "en": "{file} and {other} hold the same records (a copy?): merge them first with workshop merge, or publish one of them.",
        },
        "publish_target_is_source": {
            "nl": "{path} is een wijkbestand dat gepubliceerd wordt: kies een andere naam voor de site (-o site.db).",
            "en": "{path} is a neighbourhood file being published: choose another name for the site (-o site.db).",
        },
        "publish_target_not_site": {
            "nl": "{path} bestaat al en is geen site van workshop publish: kies een andere naam, of verwijder het eerst zelf.",
            "en": "{path} already exists and is not a site written by workshop publish: choose another name, or delete it yourself first.",
        },
        "publish_no_psycopg": {
            "nl": "Publiceren naar PostgreSQL heeft psycopg nodig: pip install 'workshop[postgis]'",
            "en": "Publishing to PostgreSQL needs psycopg: pip install 'workshop[postgis]'",
        },
        "publish_pg_unreachable": {
            "nl": "PostgreSQL {where} is niet bereikbaar: {detail}",
            "en": "PostgreSQL {where} cannot be reached: {detail}",
        },
        "publish_no_postgis": {
            "nl": "De database {where} heeft geen PostGIS en mag het niet aanmaken ({detail}): laat de eigenaar CREATE EXTENSION postgis; uitvoeren.",
            "en": "The database {where} has no PostGIS and may not create it ({detail}): have its owner run CREATE EXTENSION postgis;",
        },
        "publish_pg_failed": {
            "nl": "PostgreSQL {where} weigerde het laden ({detail}); er is niets veranderd.",
            "en": "PostgreSQL {where} refused the load ({detail}); nothing was changed.",
        },
        "publish_not_pg_url": {
            "nl": "--to verwacht een adres als postgresql://gebruiker@host/database, niet '{url}'.",
            "en": "--to takes an address like postgresql://user@host/database, not '{url}'.",
        },
        # --- Kumu: an element's ID, and labels two records share (issue 13) -------------------
        "kumu_duplicate_id": {
            "nl": "{path} regel {row}: ID '{label}' komt twee keer voor; geef elk element een eigen "
            "ID (er is niets geïmporteerd).",
            "en": "{path} row {row}: ID '{label}' appears twice; give every element an ID of its "
            "own (nothing was imported).",
        },
        "kumu_duplicate_ids": {
            "nl": "{path}: ID's komen meer dan eens voor: {labels}; geef elk element een eigen ID "
            "(er is niets geïmporteerd).",
            "en": "{path}: IDs appear more than once: {labels}; give every element an ID of its "
            "own (nothing was imported).",
        },
        "kumu_ambiguous_element": {
            "nl": "{file} rij {row}: '{label}' past bij {count} records; overgeslagen, met de "
            "verbanden ermee (zet de kolom ID uit de export erbij)",
            "en": "{file} row {row}: '{label}' matches {count} records; skipped, with the "
            "connections to it (add the ID column from the export)",
        },
        "kumu_ambiguous_sheet": {
            "nl": "{file} rij {row}: '{label}' staat {count} keer bij de elementen en is al een "
            "record van het bestand; overgeslagen, met de verbanden ermee (zet de kolom ID uit de "
            "export erbij)",
            "en": "{file} row {row}: '{label}' is {count} elements of the sheet and already a "
            "record of the file; skipped, with the connections to it (add the ID column from the "
            "export)",
        },
        "kumu_ambiguous_end": {
            "nl": "{file} rij {row}: {column} '{label}' past bij {count} records; overgeslagen "
            "(zet er het ID uit de kolom ID van de elementen in)",
            "en": "{file} row {row}: {column} '{label}' matches {count} records; skipped (put the "
            "ID from the elements' ID column there)",
        },
        "kumu_end_skipped": {
            "nl": "{file} rij {row}: {column} '{label}' is bij de elementen overgeslagen; dit "
            "verband ook",
            "en": "{file} row {row}: {column} '{label}' was skipped among the elements; so is "
            "this connection",
        },
        "kumu_place_left_empty": {
            "nl": "{file} rij {row}: plek '{value}' past bij {count} plekken; leeg gelaten (geef "
            "de plekken elk een eigen naam, of kies de plek in het bestand)",
            "en": "{file} row {row}: place '{value}' matches {count} places; left empty (give the "
            "places names of their own, or choose the place in the file)",
        },
    },
)
