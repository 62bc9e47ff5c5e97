"""`python -m workshop`: the same command as `workshop` (textual-serve starts the wall this way)."""

from workshop.cli import main

main()
