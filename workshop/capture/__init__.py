"""workshop.capture.grammar."""
