"""One screen per module, each with its styles in a .tcss file next to it.

    base         what every main screen shares (status bar, footer, catching up); dialogs
    capture      F2: the capture line, what Enter will make of it, the latest captures
    browse       F3: the lists, to find, sort and edit records
    map          F4: the grid as the printed map has it
    network      F5: the actors ranked as connectors
    board        F6: the sounding board's coverage
    session      F7: name the running session or continue an earlier one
    help         F1: how to write a capture line
    form         a form for one record
    near         is this new name one that is already there?
    confirm      asked once before a record is deleted
    choose       choose one of a few things (what to print, which export)
    set_field    set one field of the chosen rows of a list at once
    fold         asked before two records are folded into one
    scan         photos of the posters back in (`workshop scan`), its report shown

Screens see the app through `workshop.tui.host`, never `workshop.tui.app`.
"""
