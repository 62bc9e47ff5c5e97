"""workshop.osm.extract."""
