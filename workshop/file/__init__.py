"""workshop.file."""

from workshop.file import messages  # noqa: F401  (registers the package's messages)
