"""The messages of the paper round trip (`workshop scan`): what a photo could not give, and
one line per sticker found."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "paper",
    {
        # --- a photo that cannot be read: the whole scan is refused, nothing written ---
        "scan_photo_missing": {
            "nl": "{photo}: die foto bestaat niet; kijk of de naam en de map kloppen.",
            "en": "{photo}: that photo does not exist; check its name and folder.",
        },
        "scan_photo_folder": {
            "nl": "{photo} is een map, geen foto; noem de foto's zelf (bijvoorbeeld {photo}/*.jpg).",
            "en": "{photo} is a folder, not a photo; name the photos themselves (for example {photo}/*.jpg).",
        },
        "scan_photo_unreadable": {
            "nl": "{photo}: geen foto die workshop kan lezen ({detail}); gebruik JPEG, PNG of TIFF.",
            "en": "{photo}: not a photo workshop can read ({detail}); use JPEG, PNG or TIFF.",
        },
        "scan_photo_too_large": {
            "nl": "{photo}: {pixels} megapixel is meer dan de {limit} megapixel die workshop leest; verklein de foto (12 megapixel is genoeg).",
            "en": "{photo}: {pixels} megapixels is more than the {limit} megapixels workshop reads; make the photo smaller (12 megapixels is enough).",
        },
        "scan_photo_heic": {
            "nl": "{photo} is een HEIC-foto (iPhone): installeer pillow-heif (pip install 'workshop[heic]'), of bewaar de foto als JPEG (op de iPhone: Instellingen > Camera > Formaten > Meest compatibel).",
            "en": "{photo} is a HEIC photo (iPhone): install pillow-heif (pip install 'workshop[heic]'), or save the photo as JPEG (on the iPhone: Settings > Camera > Formats > Most Compatible).",
        },
        "scan_no_sheet": {
            "nl": "{photo}: geen kaart van workshop gevonden; fotografeer de hele kaart, met minstens drie van de vier hoekmarkeringen erop.",
            "en": "{photo}: no workshop map found; photograph the whole map, with at least three of its four corner markers in the picture.",
        },
        "scan_too_few_corners": {
            "nl": "{photo}: maar {seen} van de vier hoekmarkeringen van een kaart te zien; fotografeer de hele kaart, met minstens drie hoeken erop.",
            "en": "{photo}: only {seen} of a map's four corner markers can be seen; photograph the whole map, with at least three corners in the picture.",
        },
        "scan_other_neighbourhood": {
            "nl": "{photo}: deze kaart hoort bij een andere wijk (wijkcode {other}; {name} heeft {ours}); scan hem met het bestand van die wijk.",
            "en": "{photo}: this map belongs to another neighbourhood (code {other}; {name} has {ours}); scan it with that neighbourhood's file.",
        },
        "scan_unknown_sheet": {
            "nl": "{photo}: kaart {sheet} staat niet in {file}: geprint voordat het bestand zijn kaarten bijhield, of vanuit een ander bestand; print de kaart opnieuw (workshop print map {file}) of voeg het bestand van die tafel samen (workshop merge).",
            "en": "{photo}: map {sheet} is not in {file}: printed before the file kept its maps, or from another file; print the map again (workshop print map {file}) or merge that table's file (workshop merge).",
        },
        "scan_sheet_code": {"nl": "met hoekcode {code}", "en": "with corner code {code}"},
        # --- the report: one line per sticker, then what was done ---
        "scan_sheet_seen": {
            "nl": "{photo}: kaart {sheet} ({paper}), {corners} van 4 hoeken, {stickers} stickers",
            "en": "{photo}: map {sheet} ({paper}), {corners} of 4 corners, {stickers} stickers",
        },
        "scan_placed": {
            "nl": "sticker {number} → {name}, {position}, vak {cell}",
            "en": "sticker {number} → {name}, {position}, cell {cell}",
        },
        "scan_placed_cell_only": {
            "nl": "sticker {number} → {name}, vak {cell} (deze kaart heeft geen coördinaten, alleen vakken)",
            "en": "sticker {number} → {name}, cell {cell} (this map has no coordinates, only cells)",
        },
        "scan_no_record": {
            "nl": "sticker {number} (vak {cell}): nog geen plek of initiatief met deze sticker; leg vast met: p NAAM sticker:{number} (of i NAAM sticker:{number}) en scan opnieuw",
            "en": "sticker {number} (cell {cell}): no place or initiative carries it yet; capture it with: p NAME sticker:{number} (or i NAME sticker:{number}) and scan again",
        },
        "scan_unprinted": {
            "nl": "sticker {number}: nooit geprint voor dit bestand (geprint zijn 1 t/m {last}); een sticker van een andere wijk? Niets gezet.",
            "en": "sticker {number}: never printed for this file (printed: 1 to {last}); a sticker of another neighbourhood? Nothing set.",
        },
        "scan_unprinted_none": {
            "nl": "sticker {number}: dit bestand heeft nog geen stickers geprint (workshop print stickers); een sticker van een andere wijk? Niets gezet.",
            "en": "sticker {number}: this file has not printed any stickers yet (workshop print stickers); a sticker of another neighbourhood? Nothing set.",
        },
        "scan_kept": {
            "nl": "sticker {number} → {name}: niet verplaatst, de coördinaten ({position}) zijn ingevoerd, niet gescand; scan met --overwrite om ze door de sticker te vervangen",
            "en": "sticker {number} → {name}: not moved, its coordinates ({position}) were typed, not scanned; scan with --overwrite to replace them with the sticker's",
        },
        "scan_twice": {
            "nl": "sticker {number} is op twee plekken gevonden ({first} en {second}); niets gezet: haal er één weg en scan opnieuw",
            "en": "sticker {number} was found at two places ({first} and {second}); nothing set: remove one and scan again",
        },
        "scan_off_map": {
            "nl": "sticker {number} ({photo}) zit naast de kaart, op de rand; niets gezet: plak hem op de kaart en scan opnieuw",
            "en": "sticker {number} ({photo}) is beside the map, on its margin; nothing set: stick it on the map and scan again",
        },
        "scan_shared": {
            "nl": "sticker {number} zit op meer dan één: {names}; niets gezet: geef elk een eigen sticker (F2) en scan opnieuw",
            "en": "sticker {number} is on more than one: {names}; nothing set: give each its own sticker (F2) and scan again",
        },
        "scan_where": {"nl": "vak {cell} op {photo}", "en": "cell {cell} in {photo}"},
        "scan_where_off": {"nl": "naast de kaart op {photo}", "en": "beside the map in {photo}"},
        "scan_was": {"nl": " (was vak {cell})", "en": " (was cell {cell})"},
        "scan_card_seen": {
            "nl": "kaart {number} gevonden in {photo}: het handschrift zou bij de kaart bewaard worden",
            "en": "card {number} found in {photo}: its handwriting would be kept with the card",
        },
        "scan_cards_kept": {
            "nl": "Kaartfoto's bewaard: {count} (undo laat ze staan; een nieuwe foto van een kaart vervangt de oude).",
            "en": "Card photos kept: {count} (undo leaves them; a new photo of a card replaces the old one).",
        },
        "scan_none_found": {
            "nl": "Geen stickers op de kaart gevonden.",
            "en": "No stickers found on the map.",
        },
        "scan_dry_run": {
            "nl": "--dry-run: {placed} van {found} stickers zouden worden gezet; niets opgeslagen.",
            "en": "--dry-run: {placed} of {found} stickers would be set; nothing saved.",
        },
        "scan_saved": {
            "nl": "{placed} van {found} stickers gezet in {file}; workshop undo {file} neemt de hele scan terug.",
            "en": "{placed} of {found} stickers set in {file}; workshop undo {file} takes the whole scan back.",
        },
        "scan_unchanged": {
            "nl": "De {placed} gevonden stickers staan al op die plek in het bestand; niets veranderd.",
            "en": "The {placed} stickers found already stand there in the file; nothing changed.",
        },
        "scan_nothing_saved": {
            "nl": "{placed} van {found} stickers gezet; niets opgeslagen.",
            "en": "{placed} of {found} stickers set; nothing saved.",
        },
    },
)
