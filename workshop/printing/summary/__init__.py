"""workshop.printing.summary.build."""
