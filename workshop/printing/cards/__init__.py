"""workshop.printing.cards.build."""
