"""Printouts with reportlab: initiative cards, blank cards, base maps and result maps, the
network poster and the PDF summary.

Layout is drawn from plain records and a template (`templates/*.toml`), so a municipality can
change colours, fonts, texts and card fields without touching code. Every PDF is written to a
temporary file and moved into place only when complete.

    cards/         initiative cards and blank cards (their records in `cards.data`)
    maps/          base map and result map, as one poster or tiled (data in `maps.content`)
    summary/       the PDF summary (its data gathered once in `summary.data`)
    network        the network poster, and the picture the summary reuses
    stickers       numbered stickers for the poster on a label sheet, numbers reserved
    numbering      one number per place and initiative, the same on every printout
    netpicture     the network as data: who is on it, eight colour groups, layout and packing
    netdraw        drawing the network picture: ties by kind and direction, marks, names
    netkey         the network picture's key, its connectors and actors without ties
    key            the confidential key: which person each pseudonym on paper stands for
    table          every printout: what it is, its function, default paper, file name
    sheet          paper sizes, writing a PDF whole, a canvas that records what went where
    fonts          the bundled fonts, and text that never loses a character
    shaping        text in every script: font fallback per run, bidi order, HarfBuzz shaping
    outlines       glyph outlines as PDF paths: halos that are drawings, not a second text
    pdfdoc         flowing documents on platypus (numbered pages, outline, tables)
    qr             QR codes as one vector path each
    colours        colours parsed once
    templates      the templates: colours, fonts, logo, texts and card fields, in TOML
    messages       the printouts' messages

Each sub-package keeps its shared data at the bottom: the modules that draw import the data
module, never the module that prints. May import: `exchange`, `analysis`, `osm`, `capture`,
`file` and the foundation. Must not import `demo` or a front end.
"""

from workshop.printing import messages  # noqa: F401  (registers the printouts' messages)
