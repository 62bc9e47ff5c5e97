"""The words of the analyses: connectors, coverage, the sounding board, the plain-words story."""

from __future__ import annotations

from workshop.i18n import Catalogue

CATALOGUE = Catalogue(
    "analysis",
    {
        "conn_title": {
            "nl": "Verbinders in {name}: {actors} actoren, {ties} verbanden, {communities} groepen, "
            "{cuts} scharnierpunten",
            "en": "Connectors in {name}: {actors} actors, {ties} ties, {communities} groups, "
            "{cuts} articulation points",
        },
        "conn_legend": {
            "nl": "Tussen: aandeel kortste wegen tussen anderen dat via deze actor loopt (0-1). "
            "Brug: contacten met een andere rol of groep. ◆ scharnierpunt: zonder deze actor "
            "valt het netwerk uiteen.",
            "en": "Between: share of shortest paths between others that run through this actor "
            "(0-1). Bridge: contacts with another role or group. ◆ articulation point: "
            "without this actor the network falls apart.",
        },
        "conn_empty": {
            "nl": "Nog geen actoren in dit bestand: leg ze vast met a NAAM of importeer ze met "
            "workshop import --kumu.",
            "en": "No actors in this file yet: capture them with a NAME or import them with "
            "workshop import --kumu.",
        },
        "conn_story": {"nl": "Wie verbindt wie:", "en": "Who connects whom:"},
        "cov_title": {
            "nl": "Klankbord van {name}: {dims} ({cells} combinaties)",
            "en": "Sounding board of {name}: {dims} ({cells} combinations)",
        },
        "cov_people": {
            "nl": "{participants} deelnemers, {candidates} kandidaten; gedekt: {covered} van {cells} "
            "combinaties.",
            "en": "{participants} participants, {candidates} candidates; covered: {covered} of "
            "{cells} combinations.",
        },
        "cov_incomplete": {
            "nl": "Niet ingedeeld (een dimensie ontbreekt): {participants} deelnemers, "
            "{candidates} kandidaten.",
            "en": "Not placed (a dimension is missing): {participants} participants, "
            "{candidates} candidates.",
        },
        "cov_key": {
            "nl": "Per combinatie: deelnemers + aangemelde kandidaten, (uitgenodigd), · leeg.",
            "en": "Per combination: participants + accepted candidates, (invited), · empty.",
        },
        "cov_gaps": {"nl": "Lege combinaties ({count}):", "en": "Empty combinations ({count}):"},
        "cov_no_gaps": {"nl": "Geen lege combinaties.", "en": "No empty combinations."},
        "cov_pending": {"nl": "{count} uitgenodigd", "en": "{count} invited"},
        "cov_no_suggestion": {
            "nl": "niemand in het bestand die deze groep bereikt",
            "en": "nobody in the file reaches this group",
        },
        "cov_nobody": {
            "nl": "Nog geen deelnemers of kandidaten vastgelegd: alle combinaties zijn leeg.",
            "en": "No participants or candidates recorded yet: every combination is empty.",
        },
        "coverage_no_board": {
            "nl": "{name} heeft geen klankbord-dimensies; voeg ze toe met: workshop board FILE "
            '--set woningtype "rijwoning, appartement, vrijstaand"',
            "en": "{name} has no sounding-board dimensions; add them with: workshop board FILE "
            '--set housing "terraced, apartment, detached"',
        },
        "coverage_too_large": {
            "nl": "Het klankbord heeft {cells} combinaties; dat zijn er te veel om te tonen "
            "(hooguit {limit}). Verwijder een dimensie met workshop board FILE --remove.",
            "en": "The sounding board has {cells} combinations, too many to show (at most "
            "{limit}). Remove a dimension with workshop board FILE --remove.",
        },
        "board_bad_values": {
            "nl": "Geef de waarden met komma's, elk als nederlands|engels: "
            '"rijwoning|terraced, flat|apartment".',
            "en": "Give the values separated by commas, each as dutch|english: "
            '"rijwoning|terraced, flat|apartment".',
        },
        "board_too_many": {
            "nl": "Hooguit {limit} waarden per dimensie.",
            "en": "At most {limit} values per dimension.",
        },
        "board_duplicate": {
            "nl": "Waarde '{value}' staat er twee keer in.",
            "en": "Value '{value}' appears twice.",
        },
        "board_unknown": {
            "nl": "Het klankbord heeft geen dimensie '{dim}'; wel: {known}.",
            "en": "The sounding board has no dimension '{dim}'; it has: {known}.",
        },
        "board_bad_key": {
            "nl": "'{dim}' kan geen naam van een dimensie zijn: gebruik letters, cijfers en _.",
            "en": "'{dim}' cannot name a dimension: use letters, digits and _.",
        },
        "story_group": {"nl": "de groep rond {name}", "en": "the group around {name}"},
        "story_between": {
            "nl": "{name}{role} ligt op {pct} van de kortste wegen tussen andere actoren.",
            "en": "{name}{role} lies on {pct} of the shortest paths between other actors.",
        },
        "story_bridges": {
            "nl": "{name} verbindt de eigen groep met {groups}.",
            "en": "{name} connects its own group with {groups}.",
        },
        "story_cut": {
            "nl": "Zonder {name} raken {count} actoren los van de rest: {names}.",
            "en": "Without {name}, {count} actors lose their link to the rest: {names}.",
        },
        "story_cut_one": {
            "nl": "Zonder {name} raakt {names} los van de rest.",
            "en": "Without {name}, {names} loses the link to the rest.",
        },
        "story_contacts": {
            "nl": "{name} heeft {degree} directe contacten, waarvan {cross} met een andere rol "
            "of groep.",
            "en": "{name} has {degree} direct contacts, {cross} of them with another role or group.",
        },
        "story_contacts_all": {
            "nl": "{name} heeft {degree} directe contacten, allemaal met een andere rol of groep.",
            "en": "{name} has {degree} direct contacts, all with another role or group.",
        },
        "story_contacts_plain": {
            "nl": "{name} heeft {degree} directe contacten.",
            "en": "{name} has {degree} direct contacts.",
        },
        "story_none": {
            "nl": "Er zijn nog geen verbanden tussen actoren vastgelegd, dus nog geen verbinders.",
            "en": "No ties between actors have been recorded yet, so there are no connectors yet.",
        },
        "story_more": {"nl": "en {count} anderen", "en": "and {count} others"},
        # --- coverage: why a person could fill a gap, the connectors table's header
        "cov_by_role": {"nl": "{value} (rol: {role})", "en": "{value} (role: {role})"},
        "cov_by_groups": {"nl": "{value} (groepen: {groups})", "en": "{value} (groups: {groups})"},
        "conn_col_name": {"nl": "Naam", "en": "Name"},
        "conn_col_role": {"nl": "Rol", "en": "Role"},
        "conn_col_between": {"nl": "Tussen", "en": "Between"},
        "conn_col_contacts": {"nl": "Contact", "en": "Contacts"},
        "conn_col_group": {"nl": "Groep", "en": "Group"},
        "conn_col_bridge": {"nl": "Brug", "en": "Bridge"},
        # --- connectors of a large network: the betweenness is an estimate
        "conn_estimated": {
            "nl": "Groot netwerk: 'Tussen' is geschat vanuit {pivots} van de {actors} actoren "
            "(steekproef; elke waarde in de top {top} ligt met 95% zekerheid binnen ±{error} van "
            "de exacte); groepen door labelpropagatie.",
            "en": "Large network: 'Between' is estimated from {pivots} of the {actors} actors "
            "(a sample; every value in the top {top} is within ±{error} of the exact one with "
            "95% confidence); groups by label propagation.",
        },
        "conn_thousands_mark": {"nl": ".", "en": ","},
        "conn_decimal_mark": {"nl": ",", "en": "."},
        "conn_estimated_unstable": {
            "nl": "De volgorde van de top {top} was na {pivots} steekproefactoren nog niet stabiel: "
            "actoren die minder dan ±{error} verschillen kunnen van plaats wisselen.",
            "en": "The top {top} had not settled after {pivots} sampled actors: actors less than "
            "±{error} apart may swap places.",
        },
        "conn_large_wait": {
            "nl": "Groot netwerk ({actors} actoren, {ties} verbanden): de verbinders berekenen "
            "duurt even...",
            "en": "Large network ({actors} actors, {ties} ties): working out the connectors "
            "takes a while...",
        },
        "conn_large_exact": {
            "nl": "Groot netwerk: 'Tussen' is toch exact: de top {top} veranderde bij elke "
            "steekproefronde, dus zijn alle {actors} actoren meegeteld; groepen door "
            "labelpropagatie.",
            "en": "Large network: 'Between' is exact after all: the top {top} changed with every "
            "round of sampled actors, so all {actors} actors were counted; groups by label "
            "propagation.",
        },
    },
)
