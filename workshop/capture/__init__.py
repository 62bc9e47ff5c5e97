"""What a person types or edits: the capture line, the forms, and how they reach the file.

    grammar      one capture line -> one `Capture`, without touching the file
    tokens       the line's tokens: words, quoted parts, markers, fields, arrows
    line         what a line comes to (`Capture`), its keywords and the examples refusals show
    words        what markers, fields and bare sounding-board values do to a `Capture`
    last         `~.`: the record the line before named
    session      what the session a capture goes into adds: its default consent
    fields       the `field:value` part: the fields, in Dutch and English, and their values
    resolve      what a name in a line means: one lookup in every named table
    record       captures into the file: names resolved, one transaction per line or batch
    preview      what a line will do, said before Enter
    forms        the fields of each kind of record as a form shows them
    edit         editing and deleting records by form, headless (what the TUI's forms call)
    bulk         many records at once (the lists' selection), and folding two into one
    messages     the capture line's and the forms' messages, in Dutch and English

May import: `file` and the foundation. Must not import `osm`, `analysis`, `exchange`,
`printing` or a front end.
"""

from workshop.capture import messages  # noqa: F401  (registers the package's messages)
