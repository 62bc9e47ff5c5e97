"""workshop.osm.extract."""

from workshop.osm import messages  # noqa: F401  (registers the package's messages)
