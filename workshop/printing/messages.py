"""The messages of the printouts (errors a user can cause, and what the commands report)."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "printing",
    {
        "net_title": {"nl": "Wie kent wie in {name}", "en": "Who knows whom in {name}"},
        "net_subtitle": {
            "nl": "{municipality}{actors} actoren · {ties} verbanden · {date}",
            "en": "{municipality}{actors} actors · {ties} ties · {date}",
        },
        "net_partial": {
            "nl": "Getoond: de {shown} meest verbindende van {actors} actoren.",
            "en": "Shown: the {shown} most connecting of {actors} actors.",
        },
        "net_legend": {"nl": "Legenda", "en": "Legend"},
        "net_roles": {"nl": "Rol (kleur)", "en": "Role (colour)"},
        "net_size": {"nl": "Invloed 0–5 (grootte)", "en": "Influence 0–5 (size)"},
        "net_rank": {"nl": "Verbinder, met rangnummer", "en": "Connector, with its rank"},
        "net_cut": {
            "nl": "Scharnierpunt: zonder deze actor valt het netwerk uiteen",
            "en": "Articulation point: without it the network falls apart",
        },
        "net_line": {"nl": "Verband (dikker = sterker)", "en": "Tie (thicker = stronger)"},
        # the network poster's key (issue 12 item 7)
        "net_groups": {"nl": "Groep (kleur en vorm)", "en": "Group (colour and shape)"},
        "net_ties": {"nl": "Soort verband (lijn)", "en": "Kind of tie (line)"},
        "net_directed": {"nl": "Richting (van → naar)", "en": "Direction (from → to)"},
        "net_mutual": {"nl": "Wederzijds", "en": "Mutual"},
        "net_initiative": {"nl": "Initiatief", "en": "Initiative"},
        "net_place": {"nl": "Plek", "en": "Place"},
        "net_top": {"nl": "De verbinders", "en": "The connectors"},
        "net_alone": {"nl": "Nog zonder verbanden ({count})", "en": "No ties yet ({count})"},
        "net_consent": {
            "nl": "Personen staan hier alleen met naam als ze toestemming gaven voor papier; "
            "anderen staan er met hun rol.",
            "en": "Persons are named here only with consent for paper; others appear by role.",
        },
        "net_empty": {
            "nl": "Nog geen actoren in dit bestand: leg ze vast met a NAAM, of importeer ze met "
            "workshop import --kumu.",
            "en": "No actors in this file yet: capture them with a NAME, or import them with "
            "workshop import --kumu.",
        },
        "net_page": {"nl": "blad {page} van {pages}", "en": "page {page} of {pages}"},
        "net_unknown_role": {"nl": "rol onbekend", "en": "role unknown"},
        "template_missing": {
            "nl": "Sjabloon {path} bestaat niet.",
            "en": "Template {path} does not exist.",
        },
        "template_bad": {
            "nl": "Sjabloon {path} klopt niet: {detail}",
            "en": "Template {path} is not valid: {detail}",
        },
        "template_file_missing": {
            "nl": "Sjabloon {template}: {setting} noemt {path}, maar dat bestand is er niet; zet het daar, of pas {setting} aan.",
            "en": "Template {template}: {setting} names {path}, which does not exist; put the file there, or change {setting}.",
        },
        "font_unreadable": {
            "nl": "Lettertype {path} kan niet gelezen worden: {detail}",
            "en": "Font {path} cannot be read: {detail}",
        },
        "no_initiatives": {
            "nl": "Er zijn nog geen initiatieven om kaarten van te maken; leg ze vast met: i NAAM #thema @VAK",
            "en": "There are no initiatives to make cards of yet; capture them with: i NAME #theme @CELL",
        },
        "bad_numbers": {
            "nl": "Kaartnummers '{value}' niet herkend: schrijf bijvoorbeeld 3,5-7.",
            "en": "Card numbers '{value}' not recognised: write for example 3,5-7.",
        },
        "bad_count": {
            "nl": "Aantal {count} kan niet: kies 1 t/m {limit}.",
            "en": "Count {count} is not possible: choose 1 to {limit}.",
        },
        "print_written": {
            "nl": "geschreven: {path} ({pages} blz.)",
            "en": "written: {path} ({pages} p.)",
        },
        "print_stickers_reserved": {
            "nl": "stickernummers {first} t/m {last} zijn nu gereserveerd in {file}",
            "en": "sticker numbers {first} to {last} are now reserved in {file}",
        },
        "print_reserved": {
            "nl": "kaartnummers {first} t/m {last} zijn nu gereserveerd in {file}",
            "en": "card numbers {first} to {last} are now reserved in {file}",
        },
        "print_missing_glyphs": {
            "nl": "let op: geen lettertype heeft {chars}; die tekens staan als '?' op papier.",
            "en": "note: no font has {chars}; those characters are printed as '?'.",
        },
        "print_qr_fallback": {
            "nl": "let op: de website van kaart {number} is te lang voor een QR-code; de code verwijst naar {payload}.",
            "en": "note: the website of card {number} is too long for a QR code; the code points to {payload}.",
        },
        # cards (issue 12): a QR code finds its card from the capture line, website or not
        "print_qr_site_unusable": {
            "nl": "let op: de website van kaart {number} kan het kaartnummer niet dragen (geen http(s)-adres, of al een #-deel); de code verwijst naar {payload}.",
            "en": "note: the website of card {number} cannot carry the card number (not an http(s) address, or a # part of its own); the code points to {payload}.",
        },
        # a printout's PDF metadata (issue 12 item 9): `sheet.document_info`
        "pdf_author": {"nl": "Gemeente {name}", "en": "Municipality of {name}"},
        "pdf_subject_cards": {
            "nl": "Initiatiefkaarten van {name}",
            "en": "Initiative cards of {name}",
        },
        "pdf_subject_blank-cards": {
            "nl": "Lege genummerde initiatiefkaarten voor {name}",
            "en": "Numbered blank initiative cards for {name}",
        },
        "pdf_subject_map": {"nl": "Basiskaart van {name}", "en": "Base map of {name}"},
        "pdf_subject_result-map": {
            "nl": "Plekken en initiatieven van {name} op de kaart",
            "en": "Places and initiatives of {name} on the map",
        },
        "pdf_subject_stickers": {
            "nl": "Genummerde stickers voor de kaart van {name}",
            "en": "Numbered stickers for the map of {name}",
        },
        "pdf_subject_summary": {
            "nl": "Wijkverkenning van {name}: informele netwerken, verbinders, plekken en"
            " initiatieven in kaart gebracht",
            "en": "Neighbourhood mapping of {name}: informal networks, connectors, places and"
            " initiatives mapped",
        },
        "pdf_subject_network": {
            "nl": "Wie kent wie in {name}: het netwerk van actoren",
            "en": "Who knows whom in {name}: the network of actors",
        },
        # shaping (issue 12): one line per text that lost characters
        "print_missing_in": {
            "nl": "{printout}: in „{text}” staat als '?': {chars}",
            "en": "{printout}: in “{text}” printed as '?': {chars}",
        },
        "print_grid_only": {
            "nl": "nog geen OpenStreetMap-uittreksel in dit bestand: een rasterblad (lees er een in met: workshop import {file} --osm UITTREKSEL.osm)",
            "en": "no OpenStreetMap extract in this file yet: a grid sheet (read one in with: workshop import {file} --osm EXTRACT.osm)",
        },
        # the paper round trip (issue 15): a map printed from a read-only file
        "print_not_scannable": {
            "nl": "{file} is alleen-lezen: deze kaart is zonder printgegevens gemaakt en kan niet worden teruggescand (maak het bestand schrijfbaar of kopieer het, en print opnieuw)",
            "en": "{file} is read-only: this map was printed without its print record and cannot be scanned back (make the file writable or copy it, and print again)",
        },
        "print_marker_elsewhere": {
            "nl": "{name}: de coördinaten liggen in vak {at}, niet in {cell}; het nummer staat in {cell} (zet het vak of de coördinaten recht)",
            "en": "{name}: its coordinates lie in cell {at}, not in {cell}; its number stands in {cell} (correct the cell or the coordinates)",
        },
        # --- what is wrong in a template (the detail of template_bad) --------------------------
        "tpl_keyed": {"nl": "{name}: {detail}", "en": "{name}: {detail}"},
        "tpl_unknown_near": {
            "nl": "onbekende sleutel, die niets zou doen; bedoelt u {near}?",
            "en": "unknown key, which would do nothing; did you mean {near}?",
        },
        "tpl_unknown": {
            "nl": "onbekende sleutel, die niets zou doen; hier kan: {choices}",
            "en": "unknown key, which would do nothing; allowed here: {choices}",
        },
        "tpl_section_table": {
            "nl": "'{section}' moet een tabel zijn ([{section}])",
            "en": "'{section}' must be a table ([{section}])",
        },
        "tpl_table": {"nl": "moet een tabel zijn ([{name}])", "en": "must be a table ([{name}])"},
        "tpl_family": {
            "nl": "fonts.family '{family}': kies {choices}",
            "en": "fonts.family '{family}': choose {choices}",
        },
        "tpl_font_text": {
            "nl": "moet tekst tussen aanhalingstekens zijn (een familienaam of een .ttf-bestand)",
            "en": "must be text in quotes (a family name or a .ttf file)",
        },
        "tpl_width": {
            "nl": "'{value}' is geen breedte: een aantal mm, boven 0 en hooguit {limit}",
            "en": "'{value}' is not a width: a number of mm, above 0 and at most {limit}",
        },
        "tpl_colour": {
            "nl": "'{value}' is geen kleur: schrijf \"#RRGGBB\"",
            "en": "'{value}' is not a colour: write \"#RRGGBB\"",
        },
        "tpl_bool": {"nl": "schrijf true of false", "en": "write true or false"},
        "tpl_list": {"nl": "een lijst van {choices}", "en": "a list of {choices}"},
        "tpl_text": {
            "nl": "moet tekst tussen aanhalingstekens zijn",
            "en": "must be text in quotes",
        },
        "tpl_too_long": {"nl": "langer dan {limit} tekens", "en": "longer than {limit} characters"},
        "tpl_braces": {
            "nl": "{error} (schrijf {{{{ en }}}} voor een accolade)",
            "en": "{error} (write {{{{ and }}}} for a brace)",
        },
        "tpl_placeholder": {
            "nl": "'{{{placeholder}}}': alleen plaatshouders als {{name}}",
            "en": "'{{{placeholder}}}': only {{name}} placeholders",
        },
        "tpl_file_name": {
            "nl": "moet een bestandsnaam tussen aanhalingstekens zijn",
            "en": "must be a file name in quotes",
        },
        "tpl_logo_kind": {"nl": "{file} is geen PNG of JPEG", "en": "{file} is not a PNG or JPEG"},
        "tpl_logo_large": {
            "nl": "{file} is groter dan {limit} MB",
            "en": "{file} is larger than {limit} MB",
        },
        "tpl_logo_unreadable": {
            "nl": "{file} kan niet gelezen worden als {kind}: {error}",
            "en": "{file} cannot be read as {kind}: {error}",
        },
        "tpl_logo_pixels": {
            "nl": "{file} is {width}x{height} pixels; hooguit {side}x{side}",
            "en": "{file} is {width}x{height} pixels; at most {side}x{side}",
        },
        # --- the confidential key (workshop.printing.key) ---------------------------------------
        "pseudokey_title": {
            "nl": "Sleutel bij de pseudoniemen — {name}",
            "en": "Key to the pseudonyms — {name}",
        },
        "pseudokey_confidential": {
            "nl": "Vertrouwelijk — alleen voor de begeleider",
            "en": "Confidential — facilitator only",
        },
        "pseudokey_page": {"nl": "blad {page} van {pages}", "en": "page {page} of {pages}"},
        "pseudokey_intro": {
            "nl": "Op papier, op de muur en in exports staat wie geen toestemming gaf onder een "
            "pseudoniem. Deze lijst zegt wie wie is (afgedrukt {date}). Geef hem niet mee, leg "
            "hem niet bij de afdrukken en vernietig hem als hij niet meer nodig is; "
            "'workshop forget' noemt dit bestand.",
            "en": "On paper, on the wall and in exports, whoever gave no consent stands under a "
            "pseudonym. This list says who is who (printed {date}). Do not hand it out, keep it "
            "apart from the printouts and destroy it when it is no longer needed; "
            "'workshop forget' names this file.",
        },
        "pseudokey_on_paper": {
            "nl": "Op initiatiefkaarten, plattegronden, poster, samenvatting en de muur",
            "en": "On cards, maps, the poster, the summary and the wall",
        },
        "pseudokey_in_exports": {
            "nl": "Alleen in exports (en in elke export met --anonymise)",
            "en": "Only in exports (and in every export with --anonymise)",
        },
        "pseudokey_none_on_paper": {
            "nl": "Niemand: iedereen staat met toestemming op papier.",
            "en": "Nobody: everyone is on paper with consent.",
        },
        "pseudokey_none_in_exports": {"nl": "Niemand.", "en": "Nobody."},
        "pseudokey_col_pseudonym": {"nl": "Pseudoniem", "en": "Pseudonym"},
        "pseudokey_col_name": {"nl": "Naam", "en": "Name"},
        "pseudokey_col_what": {"nl": "Wie", "en": "Who"},
        "pseudokey_col_consent": {"nl": "Toestemming", "en": "Consent"},
    },
)
