"""workshop.printing.maps.build."""
