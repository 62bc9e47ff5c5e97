"""workshop.capture.grammar."""

from workshop.capture import messages  # noqa: F401  (registers the package's messages)
