"""workshop.printing.summary.build."""

from workshop.printing.summary import texts  # noqa: F401  (registers the summary's words)
