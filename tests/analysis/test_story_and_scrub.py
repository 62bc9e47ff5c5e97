"""Connectors in words, and names kept off paper inside free text."""

from __future__ import annotations

from workshop.analysis import connectors, story
from workshop.capture.record import record
from workshop.file import redaction


def test_cut_off_names_who_loses_the_link(store) -> None:
    record(
        store,
        [
            'org "Hub"',
            'org "Alfa"',
            'org "Beta"',
            'org "Blad"',
            "Hub -> Alfa",
            "Alfa -> Beta",
            "Beta -> Hub",
            "Hub -> Blad",
        ],
    )
    network = connectors.load(store)
    ids = {a["name"]: a["id"] for a in network.actors}
    assert story.cut_off(network, ids["Hub"]) == [ids["Blad"]]
    assert story.cut_off(network, ids["Alfa"]) == []
    sentences = story.explain(network, connectors.rank(network), "internal", "nl", top=1)[0]
    assert sentences[0].startswith("Hub ligt op")
    assert "Zonder Hub raakt Blad los van de rest." in sentences


def test_no_ties_is_said_plainly(store) -> None:
    record(store, ['org "Alleen"'])
    network = connectors.load(store)
    assert story.explain(network, connectors.rank(network), "internal", "en") == [
        ["No ties between actors have been recorded yet, so there are no connectors yet."]
    ]


def test_scrubber(store) -> None:
    record(
        store,
        [
            'persoon "Fatma Yılmaz" #sleutelfiguur',
            'persoon "Jan Bakker" #bewoner',
            'persoon "Jan de Vries" #bewoner consent:print',
            'persoon "Piet Jansen" #bewoner',
            'persoon "Piet Smit" #bewoner',
            'org "Bakkerij Jansen"',
        ],
    )
    scrub = redaction.for_output(store, "print").text
    assert "Fatma" not in scrub("Van Fatma geloof ik het meteen.")
    assert "Yılmaz" not in scrub("Mevrouw YILMAZ komt ook.")
    # Case-insensitive (issue 14): the lower-case word is taken for the hidden surname too.
    assert "bakker" not in scrub("bij de bakker om de hoek").casefold()
    assert "Bakker" not in scrub("Jan Bakker kwam laat")
    assert scrub("Jan de Vries kwam ook") == "Jan de Vries kwam ook"  # print consent
    assert scrub("Jan kwam") == "Jan kwam"  # also the first name of someone who may be named
    assert scrub("Piet zei het") == "(naam) zei het"  # two hidden Piets: nobody is blamed
    assert scrub("Koffie bij Jansen") == "Koffie bij Jansen"  # also an organisation's name
    assert scrub("") == "" and scrub(None) == ""
