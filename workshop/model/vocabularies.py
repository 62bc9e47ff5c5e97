"""The vocabularies of the neighbourhood file, with their Dutch and English words.

A value is stored by its English key (`community_centre`); people type and read it in Dutch or
English (`#buurthuis`, `#community-centre`). `Vocabulary.lookup` is forgiving about case,
accents, spaces, hyphens and underscores; a word it does not know is kept as a tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workshop.text import normalise

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Term:
    key: str
    nl: str
    en: str
    synonyms: tuple[str, ...] = ()
    implies: str | None = None  # for roles: the actor type the role implies

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@lru_cache(maxsize=4096)
def _word_key(word: str) -> str:
    return re.sub(r"[\s_\-'.]+", "", normalise(word))


class Vocabulary:
    def __init__(self, name: str, terms: list[Term]):
        self.name = name
        self.terms = terms
        self._by_key = {t.key: t for t in terms}
        self._index: dict[str, Term] = {}
        for term in terms:
            for word in (term.key, term.nl, term.en, *term.synonyms):
                self._index.setdefault(_word_key(word), term)

    def lookup(self, word: str) -> Term | None:
        return self._index.get(_word_key(word))

    def __getitem__(self, key: str) -> Term:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def keys(self) -> list[str]:
        return [t.key for t in self.terms]

    def label(self, key: str | None, lang: str) -> str:
        if key is None:
            return ""
        term = self._by_key.get(key)
        return term.label(lang) if term else key

    def words(self, lang: str) -> list[str]:
        """The words a person types, in a language, for help texts and autocomplete."""
        return [t.label(lang).replace(" ", "-") for t in self.terms]


PLACE_KINDS = Vocabulary(
    "place kind",
    [
        Term(
            "community_centre",
            "buurthuis",
            "community centre",
            ("wijkcentrum", "buurtcentrum", "wijkgebouw", "community center", "buurthuiskamer"),
        ),
        Term("school", "school", "school", ("basisschool", "middelbare school", "college")),
        Term(
            "sports_club",
            "sportclub",
            "sports club",
            ("sportvereniging", "sportpark", "sporthal", "voetbalclub", "sportveld", "gym"),
        ),
        Term("shop", "winkel", "shop", ("winkelcentrum", "supermarkt", "bakker", "store")),
        Term("market", "markt", "market", ("weekmarkt",)),
        Term("library", "bibliotheek", "library", ("bieb",)),
        Term(
            "worship",
            "gebedshuis",
            "place of worship",
            ("kerk", "moskee", "synagoge", "tempel", "church", "mosque", "worship"),
        ),
        Term("park", "park", "park", ("groen", "plantsoen", "green", "bos", "grasveld")),
        Term("square", "plein", "square", ()),
        Term("playground", "speeltuin", "playground", ("speelplek", "speelveld")),
        Term("garden", "buurttuin", "community garden", ("moestuin", "volkstuin", "tuin")),
        Term(
            "healthcare",
            "zorg",
            "healthcare",
            ("gezondheidscentrum", "huisarts", "apotheek", "zorgcentrum", "health"),
        ),
        Term("cafe", "café", "café", ("cafe", "kroeg", "restaurant", "eetcafé", "koffiehuis")),
        Term("other", "overig", "other", ("anders",)),
    ],
)

THEMES = Vocabulary(
    "theme",
    [
        Term(
            "energy_saving",
            "besparing",
            "energy saving",
            ("energiebesparing", "besparen", "energie besparen", "saving", "isolatie"),
        ),
        Term(
            "energy_generation",
            "opwek",
            "energy generation",
            ("energieopwekking", "opwekking", "zonnepanelen", "zon", "wind", "generation"),
        ),
        Term("heat", "warmte", "heat", ("warmtenet", "aardgasvrij", "gasvrij", "heating")),
        Term("mobility", "mobiliteit", "mobility", ("deelauto", "vervoer", "fiets")),
        Term("greening", "vergroening", "greening", ("groen", "green", "klimaatadaptatie")),
        Term("social", "sociaal", "social", ("ontmoeting", "buurt")),
        Term("care", "zorg", "care", ("welzijn",)),
        Term("other", "overig", "other", ("anders",)),
    ],
)

STATUSES = Vocabulary(
    "status",
    [
        Term("idea", "idee", "idea", ("plan",)),
        Term("active", "actief", "active", ("lopend", "loopt", "running")),
        Term("inactive", "inactief", "inactive", ("slapend", "sleeping", "dormant")),
        Term("stopped", "gestopt", "stopped", ("beëindigd", "afgerond", "ended", "done")),
    ],
)

ACTOR_TYPES = Vocabulary(
    "actor type",
    [
        Term("person", "persoon", "person", ("mens",)),
        Term(
            "organisation",
            "organisatie",
            "organisation",
            ("org", "organization", "instelling", "groep", "group"),
        ),
    ],
)

ROLES = Vocabulary(
    "role",
    [
        Term(
            "key_figure",
            "sleutelfiguur",
            "key figure",
            ("spil", "verbinder", "connector"),
            "person",
        ),
        Term("resident", "bewoner", "resident", ("buurtbewoner", "wijkbewoner"), "person"),
        Term(
            "residents_org",
            "bewonersorganisatie",
            "residents' organisation",
            (
                "bewonerscommissie",
                "wijkraad",
                "buurtraad",
                "bewonersvereniging",
                "residents organisation",
                "residents organization",
            ),
            "organisation",
        ),
        Term("association", "vereniging", "association", ("club", "stichting"), "organisation"),
        Term("sports_club", "sportclub", "sports club", ("sportvereniging",), "organisation"),
        Term(
            "welfare",
            "welzijnsorganisatie",
            "welfare organisation",
            ("welzijn", "welfare", "opbouwwerk", "welfare organization"),
            "organisation",
        ),
        Term(
            "housing_corporation",
            "woningcorporatie",
            "housing corporation",
            ("corporatie", "woningbouwvereniging", "housing association"),
            "organisation",
        ),
        Term("school", "school", "school", ("basisschool",), "organisation"),
        Term("healthcare", "zorg", "healthcare", ("huisarts", "zorgorganisatie", "gp")),
        Term("business", "ondernemer", "business", ("bedrijf", "winkelier", "ondernemen")),
        Term(
            "faith",
            "geloofsgemeenschap",
            "faith community",
            ("kerk", "moskee", "parochie", "faith", "church", "mosque"),
            "organisation",
        ),
        Term(
            "energy_coop",
            "energiecoöperatie",
            "energy co-operative",
            ("coöperatie", "energy coop", "energy cooperative", "energiecoop"),
            "organisation",
        ),
        Term("library", "bibliotheek", "library", ("bieb",), "organisation"),
        Term("municipality", "gemeente", "municipality", ("council",), "organisation"),
        Term(
            "professional",
            "professional",
            "professional",
            (
                "beroepskracht",
                "wijkmanager",
                "opbouwwerker",
                "wijkagent",
                "buurtcoach",
                "leerkracht",
                "juf",
                "meester",
                "wijkverpleegkundige",
            ),
            "person",
        ),
        Term("other", "overig", "other", ("anders",)),
    ],
)

ACTOR_TIE_KINDS = Vocabulary(
    "tie kind",
    [
        Term("knows", "kent", "knows", ("kennen", "bekend")),
        Term(
            "works_with",
            "werkt samen",
            "works with",
            ("samenwerking", "werktmet", "werkt met", "samen", "collaborates"),
        ),
        Term("member_of", "lid van", "member of", ("lid", "member")),
        Term("funds", "financiert", "funds", ("sponsort", "subsidieert", "betaalt", "sponsors")),
        Term("trusts", "vertrouwt", "trusts", ("vertrouwen", "trust")),
        Term("informs", "informeert", "informs", ("informatie", "inform", "vertelt")),
    ],
)

INITIATIVE_TIE_KINDS = Vocabulary(
    "involvement",
    [
        Term("drives", "trekt", "drives", ("trekker", "leidt", "drijft", "lead", "leads")),
        Term("supports", "steunt", "supports", ("ondersteunt", "helpt", "support", "helps")),
    ],
)

PLACE_TIE_KINDS = Vocabulary(
    "presence",
    [
        Term("meets_at", "ontmoet", "meets at", ("komt", "komt bij", "ontmoet bij", "meets")),
        Term("runs", "beheert", "runs", ("runt", "exploiteert", "beheer", "manages")),
    ],
)

DIRECTIONS = Vocabulary(
    "direction",
    [
        Term("directed", "gericht", "directed"),
        Term("mutual", "wederzijds", "mutual"),
        Term("undirected", "ongericht", "undirected"),
    ],
)

CONSENT = Vocabulary(
    "consent",
    [
        Term("none", "geen", "none", ("nee", "no")),
        Term("internal", "intern", "internal"),
        Term("print", "print", "print", ("papier", "afdrukken", "drukwerk", "paper")),
        Term("public", "openbaar", "public", ("publiek",)),
    ],
)
CONSENT_ORDER = ("none", "internal", "print", "public")

SENTIMENTS = Vocabulary(
    "sentiment",
    [
        Term("valued", "gewaardeerd", "valued", ("waardevol", "fijn", "positief", "positive")),
        Term("concern", "zorgpunt", "concern", ("zorgen", "probleem", "negatief", "negative")),
    ],
)

BOARD_STATUSES = Vocabulary(
    "candidate status",
    [
        Term("invited", "uitgenodigd", "invited", ("benaderd",)),
        Term("accepted", "aangemeld", "accepted", ("ja", "yes", "doet mee", "joined")),
        Term("declined", "afgemeld", "declined", ("nee", "no", "bedankt", "afgewezen")),
    ],
)

TENURES = Vocabulary(
    "tenure",
    [
        Term("owner", "koop", "owner-occupied", ("koopwoning", "eigenaar", "eigen woning", "own")),
        Term("social_rent", "sociale huur", "social rent", ("corporatie", "huur corporatie")),
        Term("private_rent", "particuliere huur", "private rent", ("huur", "rent", "vrije sector")),
    ],
)

FLAGS = Vocabulary(
    "flag",
    [
        Term("ambassador", "ambassadeur", "ambassador", ()),
        Term("startmotor", "startmotor", "startmotor", ("starter", "kickstarter")),
    ],
)


@dataclass(frozen=True)
class Dimension:
    """A sounding-board dimension: a key, its labels and its values (as Terms)."""

    key: str
    nl: str
    en: str
    values: tuple[Term, ...]

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en

    def lookup(self, word: str) -> Term | None:
        wanted = _word_key(word)
        for term in self.values:
            if wanted in {_word_key(w) for w in (term.key, term.nl, term.en, *term.synonyms)}:
                return term
        return None


# Zeist's matrix for Austerlitz: housing types x life stages x household compositions.
# 3 x 4 x 3 = 36 combinations, one invitation per combination.
DEFAULT_DIMENSIONS = (
    Dimension(
        "housing",
        "woningtype",
        "housing type",
        (
            Term(
                "terraced",
                "rijwoning",
                "terraced house",
                ("eengezinswoning", "rijtjeshuis", "tussenwoning", "hoekwoning"),
            ),
            Term("apartment", "appartement", "apartment", ("flat", "etage", "portiekflat")),
            Term(
                "detached",
                "vrijstaand",
                "detached house",
                ("twee-onder-een-kap", "2-onder-1-kap", "semi-detached", "villa"),
            ),
        ),
    ),
    Dimension(
        "life_stage",
        "levensfase",
        "life stage",
        (
            Term("young_adult", "jongvolwassen", "young adult", ("starter", "student", "jong")),
            Term(
                "young_children",
                "jonge kinderen",
                "young children",
                ("gezin met jonge kinderen", "jong gezin"),
            ),
            Term(
                "older_children",
                "oudere kinderen",
                "older children",
                ("gezin met oudere kinderen", "tieners", "teenagers"),
            ),
            Term("senior", "senior", "senior", ("oudere", "gepensioneerd", "retired", "65+")),
        ),
    ),
    Dimension(
        "household",
        "huishouden",
        "household",
        (
            Term("single", "alleenstaand", "single", ("alleen", "eenpersoons", "one person")),
            Term("couple", "stel", "couple", ("samenwonend", "getrouwd", "partners")),
            Term("family", "gezin", "family", ("met kinderen", "eenoudergezin", "with children")),
        ),
    ),
)


# The grid of the printed map: columns A.., rows 1..
MAX_GRID_COLS = 26
MAX_GRID_ROWS = 99
_CELL = re.compile(r"^([A-Za-z])([0-9]{1,2})$")


@dataclass(frozen=True)
class Grid:
    cols: int = 8
    rows: int = 6

    def parse_cell(self, text: str) -> str | None:
        """`c4` -> `C4` when the cell is on this grid, else None."""
        m = _CELL.match(text.strip())
        if not m:
            return None
        col = ord(m.group(1).upper()) - ord("A")
        row = int(m.group(2))
        if col >= self.cols or not 1 <= row <= self.rows:
            return None
        return f"{m.group(1).upper()}{row}"

    @property
    def last_cell(self) -> str:
        return f"{chr(ord('A') + self.cols - 1)}{self.rows}"

    def cells(self) -> list[str]:
        return [
            f"{chr(ord('A') + c)}{r}" for r in range(1, self.rows + 1) for c in range(self.cols)
        ]

    @staticmethod
    def from_text(text: str) -> Grid:
        """`8x6` -> Grid(8, 6); ValueError when it is not a grid this file can hold."""
        m = re.fullmatch(r"\s*(\d{1,3})\s*[xX×]\s*(\d{1,3})\s*", text)
        if not m:
            raise ValueError(text)
        cols, rows = int(m.group(1)), int(m.group(2))
        if not (1 <= cols <= MAX_GRID_COLS and 1 <= rows <= MAX_GRID_ROWS):
            raise ValueError(text)
        return Grid(cols, rows)
