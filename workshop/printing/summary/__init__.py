"""The PDF summary (`workshop print summary`), for the municipality and the participants.

    texts        the summary's words, Dutch and English
    data         `SummaryData`: the file read once through the paper's redaction (the bottom)
    parts        `Parts`: what every section needs (styles, fonts, helpers); initiative rows
    hyphens      lines broken where Dutch or English hyphenates (pyphen), for tables and
                 shaped text
    figures      the network picture and the map of places, as flowables
    followup     follow-up points: what was agreed, what the analyses suggest
    appendix     every record of the file, as far as it may go on paper
    sections     the sections in order, as platypus flowables
    cardpages    the cards as the residents wrote them (photos), only when asked for
    build        `print_summary`: the sections laid out on numbered pages

Arrows: build -> cardpages -> parts; build -> sections -> appendix, followup, figures -> parts -> hyphens, data. May import the
rest of `printing` (the maps' content, the network picture), `analysis` and below.
"""

from workshop.printing.summary import texts  # noqa: F401  (registers the summary's words)
