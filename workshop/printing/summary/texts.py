"""The words of the PDF summary, Dutch and English (the neighbourhood's language decides)."""

from __future__ import annotations

from workshop.i18n import Catalogue

MONTHS = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def long_date(iso: str, lang: str) -> str:
    """2026-10-08 -> 8 oktober 2026 (October 8, 2026 would be American; 8 October 2026)."""
    try:
        year, month, day = (int(p) for p in iso[:10].split("-"))
        # the file's language; another language gets the English names, as `i18n.t` does
        return f"{day} {MONTHS.get(lang, MONTHS['en'])[month - 1]} {year}"
    except (ValueError, IndexError):
        return iso


CATALOGUE = Catalogue(
    "summary",
    {
        "sum_title": {"nl": "Wijkverkenning {name}", "en": "Neighbourhood mapping: {name}"},
        "sum_subtitle": {
            "nl": "Informele netwerken, verbinders, plekken en initiatieven in kaart gebracht",
            "en": "Informal networks, connectors, places and initiatives mapped",
        },
        "sum_municipality": {"nl": "Gemeente {name}", "en": "Municipality of {name}"},
        "sum_sessions": {"nl": "Bijeenkomsten", "en": "Sessions"},
        "sum_no_sessions": {
            "nl": "Nog geen bijeenkomsten vastgelegd.",
            "en": "No sessions recorded yet.",
        },
        "sum_table": {"nl": "tafel {table}", "en": "table {table}"},
        "sum_made": {"nl": "Opgesteld op {date}.", "en": "Prepared on {date}."},
        "sum_privacy": {
            "nl": "Dit verslag noemt personen alleen bij naam als zij daarvoor toestemming gaven. "
            "Anderen staan erin met hun rol en een code, bijvoorbeeld 'Bewoner 3F2A'.",
            "en": "This report names persons only where they consented to it. Others appear by "
            "their role and a code, for example 'Resident 3F2A'.",
        },
        "sum_contents": {"nl": "Inhoud", "en": "Contents"},
        "sum_footer": {"nl": "{name} · wijkverkenning", "en": "{name} · neighbourhood mapping"},
        "sum_page": {"nl": "blad {page} van {pages}", "en": "page {page} of {pages}"},
        # --- what was done
        "sum_done": {"nl": "Wat we hebben gedaan", "en": "What we did"},
        "sum_done_1": {
            "nl": "In {sessions} ({dates}) brachten bewoners, ondernemers en organisaties uit "
            "{name} samen hun buurt in kaart. Aan {tables} wezen zij op een plattegrond met "
            "vakken de plekken aan die ertoe doen, vertelden zij over initiatieven die al "
            "lopen, en lieten zij zien wie wie kent.",
            "en": "In {sessions} ({dates}) residents, businesses and organisations of {name} "
            "mapped their neighbourhood together. At {tables} they marked the places that "
            "matter on a map with a grid, told about initiatives already running, and showed "
            "who knows whom.",
        },
        "sum_sessions_n": {"nl": "{n} bijeenkomsten", "en": "{n} sessions"},
        "sum_session_1": {"nl": "één bijeenkomst", "en": "one session"},
        "sum_tables_n": {"nl": "{n} tafels", "en": "{n} tables"},
        "sum_table_1": {"nl": "één tafel", "en": "one table"},
        "sum_done_2": {
            "nl": "Zo ontstaat een beeld van de informele netwerken in de wijk: wie groepen "
            "verbindt die elkaar anders niet tegenkomen, wie invloed heeft, en welke groepen "
            "nog niet bereikt zijn. Dat helpt om de wijkaanpak te laten aansluiten bij wat er "
            "al is.",
            "en": "This gives a picture of the informal networks in the neighbourhood: who connects "
            "groups that would not otherwise meet, who has influence, and which groups have "
            "not been reached yet. It helps the neighbourhood approach build on what is "
            "already there.",
        },
        "sum_done_3": {
            "nl": "We werkten met community mapping op de kaart, initiatiefkaarten voor lopende "
            "initiatieven en een klankbordanalyse naar {dims}.",
            "en": "We used community mapping on the map, initiative cards for running initiatives "
            "and a sounding-board analysis by {dims}.",
        },
        "sum_done_none": {
            "nl": "Er zijn nog geen bijeenkomsten vastgelegd; dit verslag laat zien wat het bestand "
            "tot nu toe bevat.",
            "en": "No sessions have been recorded yet; this report shows what the file holds so far.",
        },
        # --- numbers
        "sum_numbers": {"nl": "In getallen", "en": "In numbers"},
        "sum_what": {"nl": "Wat", "en": "What"},
        "sum_count": {"nl": "Aantal", "en": "Count"},
        "sum_detail": {"nl": "Waarvan", "en": "Of which"},
        "sum_n_places": {"nl": "Plekken", "en": "Places"},
        "sum_n_places_d": {
            "nl": "{valued} gewaardeerd, {concern}",
            "en": "{valued} valued, {concern}",
        },
        "sum_n_initiatives": {"nl": "Initiatieven", "en": "Initiatives"},
        "sum_n_initiatives_d": {
            "nl": "{active} actief, {idea}, {other} anders",
            "en": "{active} active, {idea}, {other} other",
        },
        "sum_n_actors": {"nl": "Actoren", "en": "Actors"},
        "sum_n_ties": {"nl": "Verbanden tussen actoren", "en": "Ties between actors"},
        "sum_n_participants": {"nl": "Deelnemers", "en": "Participants"},
        "sum_n_candidates": {"nl": "Kandidaten klankbordgroep", "en": "Sounding-board candidates"},
        "sum_n_candidates_d": {
            "nl": "{accepted} aangemeld, {invited} uitgenodigd",
            "en": "{accepted} accepted, {invited} invited",
        },
        "sum_n_notes": {"nl": "Citaten en notities", "en": "Quotes and notes"},
        # --- places and initiatives
        "sum_places": {"nl": "Plekken", "en": "Places"},
        "sum_places_intro_one": {
            "nl": "{n} plek is genoemd. Het nummer verwijst naar de kaart; het vak is het vak op de "
            "geprinte plattegrond.",
            "en": "{n} place was named. The number refers to the map; the cell is the cell on "
            "the printed map.",
        },
        "sum_places_intro_other": {
            "nl": "{n} plekken zijn genoemd. De nummers verwijzen naar de kaart; het vak is het vak "
            "op de geprinte plattegrond.",
            "en": "{n} places were named. The numbers refer to the map; the cell is the cell on "
            "the printed map.",
        },
        "sum_rest_in_appendix_one": {
            "nl": "De overige staat in de bijlage.",
            "en": "The other one is in the appendix.",
        },
        "sum_rest_in_appendix_other": {
            "nl": "De overige {n} staan in de bijlage.",
            "en": "The other {n} are in the appendix.",
        },
        "sum_none": {"nl": "Nog niets vastgelegd.", "en": "Nothing recorded yet."},
        "sum_col_no": {"nl": "Nr.", "en": "No."},
        "sum_col_name": {"nl": "Naam", "en": "Name"},
        "sum_col_kind": {"nl": "Soort", "en": "Kind"},
        "sum_col_cell": {"nl": "Vak", "en": "Cell"},
        "sum_col_said": {"nl": "Wat bewoners zeggen", "en": "What residents say"},
        "sum_col_card": {"nl": "Kaart", "en": "Card"},
        "sum_col_theme": {"nl": "Thema", "en": "Theme"},
        "sum_col_status": {"nl": "Status", "en": "Status"},
        "sum_col_where": {"nl": "Waar", "en": "Where"},
        "sum_col_who": {"nl": "Wie", "en": "Who"},
        "sum_col_ask": {"nl": "Vraagt / biedt", "en": "Needs / offers"},
        "sum_col_role": {"nl": "Rol", "en": "Role"},
        "sum_col_influence": {"nl": "Invloed", "en": "Influence"},
        "sum_col_groups": {"nl": "Bereikt", "en": "Reaches"},
        "sum_col_from": {"nl": "Van", "en": "From"},
        "sum_col_to": {"nl": "Naar", "en": "To"},
        "sum_col_text": {"nl": "Tekst", "en": "Text"},
        "sum_col_about": {"nl": "Over", "en": "About"},
        "sum_col_board": {"nl": "Klankbord", "en": "Sounding board"},
        "sum_valued": {"nl": "gewaardeerd", "en": "valued"},
        "sum_concern": {"nl": "zorgpunt", "en": "concern"},
        "sum_needs": {"nl": "vraagt: {text}", "en": "needs: {text}"},
        "sum_offers": {"nl": "biedt: {text}", "en": "offers: {text}"},
        "sum_initiatives": {"nl": "Initiatieven", "en": "Initiatives"},
        "sum_initiatives_intro_one": {
            "nl": "{n} initiatief is besproken, met een eigen initiatiefkaart (het nummer).",
            "en": "{n} initiative was discussed, with its own initiative card (the number).",
        },
        "sum_initiatives_intro_other": {
            "nl": "{n} initiatieven zijn besproken, elk met een eigen initiatiefkaart (het nummer).",
            "en": "{n} initiatives were discussed, each with its own initiative card (the number).",
        },
        "sum_map_caption": {
            "nl": "Rondjes: plekken (nummers als in de tabel hieronder), kleur naar soort plek. "
            "Vierkantjes: initiatieven (het nummer van hun initiatiefkaart).",
            "en": "Circles: places (numbers as in the table below), coloured by kind of place. "
            "Squares: initiatives (the number of their initiative card).",
        },
        # --- connectors
        "sum_connectors": {"nl": "Wie verbindt wie", "en": "Who connects whom"},
        "sum_conn_intro": {
            "nl": "Een verbinder is een persoon of organisatie via wie mensen elkaar bereiken die "
            "elkaar anders niet tegenkomen. We kijken daarvoor naar de verbanden die in de "
            "bijeenkomsten zijn genoemd: wie kent wie, wie werkt met wie samen, wie vertrouwt "
            "wie.",
            "en": "A connector is a person or organisation through whom people reach others they "
            "would not otherwise meet. We look at the ties named in the sessions: who knows "
            "whom, who works with whom, who trusts whom.",
        },
        "sum_conn_facts": {
            "nl": "Het netwerk telt {actors} en {ties}. {groups} {cuts}",
            "en": "The network has {actors} and {ties}. {groups} {cuts}",
        },
        "sum_conn_groups_one": {
            "nl": "Daarin is {n} groep te zien die onderling sterker verbonden is dan met de rest.",
            "en": "It shows {n} group that is more closely tied within itself than to the rest.",
        },
        "sum_conn_groups_other": {
            "nl": "Daarin zijn {n} groepen te zien die onderling sterker verbonden zijn dan met de "
            "rest.",
            "en": "It shows {n} groups that are more closely tied among themselves than to the rest.",
        },
        "sum_conn_cuts_one": {
            "nl": "Er is {n} scharnierpunt: een actor zonder wie een deel van het netwerk los raakt.",
            "en": "There is {n} articulation point: an actor without whom part of the network "
            "comes loose.",
        },
        "sum_conn_cuts_other": {
            "nl": "Er zijn {n} scharnierpunten: actoren zonder wie een deel van het netwerk los "
            "raakt.",
            "en": "There are {n} articulation points: actors without whom part of the network "
            "comes loose.",
        },
        "sum_influence": {
            "nl": "Veel invloed volgens de deelnemers (4 of 5 op een schaal van 0 tot 5): {names}.",
            "en": "Much influence according to the participants (4 or 5 on a scale of 0 to 5): "
            "{names}.",
        },
        "sum_ambassadors": {"nl": "Ambassadeurs: {names}.", "en": "Ambassadors: {names}."},
        "sum_startmotors": {"nl": "Startmotor: {names}.", "en": "Startmotor: {names}."},
        "sum_conn_caveat": {
            "nl": "Een plek als verbinder zegt iets over het netwerk zoals het in de bijeenkomsten "
            "is genoemd, niet over iemands inzet. Wie niet genoemd is, kan toch belangrijk zijn.",
            "en": "A connector's position says something about the network as named in the "
            "sessions, not about anyone's commitment. Those not named may still matter.",
        },
        "sum_network": {"nl": "Het netwerk", "en": "The network"},
        "sum_network_caption": {
            "nl": "Elke stip is een actor (grootte = invloed, kleur = rol); elke lijn een verband. "
            "Genummerd: de vijf sterkste verbinders; een ruitje: scharnierpunt.",
            "en": "Each dot is an actor (size = influence, colour = role); each line a tie. "
            "Numbered: the five strongest connectors; a diamond: articulation point.",
        },
        # --- sounding board
        "sum_board": {
            "nl": "Klankbord: wie doet mee, wie nog niet",
            "en": "Sounding board: who takes part, who not yet",
        },
        "sum_board_intro": {
            "nl": "Om te zien welke groepen al meedoen en welke nog niet, delen we deelnemers en "
            "aangemelde kandidaten in naar {dims}. Elke combinatie is een vak in de tabel; "
            "tussen haakjes de uitgenodigde kandidaten die nog niet hebben gereageerd.",
            "en": "To see which groups take part and which do not yet, we place participants and "
            "accepted candidates by {dims}. Each combination is a cell of the table; in "
            "brackets the invited candidates who have not answered yet.",
        },
        "sum_board_gaps": {
            "nl": "Nog niet bereikt: {gaps} van de {cells} combinaties. Wie ze zou kunnen bereiken:",
            "en": "Not reached yet: {gaps} of the {cells} combinations. Who could reach them:",
        },
        "sum_board_nobody": {
            "nl": "Er zijn nog geen deelnemers of kandidaten voor de klankbordgroep vastgelegd, dus "
            "nog geen overzicht naar {dims}.",
            "en": "No participants or sounding-board candidates are recorded yet, so there is no "
            "overview by {dims} yet.",
        },
        "sum_board_full": {
            "nl": "Alle combinaties zijn bereikt.",
            "en": "Every combination is reached.",
        },
        "sum_board_none": {
            "nl": "Voor deze wijk zijn geen klankbord-dimensies vastgelegd.",
            "en": "No sounding-board dimensions are set for this neighbourhood.",
        },
        "sum_board_large": {
            "nl": "Het klankbord heeft te veel combinaties ({cells}) voor een tabel.",
            "en": "The sounding board has too many combinations ({cells}) for a table.",
        },
        "sum_via": {"nl": "mogelijk via {names}", "en": "possibly through {names}"},
        "sum_nobody": {
            "nl": "nog niemand bekend die deze groep bereikt",
            "en": "nobody known yet who reaches this group",
        },
        "sum_more_gaps_one": {
            "nl": "en nog {n} combinatie (zie workshop coverage).",
            "en": "and {n} more combination (see workshop coverage).",
        },
        "sum_more_gaps_other": {
            "nl": "en nog {n} combinaties (zie workshop coverage).",
            "en": "and {n} more combinations (see workshop coverage).",
        },
        # --- quotes, follow-up, appendix
        "sum_quotes": {"nl": "Uit de gesprekken", "en": "From the conversations"},
        "sum_about": {"nl": "over {name}", "en": "about {name}"},
        "sum_followup": {"nl": "Vervolgpunten", "en": "Follow-up"},
        "sum_fu_agreed": {"nl": "Afgesproken: {text}", "en": "Agreed: {text}"},
        "sum_fu_connector": {
            "nl": "Betrek {name} vroeg: via deze verbinder lopen de meeste lijnen tussen groepen.",
            "en": "Involve {name} early: most lines between groups run through this connector.",
        },
        "sum_fu_cut": {
            "nl": "Het netwerk hangt op {names}. Zoek een tweede verbinding met wie nu alleen via "
            "hen bereikt wordt.",
            "en": "The network hangs on {names}. Find a second link to those now reached only "
            "through them.",
        },
        "sum_fu_ambassador": {
            "nl": "Vraag {names} de boodschap mee te dragen (ambassadeur of startmotor).",
            "en": "Ask {names} to carry the message (ambassador or startmotor).",
        },
        "sum_fu_gaps_one": {
            "nl": "Klankbord: {n} combinatie is nog leeg. Begin bij {first}.",
            "en": "Sounding board: {n} combination is still empty. Start with {first}.",
        },
        "sum_fu_gaps_other": {
            "nl": "Klankbord: {n} combinaties zijn nog leeg. Begin bij {first}.",
            "en": "Sounding board: {n} combinations are still empty. Start with {first}.",
        },
        "sum_fu_alone_one": {
            "nl": "{n} actor is genoemd zonder verbanden ({names}); vraag in een volgende "
            "bijeenkomst wie deze kent.",
            "en": "{n} actor was named without ties ({names}); ask in a next session who knows "
            "them.",
        },
        "sum_fu_alone_other": {
            "nl": "{n} actoren zijn genoemd zonder verbanden ({names}); vraag in een volgende "
            "bijeenkomst wie hen kent.",
            "en": "{n} actors were named without ties ({names}); ask in a next session who knows "
            "them.",
        },
        "sum_fu_needs": {"nl": "{name} vraagt: {needs}", "en": "{name} needs: {needs}"},
        "sum_fu_concern": {
            "nl": "Zorgpunten op de kaart: {names}.",
            "en": "Concerns on the map: {names}.",
        },
        "sum_fu_none": {"nl": "Nog geen vervolgpunten.", "en": "No follow-up points yet."},
        "sum_appendix": {"nl": "Bijlage: alle gegevens", "en": "Appendix: all records"},
        "sum_app_intro": {
            "nl": "Alle gegevens uit het bestand, zoals ze op papier mogen.",
            "en": "Every record of the file, as far as it may go on paper.",
        },
        "sum_actors": {"nl": "Actoren", "en": "Actors"},
        "sum_ties": {"nl": "Verbanden", "en": "Ties"},
        "sum_notes": {"nl": "Notities en citaten", "en": "Notes and quotes"},
        "sum_people": {"nl": "Deelnemers en kandidaten", "en": "Participants and candidates"},
        "sum_participant": {"nl": "deelnemer", "en": "participant"},
        # counted nouns (i18n.plural: `_one` for 1, `_other` else)
        "sum_c_person_one": {"nl": "{n} persoon", "en": "{n} person"},
        "sum_c_person_other": {"nl": "{n} personen", "en": "{n} persons"},
        "sum_c_org_one": {"nl": "{n} organisatie", "en": "{n} organisation"},
        "sum_c_org_other": {"nl": "{n} organisaties", "en": "{n} organisations"},
        "sum_c_concern_one": {"nl": "{n} zorgpunt", "en": "{n} of concern"},
        "sum_c_concern_other": {"nl": "{n} zorgpunten", "en": "{n} of concern"},
        "sum_c_idea_one": {"nl": "{n} idee", "en": "{n} idea"},
        "sum_c_idea_other": {"nl": "{n} ideeën", "en": "{n} ideas"},
        "sum_c_pair_one": {"nl": "{n} paar dat elkaar kent", "en": "{n} pair who know each other"},
        "sum_c_pair_other": {
            "nl": "{n} paren die elkaar kennen",
            "en": "{n} pairs who know each other",
        },
        "sum_c_quote_one": {"nl": "{n} citaat", "en": "{n} quote"},
        "sum_c_quote_other": {"nl": "{n} citaten", "en": "{n} quotes"},
        "sum_written": {
            "nl": "geschreven: {path} ({pages} bladzijden)",
            "en": "written: {path} ({pages} pages)",
        },
    },
)
