"""The messages of reading OpenStreetMap extracts."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "osm",
    {
        "osm_missing": {
            "nl": "{path}: OSM-bestand bestaat niet.",
            "en": "{path}: no such OSM file.",
        },
        "osm_unreadable": {
            "nl": "{path} kan niet gelezen worden: {detail}.",
            "en": "{path} cannot be read: {detail}.",
        },
        "osm_empty": {
            "nl": "{path} bevat geen kaartgegevens (geen wegen, gebouwen of punten); exporteer opnieuw op openstreetmap.org.",
            "en": "{path} holds no map data (no roads, buildings or points); export it again from openstreetmap.org.",
        },
        "osm_malformed": {
            "nl": "{path} is geen leesbaar OSM-bestand (.osm XML of .osm.pbf): {detail}.",
            "en": "{path} is not a readable OSM file (.osm XML or .osm.pbf): {detail}.",
        },
        "osm_too_large": {
            "nl": "{path} is groter dan 256 MB; exporteer alleen de wijk.",
            "en": "{path} is larger than 256 MB; export just the neighbourhood.",
        },
        "osm_elsewhere": {
            "nl": "{path} ligt ergens anders dan de kaart van {name} (uittreksel {found}, kaart {expected}).",
            "en": "{path} covers another place than the map of {name} (extract {found}, map {expected}).",
        },
        "osm_no_extent": {
            "nl": "{name} heeft nog geen kaartgebied; lees een OSM-uittreksel in met: workshop import BESTAND --osm UITTREKSEL.osm",
            "en": "{name} has no map extent yet; read in an OSM extract with: workshop import FILE --osm EXTRACT.osm",
        },
        "osm_bomb": {
            "nl": "{path} pakt uit tot meer dan {limit} MB; dat is geen uittreksel van een wijk. Exporteer alleen de wijk.",
            "en": "{path} unpacks to more than {limit} MB; that is no neighbourhood extract. Export just the neighbourhood.",
        },
        "osm_long_token": {
            "nl": "{path} bevat een stuk tekst van meer dan {limit} MB zonder < of >; dat is geen OSM-bestand.",
            "en": "{path} holds a stretch of more than {limit} MB without < or >; that is no OSM file.",
        },
        "osm_too_slow": {
            "nl": "{path} lezen duurt langer dan {seconds} seconden; exporteer alleen de wijk.",
            "en": "Reading {path} takes longer than {seconds} seconds; export just the neighbourhood.",
        },
    },
)
