"""What an OpenStreetMap tag means on the map: the kind of line, area or place it draws.

Plain tables and three small classifiers, read by `osm.extract` while it reads an extract."""

from __future__ import annotations

ROADS = {
    "motorway": "major",
    "trunk": "major",
    "primary": "major",
    "motorway_link": "major",
    "trunk_link": "major",
    "primary_link": "major",
    "secondary": "secondary",
    "secondary_link": "secondary",
    "tertiary": "tertiary",
    "tertiary_link": "tertiary",
    "residential": "minor",
    "unclassified": "minor",
    "living_street": "minor",
    "road": "minor",
    "service": "service",
    "pedestrian": "pedestrian",
    "footway": "path",
    "path": "path",
    "steps": "path",
    "bridleway": "path",
    "cycleway": "cycleway",
    "track": "track",
}
RAILS = {
    "rail": "rail",
    "light_rail": "rail",
    "narrow_gauge": "rail",
    "subway": "rail",
    "tram": "tram",
}
WATERWAYS = {
    "river": "river",
    "canal": "canal",
    "stream": "stream",
    "ditch": "ditch",
    "drain": "ditch",
}
GREEN = {
    "park": "park",
    "garden": "park",
    "playground": "park",
    "village_green": "grass",
    "grass": "grass",
    "meadow": "grass",
    "recreation_ground": "grass",
    "grassland": "grass",
    "allotments": "allotments",
    "cemetery": "grass",
    "farmland": "farmland",
    "orchard": "wood",
    "forest": "wood",
    "wood": "wood",
    "scrub": "wood",
    "heath": "grass",
    "pitch": "pitch",
    "sports_centre": "pitch",
    "golf_course": "grass",
    "nature_reserve": "park",
}
LANDUSE = {
    "residential": "residential",
    "commercial": "commercial",
    "retail": "commercial",
    "industrial": "industrial",
    "railway": "industrial",
    "construction": "industrial",
}


def line_kind(tags) -> tuple[str, str] | None:
    highway = tags.get("highway")
    if highway in ROADS and tags.get("area") != "yes":
        return ("road", ROADS[highway])
    railway = tags.get("railway")
    if railway in RAILS:
        return ("rail", RAILS[railway])
    waterway = tags.get("waterway")
    if waterway in WATERWAYS:
        return ("waterway", WATERWAYS[waterway])
    if tags.get("natural") == "coastline":  # land on its left: the sea is drawn from these
        return ("coast", "coastline")
    return None


def underground(tags) -> bool:
    """A tunnel (drawn dashed, never as a surface line): `tunnel=yes`, underground, a negative
    layer, or a metro line (`railway=subway`) that is not said to be on the surface."""
    if tags.get("bridge") not in (None, "no"):
        return False
    if tags.get("tunnel") in ("yes", "culvert") or tags.get("location") == "underground":
        return True
    try:
        layer = int(tags.get("layer") or 0)
    except ValueError:
        layer = 0
    if layer < 0:
        return True
    return tags.get("railway") == "subway" and tags.get("tunnel") != "no" and layer == 0


def bridge(tags) -> bool:
    return tags.get("bridge") not in (None, "no") and not underground(tags)


def station(tags) -> bool:
    """A railway or metro station, named on the map as a landmark."""
    return bool(tags.get("name")) and (
        tags.get("railway") in ("station", "halt")
        or (tags.get("public_transport") == "station" and tags.get("railway") != "platform")
    )


def area_kind(tags) -> tuple[str, str] | None:
    building = tags.get("building")
    if building and building != "no":
        return ("building", "building")
    if (
        tags.get("natural") in ("water", "bay", "strait")
        or tags.get("place") == "sea"
        or tags.get("waterway") == "riverbank"
        or tags.get("landuse") in ("reservoir", "basin")
        or "water" in tags
    ):
        return ("water", "water")
    for key in ("leisure", "landuse", "natural"):
        value = tags.get(key)
        if value in GREEN:
            return ("green", GREEN[value])
    if tags.get("landuse") in LANDUSE:
        return ("landuse", LANDUSE[tags.get("landuse")])
    if tags.get("amenity") == "parking":
        return ("parking", "parking")
    if tags.get("place") == "square" or (
        tags.get("highway") == "pedestrian" and tags.get("area") == "yes"
    ):
        return ("square", "square")
    return None


# OSM tag -> place kind, for the named amenities offered as candidate places. A town hall has
# no kind of its own among the place kinds: it is `other`, and keeps its name.
_AMENITY_KINDS = {
    "community_centre": "community_centre",
    "social_centre": "community_centre",
    "arts_centre": "community_centre",
    "youth_centre": "community_centre",
    "townhall": "other",
    "school": "school",
    "kindergarten": "school",
    "childcare": "school",
    "college": "school",
    "university": "school",
    "library": "library",
    "place_of_worship": "worship",
    "marketplace": "market",
    "doctors": "healthcare",
    "clinic": "healthcare",
    "pharmacy": "healthcare",
    "dentist": "healthcare",
    "hospital": "healthcare",
    "nursing_home": "healthcare",
    "cafe": "cafe",
    "restaurant": "cafe",
    "pub": "cafe",
    "bar": "cafe",
    "fast_food": "cafe",
    "social_facility": "healthcare",
}
_LEISURE_KINDS = {
    "sports_centre": "sports_club",
    "stadium": "sports_club",
    "pitch": "sports_club",
    "fitness_centre": "sports_club",
    "park": "park",
    "playground": "playground",
    "garden": "park",
}
# The place kinds `import --osm --places` adds when it is not told which: the places a
# neighbourhood meets in or is served by, not every shop and café of a town centre (a
# city-centre extract holds hundreds of those).
COMMUNITY_KINDS = (
    "community_centre",
    "school",
    "library",
    "worship",
    "healthcare",
    "sports_club",
    "market",
    "park",
    "playground",
    "garden",
    "square",
    "other",
)


# Amenities whose place kind is a broader one (a town hall is `other`, childcare a `school`):
# the place keeps what it is as a tag, and `--places gemeentehuis` takes these alone.
SUBKINDS = {
    "townhall": ("gemeentehuis", "town hall"),
    "childcare": ("kinderopvang", "childcare"),
    "kindergarten": ("kinderopvang", "childcare"),
    "arts_centre": ("cultuurcentrum", "arts centre"),
    "youth_centre": ("jongerencentrum", "youth centre"),
    "nursing_home": ("verpleeghuis", "nursing home"),
}


def place_subkind(tags) -> str:
    """The `SUBKINDS` key of a named amenity, or "" (most have none)."""
    amenity = tags.get("amenity")
    if amenity in SUBKINDS:
        return amenity
    if tags.get("social_facility") == "nursing_home":
        return "nursing_home"
    return ""


def place_kind(tags) -> str | None:
    amenity = tags.get("amenity")
    if amenity in _AMENITY_KINDS:
        return _AMENITY_KINDS[amenity]
    if tags.get("social_facility") in ("nursing_home", "assisted_living"):
        return "healthcare"  # a nursing home tagged by its building only
    if tags.get("club") == "sport":
        return "sports_club"
    leisure = tags.get("leisure")
    if leisure == "garden" and tags.get("garden:type") == "community":
        return "garden"
    if leisure in _LEISURE_KINDS:
        return _LEISURE_KINDS[leisure]
    if tags.get("shop"):
        return "shop"
    if tags.get("healthcare"):
        return "healthcare"
    if tags.get("place") == "square":
        return "square"
    return None
