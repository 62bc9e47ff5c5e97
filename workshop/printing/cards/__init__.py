"""Initiative cards and numbered blank cards (A6, four to an A4, or one per page).

    data         `CardData` and `Person`: what a card shows, as plain records (the bottom)
    parts        the bodies of the cards: a filled card's blocks, a blank card's ruled fields
    marks        the four corner markers a photo of the card is rectified from
    build        the records from the file, the header and footer, the pages, `print_cards`

Arrows: build -> parts -> data; build -> marks. May import the rest of `printing` and below.
"""
