"""The paper round trip: machine-readable markers drawn on printed sheets, and found again in
a photograph of the paper after the evening.

    markers      the marker families (stickers, sheet corners) and each marker's bits
    detect       finding markers in a photo with OpenCV's ArUco detector, sub-pixel corners
    sheetmarks   where a sheet's four corner markers go, and the sheet and corner their ids name
    rectify      from a photo back to the page: the homography the visible corners give
    record       the print record: what a printed sheet was, stored so a photo maps to the ground
    cardmarks    where an initiative card's four corner markers go, and the card their ids name
    cards        photos of cards: found, rectified, their QR read, their handwriting kept
    cardstore    a card photo kept with its initiative (`attach`), and found again
    card_messages  the card photos' messages, in Dutch and English
    photo        reading a photo safely: size checked before decoding, HEIC, one clear line
    look         what one photo shows: its sheets, the stickers on them, its problems
    scan         `workshop scan`: photos in, per sticker a decision, one undoable write
    report       the scan's report: a line per sticker (nl/en), and JSON
    messages     the scan's messages, in Dutch and English

OpenCV is imported only here, and only when a marker is drawn or looked for. Headless.
"""
