"""Colours of actor roles, shared by the network poster, the summary and the GEXF export, so an
actor has the same colour on paper and in Gephi. Okabe-Ito's colour-blind-safe set first, for
the roles that occur most; the rest are further apart in lightness."""

from __future__ import annotations

ROLE_COLOURS: dict[str | None, tuple[int, int, int]] = {
    "key_figure": (213, 94, 0),  # vermilion
    "resident": (230, 159, 0),  # orange
    "residents_org": (0, 114, 178),  # blue
    "association": (86, 180, 233),  # sky blue
    "sports_club": (0, 158, 115),  # bluish green
    "welfare": (204, 121, 167),  # reddish purple
    "housing_corporation": (120, 94, 60),  # brown
    "school": (240, 228, 66),  # yellow
    "healthcare": (178, 34, 34),  # firebrick
    "business": (95, 95, 95),  # grey
    "faith": (117, 112, 179),  # purple
    "energy_coop": (27, 120, 55),  # dark green
    "library": (0, 80, 120),  # dark blue
    "municipality": (40, 40, 40),  # near black
    "other": (170, 170, 170),  # light grey
    None: (200, 200, 200),
}


def role_colour(role: str | None) -> tuple[int, int, int]:
    return ROLE_COLOURS.get(role, ROLE_COLOURS["other"])


def role_colour_float(role: str | None) -> tuple[float, float, float]:
    red, green, blue = role_colour(role)
    return red / 255, green / 255, blue / 255
