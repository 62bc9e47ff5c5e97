"""The base map and the result map: one poster (A4 to A0), or tiled over A4 sheets.

    frame        where a map goes on its page; the projection of the extent onto it
    labels       street names along their streets, without collisions
    draw         OSM features as PDF paths, and the grid
    coast        the sea from coastlines (water to their right), islands on it
    markers      the result map's numbered markers, packed inside their cells
    key          the result map's key: names wrapped in as few columns as hold them
    content      `MapContent` (what a map shows, read once) and `Prepared` (the bottom)
    furniture    north arrow, scale bar, attribution, page line, legend samples, captions
    panel        the panel beside or under a map: title, legend or key, QR codes, scale bar
    page         one map page: `prepare` a layout once, `draw_page` frame and panel
    sheets       each printed sheet's print record, corner markers and sheet code (scan)
    tiles        a poster on A4 sheets: an overview page, then the tiles
    build        `print_map` and `print_result_map`

Arrows: build -> tiles -> sheets -> page -> panel -> furniture -> content -> key -> markers,
labels, draw -> coast, frame. May import the rest of `printing` (`markers` takes the cards' ink
colours) and below.
"""
