"""Analyses of a neighbourhood file: who connects it (connectors), whom the sounding board
reaches (coverage). Plain functions on a Store; nothing here writes."""
