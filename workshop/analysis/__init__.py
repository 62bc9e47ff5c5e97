"""Analyses of a neighbourhood file: who connects it (connectors), whom the sounding board
reaches (coverage). Plain functions on a Store; nothing here writes."""

from workshop.analysis import messages  # noqa: F401  (registers the package's messages)
