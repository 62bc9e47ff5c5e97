"""The messages of the field table: how a value of a field is refused, whichever way it came in
(the capture line, a form, a spreadsheet cell)."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "model",
    {
        "bad_influence": {
            "nl": "Invloed '{value}' kan niet: schrijf !0 t/m !5.",
            "en": "Influence '{value}' is not possible: write !0 to !5.",
        },
        "bad_strength": {
            "nl": "Sterkte '{value}' kan niet: schrijf !1, !2 of !3 (of sterkte:1-3).",
            "en": "Strength '{value}' is not possible: write !1, !2 or !3 (or strength:1-3).",
        },
        "bad_value": {
            "nl": "'{value}' kan niet bij {field}: kies uit {choices}.",
            "en": "'{value}' is not a {field}: choose from {choices}.",
        },
        "bad_number": {
            "nl": "'{value}' is geen geldig getal voor {field}.",
            "en": "'{value}' is not a valid number for {field}.",
        },
        "bad_coordinate": {
            "nl": "{field}:{value} ligt niet op aarde: breedte -90..90, lengte -180..180.",
            "en": "{field}:{value} is not on earth: latitude -90..90, longitude -180..180.",
        },
        "bad_date": {
            "nl": "Datum '{value}' niet herkend: schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-26.",
            "en": "Date '{value}' not recognised: write YYYY-MM-DD, for example 2026-11-26.",
        },
        "bad_card_ref": {
            "nl": "Kaartnummer '{value}' niet herkend: schrijf kaart 12.",
            "en": "Card number '{value}' not recognised: write card 12.",
        },
        # --- sticker:N (issue 15) ---
        "bad_sticker": {
            "nl": "Sticker '{value}' kan niet: schrijf sticker:1 t/m sticker:999.",
            "en": "Sticker '{value}' is not possible: write sticker:1 to sticker:999.",
        },
    },
)
