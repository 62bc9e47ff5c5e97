"""Analyses of a neighbourhood file: who connects it (connectors), whom the sounding board
reaches (coverage). Plain functions on a Store; nothing here writes.

    connectors   betweenness, degree, articulation points, communities, brokerage
    large        a municipality's network: sampled betweenness with its error, label propagation
    brandes      Brandes's betweenness compiled (numba), on every core, for the large networks
    folding      actors with one tie folded out of those searches, exactly (weights, tree terms)
    propagation  label propagation compiled (numba): the large networks' communities
    arrays       the graph as neighbour arrays, for those compiled searches
    coverage     the sounding board's matrix: counts per cell, gaps, who could fill them
    board        editing the sounding board's dimensions (`workshop board`)
    story        connectors in plain words, for the terminal and the summary
    report       the analyses as terminal text and as JSON
    messages     the analyses' words, in Dutch and English

May import: `osm`, `capture`, `file` and the foundation. Must not import `exchange`,
`printing` or a front end (the printouts and the exports use the analyses, not the reverse).
"""

from workshop.analysis import messages  # noqa: F401  (registers the package's messages)
