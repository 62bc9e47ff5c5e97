"""The messages of the .wijk file: opening, disk faults, undo, merge and forget."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "file",
    {
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
        "bad_name": {
            "nl": "De naam van de wijk mag niet leeg zijn.",
            "en": "The neighbourhood's name cannot be empty.",
        },
        "merge_other_neighbourhood": {
            "nl": "{path} is van een andere wijk ('{other}', niet '{name}'); er is niets samengevoegd.",
            "en": "{path} belongs to another neighbourhood ('{other}', not '{name}'); nothing was merged.",
        },
        "merge_renumbered": {
            "nl": "  kaart {old} van '{name}' is nu kaart {new} (het nummer was al in gebruik)",
            "en": "  card {old} of '{name}' is now card {new} (the number was taken)",
        },
        "merge_pair": {
            "nl": "  dubbel? {table}: '{keep}' en '{fold}'",
            "en": "  twice? {table}: '{keep}' and '{fold}'",
        },
        "merge_conflict": {
            "nl": "  conflict: {table} '{record}', veld {field}: gehouden '{kept}' ({kept_from}), niet '{other}' ({other_from})",
            "en": "  conflict: {table} '{record}', field {field}: kept '{kept}' ({kept_from}), not '{other}' ({other_from})",
        },
        "merge_kept_apart": {
            "nl": "  {kind} '{there}' uit {source} had id '{id}', net als '{here}' hier (een zelfgekozen id van een oude import): het is een ander record en staat er nu naast, met een nieuw id",
            "en": "  {kind} '{there}' from {source} had id '{id}', as '{here}' here has (a made-up id from an old import): it is another record and now stands beside it, with a new id",
        },
        "merge_source_refused": {
            "nl": "Er is niets samengevoegd in {target}: {reason}",
            "en": "Nothing was merged into {target}: {reason}",
        },
        "merge_failed": {
            "nl": "{path}: samenvoegen in {target} is mislukt ({detail}); er is niets samengevoegd.",
            "en": "{path}: merging into {target} failed ({detail}); nothing was merged.",
        },
        # --- forget: exactly one person, and what was written earlier -------------------------
        "forget_ambiguous": {
            "nl": "'{name}' is {count} personen in {path}: {matches}; kies er een met --id ID (het begin van de id is genoeg).",
            "en": "'{name}' is {count} persons in {path}: {matches}; choose one with --id ID (the start of the id is enough).",
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
        # --- (helper audit-b) a full-text index without text of its own; a PostGIS load ---
        "forget_item_index_emptied": {
            "nl": "  zoekindex {table}: heeft geen eigen tekst, dus niet na te gaan; wordt geleegd (vul hem daarna zelf opnieuw)",
            "en": "  full-text index {table}: holds no text of its own to check, so it is emptied (fill it again yourself afterwards)",
        },
        "forget_output_database": {
            "nl": "  {where} (publish --to, {when}): publiceer daar opnieuw, dan verdwijnt de persoon er ook (workshop publish FILE... --to postgresql://...)",
            "en": "  {where} (publish --to, {when}): publish there again and the person goes there too (workshop publish FILE... --to postgresql://...)",
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
        # --- workshop check: what was looked at -------------------------------------------------
        "check_sqlite_file": {
            "nl": "SQLite-bestand, {size} bytes, paginagrootte {page_size}",
            "en": "SQLite file, {size} bytes, page size {page_size}",
        },
        "check_truncated": {
            "nl": "afgekapt: {size} bytes waar de kop {expected} belooft ({pages} pagina's)",
            "en": "truncated: {size} bytes where the header promises {expected} ({pages} pages)",
        },
        "check_appended": {
            "nl": "{extra} bytes na het einde van de database (er is iets achter het bestand geplakt)",
            "en": "{extra} bytes after the end of the database (something was appended to the file)",
        },
        "check_not_ours": {
            "nl": "geen workshop-bestand (de application id is niet de onze)",
            "en": "not a workshop file (its application id is not ours)",
        },
        "check_sqlite_unreadable": {
            "nl": "SQLite kan het niet lezen: {detail}",
            "en": "SQLite cannot read it: {detail}",
        },
        "check_nothing_readable": {
            "nl": "er is niets uit te lezen: {detail}",
            "en": "nothing can be read from it: {detail}",
        },
        "check_schema_newer": {
            "nl": "schema {version} is nieuwer dan deze workshop kent ({latest}); werk workshop bij",
            "en": "schema {version} is newer than this workshop knows ({latest}); upgrade workshop",
        },
        "check_schema": {
            "nl": "schemaversie {version} van {latest}",
            "en": "schema version {version} of {latest}",
        },
        "check_integrity": {"nl": "integriteit: {detail}", "en": "integrity: {detail}"},
        "check_integrity_more": {
            "nl": "integriteit: ... en nog {count} zulke problemen",
            "en": "integrity: ... and {count} more such problems",
        },
        "check_integrity_ok": {"nl": "integriteitscontrole: in orde", "en": "integrity check: ok"},
        # --- check: records that are not right (values the capture line would refuse, points
        # off the map, stickers): "{table} '{record}': {problem}; {fix}", one line each
        "check_record_line": {
            "nl": "{table} '{record}': {problem}; {fix}",
            "en": "{table} '{record}': {problem}; {fix}",
        },
        "check_records_more": {
            "nl": "en nog {count} records die niet kloppen",
            "en": "and {count} more records that are not right",
        },
        "check_fix_value": {
            "nl": "verbeter {field} in de TUI (F2) of met workshop capture",
            "en": "correct {field} in the TUI (F2) or with workshop capture",
        },
        "check_off_the_map": {
            "nl": "lat {lat}, lon {lon} ligt buiten de kaart van de wijk",
            "en": "lat {lat}, lon {lon} is outside the neighbourhood's map",
        },
        "check_fix_extent": {
            "nl": "zet de kaart opnieuw met workshop import BESTAND --osm UITSNEDE",
            "en": "set the map again with workshop import FILE --osm EXTRACT",
        },
        "check_off_the_grid": {
            "nl": "vak '{cell}' ligt niet op de kaart (A1 t/m {last})",
            "en": "cell '{cell}' is not on the map (A1 to {last})",
        },
        "check_extent_inverted": {
            "nl": "de kaart ({extent}) heeft zuid niet onder noord of west niet links van oost",
            "en": "the map ({extent}) has south not below north or west not left of east",
        },
        "check_fix_off_the_map": {
            "nl": "verbeter lat en lon in de TUI (F2) of met workshop capture",
            "en": "correct lat and lon in the TUI (F2) or with workshop capture",
        },
        "check_values_unchecked": {
            "nl": "de waarden konden niet worden nagekeken: {detail}",
            "en": "the values could not be checked: {detail}",
        },
        "check_references_unchecked": {
            "nl": "verwijzingen kunnen niet gecontroleerd worden: {detail}",
            "en": "references cannot be checked: {detail}",
        },
        "check_dangling": {
            "nl": "{table} rij {rowid} verwijst naar een ontbrekende {parent}",
            "en": "{table} row {rowid} points to a missing {parent}",
        },
        "check_table_unreadable": {
            "nl": "tabel {table} kan niet gelezen worden: {detail}",
            "en": "table {table} cannot be read: {detail}",
        },
        # --- sticker:N (issue 15) ---
        "check_sticker_twice": {
            "nl": "sticker {number} zit ook op {names}",
            "en": "sticker {number} is also on {names}",
        },
        "check_fix_sticker_twice": {
            "nl": "geef elk een eigen sticker (F2)",
            "en": "give each its own sticker (F2)",
        },
        "check_sticker_unprinted": {
            "nl": "sticker {number} is in dit bestand nooit geprint",
            "en": "sticker {number} was never printed for this file",
        },
        "check_fix_unprinted": {
            "nl": "kies een geprinte sticker (F2) of print stickers met workshop print stickers FILE",
            "en": "choose a printed sticker (F2) or print stickers with workshop print stickers FILE",
        },
        # --- print records (issue 15: workshop scan) ---
        "check_print_record_bad": {
            "nl": "wat er van de afdruk ({paper}) is opgeslagen klopt niet; een foto van die kaart kan niet gescand worden",
            "en": "what was stored of the print ({paper}) is not valid; a photo of that map cannot be scanned",
        },
        "check_fix_reprint": {
            "nl": "print de kaart opnieuw (workshop print map FILE) en fotografeer die",
            "en": "print the map again (workshop print map FILE) and photograph that one",
        },
        # --- what stands where personal data was taken out (redaction, forget) -----------------
        "withheld_name": {"nl": "(naam)", "en": "(name)"},
        "withheld_phone": {"nl": "(telefoon)", "en": "(phone)"},
        "withheld_mail": {"nl": "(e-mail)", "en": "(e-mail)"},
        "forgotten": {"nl": "[vergeten]", "en": "[forgotten]"},
    },
)
