"""workshop.file."""
