"""Files that carry a neighbourhood out of (and into) the program: Kumu sheets, CSV, JSON.

Every export passes each record through `workshop.privacy` for the `export` audience: person
names and contact details only where consent is `public`, and never with `anonymise`.
"""
