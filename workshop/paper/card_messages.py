"""The messages of the card photos (`workshop.paper.cards`, `cardstore`): what a scan of a
card says, and the refusals a user can cause."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "cardphotos",
    {
        "card_photo_unread": {
            "nl": "een kaart gevonden, maar de QR-code is onleesbaar (beschreven of bedekt):"
            " maak de foto opnieuw met de QR-code vrij",
            "en": "a card was found, but its QR code cannot be read (written over or covered):"
            " take the photo again with the QR code clear",
        },
        "card_photo_kept": {
            "nl": "kaart {number} → handschrift bewaard bij {name}",
            "en": "card {number} → handwriting kept with {name}",
        },
        "card_photo_replaced": {
            "nl": "kaart {number} → handschrift bewaard bij {name} (vervangt de vorige foto)",
            "en": "card {number} → handwriting kept with {name} (replaces the earlier photo)",
        },
        "card_photo_waiting": {
            "nl": "kaart {number} → handschrift bewaard; er is nog geen initiatief met dit"
            " nummer: leg het vast met  i NAAM kaart:{number}",
            "en": "card {number} → handwriting kept; no initiative has this number yet:"
            " capture it with  i NAME card:{number}",
        },
        "card_photo_none": {
            "nl": "geen kaart van workshop gevonden in {path}",
            "en": "no workshop card found in {path}",
        },
        # shown where a card photo exists (the TUI, the summary)
        "card_photo": {"nl": "kaartfoto", "en": "card photo"},
        "card_photo_caption": {
            "nl": "Kaart {number}, zoals de bewoner het schreef",
            "en": "Card {number}, as the resident wrote it",
        },
    },
)
