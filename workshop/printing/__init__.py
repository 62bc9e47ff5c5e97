"""Printouts with reportlab: initiative cards, blank cards, base maps and result maps.

Layout is drawn from plain records and a template (`templates/*.toml`), so a municipality can
change colours, fonts, texts and card fields without touching code. Every PDF is written to a
temporary file and moved into place only when complete.
"""

from workshop.printing import messages  # noqa: F401  (registers the printouts' messages)
