"""Datasette's metadata.json for a published site: title, description, licence, source, and
what each table and column means, in the language of the (first) neighbourhood file.

The texts are here, not in the message catalogue: they describe `publish.TABLES` column by
column, and a test checks that every published column has its description in both languages.
"""

from __future__ import annotations

from workshop.exchange.publish_rows import TABLES, Published

LICENCE = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
OSM_LICENCE = ("ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/")
SOURCE_URL = "https://www.openstreetmap.org/copyright"

# Columns many tables share; a table's own entry below wins.
COMMON: dict[str, tuple[str, str]] = {
    "id": (
        "Vaste UUID van het record (gelijk in elke publicatie)",
        "The record's stable UUID (the same in every publication)",
    ),
    "neighbourhood": (
        "De wijk waar het record vandaan komt",
        "The neighbourhood the record comes from",
    ),
    "neighbourhood_id": (
        "UUID van die wijk (tabel neighbourhood)",
        "UUID of that neighbourhood (table neighbourhood)",
    ),
    "name": ("Naam", "Name"),
    "tags": ("Labels (JSON-lijst)", "Tags (JSON list)"),
    "cell": (
        "Vak van het kaartraster (kolom A…, rij 1…)",
        "Cell of the map grid (column A…, row 1…)",
    ),
    "latitude": ("Breedtegraad (WGS 84)", "Latitude (WGS 84)"),
    "longitude": ("Lengtegraad (WGS 84)", "Longitude (WGS 84)"),
    "location": (
        "Waar de positie vandaan komt: scan (de sticker op de foto van de kaart), coordinates (ingevoerd of geïmporteerd), place_coordinates (van de plek), cell_centre of place_cell_centre (midden van het vak)",
        "Where the position comes from: scan (its sticker on the photo of the map), coordinates (typed or imported), place_coordinates (its place's), cell_centre or place_cell_centre (centre of the grid cell)",
    ),
    "description": ("Wat bewoners erover zeiden", "What residents said about it"),
    "kind": ("Soort (vaste sleutel)", "Kind (fixed key)"),
    "tel": (
        "Telefoon (alleen met toestemming voor openbaar)",
        "Phone (only with consent to publish)",
    ),
    "mail": (
        "E-mail (alleen met toestemming voor openbaar)",
        "Mail (only with consent to publish)",
    ),
    "website": ("Website", "Website"),
    "address": ("Adres", "Address"),
    "session_id": (
        "UUID van de bijeenkomst waarin het is vastgelegd",
        "UUID of the session it was captured in",
    ),
    "created": ("Vastgelegd op (UTC)", "Captured at (UTC)"),
    "updated": ("Laatst gewijzigd (UTC)", "Last changed (UTC)"),
    "pseudonym": (
        "1: de naam is een pseudoniem (de persoon gaf geen toestemming voor openbaar)",
        "1: the name is a pseudonym (the person did not consent to publication)",
    ),
    "attributes": ("Kenmerken voor het klankbord (JSON)", "Sounding-board attributes (JSON)"),
    "tenure": ("Huur of koop", "Rent or own"),
}

TABLE_TEXTS: dict[str, tuple[tuple[str, str], dict[str, tuple[str, str]]]] = {
    "neighbourhood": (
        ("De wijken in deze publicatie", "The neighbourhoods in this publication"),
        {
            "municipality": ("Gemeente", "Municipality"),
            "lang": (
                "Taal van het wijkbestand (nl, en)",
                "Language of the neighbourhood file (nl, en)",
            ),
            "grid_cols": ("Aantal kolommen van het kaartraster", "Columns of the map grid"),
            "grid_rows": ("Aantal rijen van het kaartraster", "Rows of the map grid"),
            "min_lat": ("Kaartuitsnede: zuidgrens", "Map extent: south"),
            "min_lon": ("Kaartuitsnede: westgrens", "Map extent: west"),
            "max_lat": ("Kaartuitsnede: noordgrens", "Map extent: north"),
            "max_lon": ("Kaartuitsnede: oostgrens", "Map extent: east"),
            "base_url": (
                "Adres achter de QR-codes van de kaarten",
                "Address behind the cards' QR codes",
            ),
        },
    ),
    "session": (
        (
            "De bijeenkomsten (zonder de namen van de begeleiders)",
            "The sessions (without the facilitators' names)",
        ),
        {
            "date": ("Datum", "Date"),
            "venue": ("Plaats van de bijeenkomst", "Venue"),
            "table_name": ("Tafel", "Table"),
        },
    ),
    "place": (
        ("Plekken die bewoners noemden", "Places residents named"),
        {
            "kind_label": ("Soort plek", "Kind of place"),
            "sentiment": ("valued (gewaardeerd) of concern (zorg)", "valued or concern"),
            "source": (
                "captured (vastgelegd) of osm (OpenStreetMap)",
                "captured or osm (OpenStreetMap)",
            ),
            "osm_id": ("OpenStreetMap-object (n…, w…, r…)", "OpenStreetMap object (n…, w…, r…)"),
        },
    ),
    "initiative": (
        ("Lopende en bedachte initiatieven", "Running and planned initiatives"),
        {
            "card_number": ("Nummer van de initiatiefkaart", "Number of the initiative card"),
            "theme": ("Thema (vaste sleutel)", "Theme (fixed key)"),
            "theme_label": ("Thema", "Theme"),
            "status": ("Status (vaste sleutel)", "Status (fixed key)"),
            "status_label": ("Status", "Status"),
            "place_id": ("UUID van de plek", "UUID of its place"),
            "place": ("Naam van de plek", "Name of its place"),
            "description": ("Wat het initiatief doet", "What the initiative does"),
            "needs": ("Wat het nodig heeft", "What it needs"),
            "offers": ("Wat het biedt", "What it offers"),
            "actors": ("Wie erachter staan", "Who is behind it"),
        },
    ),
    "actor": (
        (
            "Personen en organisaties; personen zonder toestemming voor openbaar staan er als pseudoniem, zonder contactgegevens, beschrijving of vak",
            "Persons and organisations; persons who did not consent to publication appear as a pseudonym, without contact details, description or cell",
        ),
        {
            "type": ("person of organisation", "person or organisation"),
            "role": ("Rol (vaste sleutel)", "Role (fixed key)"),
            "role_label": ("Rol", "Role"),
            "influence": (
                "Invloed 0–5 (invloedstoren van Net-Map)",
                "Influence 0–5 (Net-Map's influence tower)",
            ),
            "groups": ("Groepen die deze actor bereikt", "Groups this actor reaches"),
            "description": ("Wie of wat het is", "Who or what it is"),
            "ambassador": ("1: ambassadeur", "1: ambassador"),
            "startmotor": (
                "1: startmotor (krijgt anderen in beweging)",
                "1: startmotor (gets others moving)",
            ),
        },
    ),
    "tie": (
        ("Wie wie kent: verbanden tussen actoren", "Who knows whom: ties between actors"),
        {
            "source_id": ("UUID van de ene actor", "UUID of one actor"),
            "source": ("Naam van de ene actor", "Name of one actor"),
            "target_id": ("UUID van de andere actor", "UUID of the other actor"),
            "target": ("Naam van de andere actor", "Name of the other actor"),
            "kind": ("Soort verband (knows, works_with, …)", "Kind of tie (knows, works_with, …)"),
            "direction": (
                "directed (van bron naar doel), mutual of undirected",
                "directed (source to target), mutual or undirected",
            ),
            "strength": ("Sterkte 1–3", "Strength 1–3"),
            "description": ("Toelichting", "Explanation"),
        },
    ),
    "actor_initiative": (
        ("Wie welk initiatief trekt of steunt", "Who drives or supports which initiative"),
        {
            "actor_id": ("UUID van de actor", "UUID of the actor"),
            "initiative_id": ("UUID van het initiatief", "UUID of the initiative"),
            "kind": ("drives (trekt) of supports (steunt)", "drives or supports"),
        },
    ),
    "actor_place": (
        ("Wie waar samenkomt of wat runt", "Who meets where or runs what"),
        {
            "actor_id": ("UUID van de actor", "UUID of the actor"),
            "place_id": ("UUID van de plek", "UUID of the place"),
            "kind": ("meets_at (komt samen) of runs (runt)", "meets_at or runs"),
        },
    ),
    "participant": (
        (
            "Deelnemers aan het klankbord (meestal als pseudoniem)",
            "Sounding-board participants (mostly as pseudonyms)",
        ),
        {},
    ),
    "candidate": (
        (
            "Kandidaten voor het klankbord (meestal als pseudoniem)",
            "Sounding-board candidates (mostly as pseudonyms)",
        ),
        {"status": ("invited, accepted of declined", "invited, accepted or declined")},
    ),
    "note": (
        (
            "Notities en citaten; een notitie over een persoon zonder toestemming voor openbaar staat er niet in",
            "Notes and quotes; a note about a person who did not consent to publication is left out",
        ),
        {
            "kind": ("note (notitie) of quote (citaat)", "note or quote"),
            "text": ("De tekst", "The text"),
            "about_table": ("Waar de notitie over gaat: tabel", "What the note is about: table"),
            "about_id": ("Waar de notitie over gaat: UUID", "What the note is about: UUID"),
        },
    ),
    "board_dimension": (
        (
            "De dimensies van het klankbord en hun waarden",
            "The sounding board's dimensions and their values",
        ),
        {
            "key": ("Sleutel (in attributes van deelnemers)", "Key (in participants' attributes)"),
            "label_nl": ("Naam in het Nederlands", "Dutch name"),
            "label_en": ("Naam in het Engels", "English name"),
            "position": ("Volgorde", "Order"),
            "values": ("Mogelijke waarden (JSON)", "Possible values (JSON)"),
        },
    ),
}

_SITE = {
    "title": ("Wijkkaart: {names}", "Neighbourhood map: {names}"),
    "description": (
        "Plekken, initiatieven en netwerken die bewoners noemden tijdens community-mapping-avonden. Alleen wat openbaar mag: personen staan er met naam alleen als zij daarvoor toestemming gaven, anders als pseudoniem; namen, telefoonnummers en e-mailadressen van anderen zijn uit alle teksten gehaald.",
        "Places, initiatives and networks residents named at community-mapping evenings. Only what may be public: persons appear by name only where they consented to publication, otherwise as a pseudonym; the names, phone numbers and mail addresses of others are removed from every text.",
    ),
    "osm": (
        " Plekken uit OpenStreetMap: © OpenStreetMap-bijdragers, ODbL.",
        " Places from OpenStreetMap: © OpenStreetMap contributors, ODbL.",
    ),
    "source": ("workshop: {files}", "workshop: {files}"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "nl" else pair[1]


def column_text(table: str, column: str, lang: str) -> str:
    own = TABLE_TEXTS[table][1]
    return _pick(own.get(column) or COMMON[column], lang)


def metadata(published: Published, database: str) -> dict:
    """Datasette's metadata document for the site whose database is named `database`."""
    lang = published.lang
    names = ", ".join(h["name"] for h in published.hoods)
    description = _pick(_SITE["description"], lang)
    if published.from_osm:
        description += _pick(_SITE["osm"], lang)
    licence = OSM_LICENCE if published.from_osm else LICENCE
    document_tables = {}
    for table, columns in TABLES.items():
        entry: dict = {
            "description": _pick(TABLE_TEXTS[table][0], lang),
            "columns": {c.name: column_text(table, c.name, lang) for c in columns},
        }
        if any(c.name == "name" for c in columns):
            entry["label_column"] = "name"
        if table == "place" and published.from_osm:
            entry["license"], entry["license_url"] = OSM_LICENCE
            entry["source"], entry["source_url"] = "OpenStreetMap", SOURCE_URL
        document_tables[table] = entry
    return {
        "title": _pick(_SITE["title"], lang).format(names=names),
        "description": description,
        "license": licence[0],
        "license_url": licence[1],
        "source": _pick(_SITE["source"], lang).format(
            files=", ".join(p.name for p in published.sources)
        ),
        "databases": {database: {"tables": document_tables}},
    }
