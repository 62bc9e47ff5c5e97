"""Files that carry a neighbourhood out of (and into) the program: Kumu sheets, CSV, JSON.

Every export passes each record through the one redaction (`workshop.file.redaction`, output
`export`): person names and contact details only where consent is `public`, never with
`anonymise`, and every free-text field without the names, phones and mails of the others.
"""

from workshop.exchange import messages  # noqa: F401  (registers the package's messages)
