"""Spans that are no names, and names beside one another (``extract/not_names.py``,
``extract/name_lists.py``; session 15), on hand-made docs with the model's typical spans set by
hand, no model: invented sentences in the shapes of real pages."""

from __future__ import annotations

from handdocs import names_of, worded
from newsgraph.extract import not_names
from newsgraph.extract.mentions import collect_mentions
from newsgraph.extract.not_names import model_code, opening_common_word


def test_a_product_is_no_name() -> None:
    """A model code or a product word after the name, or a product word ending it."""
    text = "Get the Varnow Switch Lite now . Save on the Quellix AW3418DW too . Try Zorba Music Unlimited ."
    doc = worded(text, [(2, 4, "PERSON"), (10, 11, "PERSON"), (15, 18, "ORG")])
    assert names_of(doc) == []


def test_a_product_named_after_two_names_joined_by_and() -> None:
    text = "Buy the Zacian and Zamazenta Edition . Zacian met Ravel Dusenko ."
    doc = worded(text, [(2, 3, "PERSON"), (4, 6, "PERSON"), (7, 8, "PERSON"), (9, 11, "PERSON")])
    assert names_of(doc) == [("Zacian", "PERSON"), ("Ravel Dusenko", "PERSON")]  # only the product's


def test_a_place_or_a_known_name_before_a_code_stays() -> None:
    """Places and groups are no products ("Osaka G20"); a known company stays ("Dell G3")."""
    text = "Leaders met at the Osaka G20 summit . The Dell G3 sold well ."
    doc = worded(text, [(4, 5, "GPE"), (9, 10, "ORG")])
    assert names_of(doc) == [("Osaka", "GPE"), ("Dell", "ORG")]


def test_model_code() -> None:
    assert model_code("G3") and model_code("AW3418DW")
    assert not model_code("2019") and not model_code("Lite") and not model_code("O'Neil")


def test_a_common_word_capitalised_only_at_a_sentence_start_is_no_name() -> None:
    text = "Farmers plant rice in spring . Rice production takes months ."
    doc = worded(text, [(6, 7, "PERSON")], pos={6: "NOUN"})
    assert opening_common_word(doc, 6, 7, "PERSON")
    assert names_of(doc) == []


def test_a_sentence_start_word_written_inside_a_sentence_too_stays() -> None:
    """A name the article capitalises inside a sentence too; a name never written in lower case;
    a common surname the tagger reads as a proper noun ("Brown said" beside "brown")."""
    text = "Tarrow spoke . Later they met Tarrow . Brown said no . Her brown coat . Kelvo won . kelvo"
    doc = worded(
        text, [(0, 1, "PERSON"), (8, 9, "PERSON"), (16, 17, "PERSON")], pos={8: "PROPN", 16: "PROPN"}
    )
    assert not opening_common_word(doc, 0, 1, "PERSON")  # "Tarrow" inside a sentence too
    assert not opening_common_word(doc, 8, 9, "PERSON")  # "Brown": a common surname
    assert opening_common_word(doc, 16, 17, "PERSON")  # "Kelvo" beside "kelvo", and not a known name
    doc = worded("US forces left . They told us so .", [(0, 1, "GPE")], pos={0: "PROPN"})
    assert not opening_common_word(doc, 0, 1, "PERSON")  # an acronym


def test_a_common_noun_s_plural_opening_a_sentence_is_no_name() -> None:
    """ "Drones struck Odesa": the plural of a common noun of the model's lemmatizer, tagged a person
    at a sentence start and never capitalised inside a sentence; a plural the article also
    capitalises inside a sentence stays, and so does a known body's ("Democrats"), a common
    surname's ("Williams") and a word no noun table holds."""
    saved = set(not_names._NOUNS)
    not_names.use_common_nouns(frozenset({"drone", "protester", "democrat", "williams", "giant"}))
    try:
        text = "Drones struck Odesa . Protesters marched . Giants won . The Giants lost . Democrats met ."
        text += " Williams spoke . Zorvans met ."
        spans = [(0, 1, "PERSON"), (4, 5, "ORG"), (7, 8, "ORG"), (11, 12, "ORG"), (14, 15, "ORG")]
        doc = worded(text, [*spans, (17, 18, "PERSON"), (20, 21, "ORG")], pos={0: "PROPN", 4: "NOUN"})
        assert opening_common_word(doc, 0, 1, "PERSON") and opening_common_word(doc, 4, 5, "ORG")
        assert not opening_common_word(doc, 7, 8, "ORG")  # "the Giants" inside a sentence
        assert not opening_common_word(doc, 14, 15, "ORG")  # a known party
        assert not opening_common_word(doc, 17, 18, "PERSON")  # a common surname
        assert not opening_common_word(doc, 20, 21, "ORG")  # no common noun
        assert not opening_common_word(doc, 0, 1, "GPE")  # a place's span: left to the model
    finally:
        not_names._NOUNS.clear()
        not_names._NOUNS.update(saved)


def test_a_dateline_is_cut_off_the_name_after_it() -> None:
    """ "ROME - Bernie Sanders" tagged as one span: the dateline is a place, the rest the name; a
    dash inside a sentence or after a word not in capitals does not cut."""
    text = "ROME - Ravel Dusenko met them . NEW YORK - Kelvo Tarrow spoke . Tarrow - Dusenko talks ."
    doc = worded(text, [(0, 4, "ORG"), (7, 12, "ORG"), (14, 17, "ORG")])
    names = names_of(doc)
    assert ("ROME", "GPE") in names and ("NEW YORK", "GPE") in names
    assert ("Ravel Dusenko", "ORG") in names and ("Kelvo Tarrow", "ORG") in names
    assert ("Tarrow - Dusenko", "ORG") in names
    doc = worded("They met in ROME - Ravel Dusenko said .", [(3, 7, "ORG")])
    assert names_of(doc) == [("ROME - Ravel Dusenko", "ORG")]  # not at a line's or sentence's start


def test_a_question_s_auxiliary_is_no_part_of_a_name() -> None:
    text = "Will Ravel Dusenko win ?"
    doc = worded(text, [(0, 3, "PERSON")], pos={0: "AUX"})
    assert names_of(doc) == [("Ravel Dusenko", "PERSON")]


def test_a_postal_code_after_a_town_is_a_state() -> None:
    text = "Tour dates : Holmdel , NJ @ Arts Center | Noblesville , IN @ Music Center"
    doc = worded(text, [(3, 4, "ORG"), (5, 6, "ORG"), (10, 11, "ORG")])
    assert names_of(doc) == [("Holmdel", "GPE"), ("NJ", "GPE"), ("Noblesville", "GPE")]
    doc = worded("Scans such as MRT , CT help .", [(3, 4, "ORG"), (5, 6, "ORG")])
    assert names_of(doc) == [("MRT", "ORG"), ("CT", "ORG")]  # a list of acronyms, no town


def test_pieces_of_a_known_organisation_are_joined() -> None:
    text = "Officers of Customs and Border Protection and Lockheed Martin met ."
    doc = worded(text, [(2, 3, "ORG"), (4, 6, "ORG"), (7, 8, "ORG"), (8, 9, "PERSON")])
    assert names_of(doc) == [("Customs and Border Protection", "ORG"), ("Lockheed Martin", "ORG")]


def test_a_list_s_odd_member_takes_the_others_type() -> None:
    """A one-word "person" among clubs; a known place among places; not a person's full name."""
    text = "He managed Porto , Inter Milan and Chelsea . Fans came from Kandahar , Kabul and Herat ."
    spans = [
        (2, 3, "PERSON"),
        (4, 6, "ORG"),
        (7, 8, "ORG"),
        (12, 13, "GPE"),
        (14, 15, "PERSON"),
        (16, 17, "GPE"),
    ]
    assert [label for _, label in names_of(worded(text, spans))] == ["ORG", "ORG", "ORG", "GPE", "GPE", "GPE"]
    text = "Investors like Acme , Zorbex and Elon Musk agreed ."
    spans = [(2, 3, "ORG"), (4, 5, "ORG"), (6, 8, "PERSON")]
    assert [label for _, label in names_of(worded(text, spans))] == ["ORG", "ORG", "PERSON"]


def test_a_list_before_a_plural_place_noun_is_of_places() -> None:
    text = "Cases were found in Barry , Cass and Van Buren counties ."
    doc = worded(text, [(4, 5, "GPE"), (6, 7, "PERSON"), (8, 10, "PERSON")])
    assert names_of(doc) == [("Barry", "GPE"), ("Cass", "GPE"), ("Van Buren", "GPE")]


def test_an_acronym_of_a_phrase_in_lower_case_is_no_name() -> None:
    """ "Binge eating disorder (BED)": an acronym of common nouns; a body's acronym stays."""
    from newsgraph.extract.span_fixes import _drop_unnamed_acronyms

    text = "Binge eating disorder ( BED ) is common . The Quorvan Electoral Commission ( QEC ) met ."
    doc = worded(text, [(4, 5, "ORG"), (10, 13, "ORG"), (14, 15, "ORG")])
    mentions = collect_mentions(doc)
    assert [m.text for m in _drop_unnamed_acronyms(doc, mentions, [])] == [
        "Quorvan Electoral Commission",
        "QEC",
    ]


def _people(
    text: str, spans: list[tuple[int, int, str]], deps: dict[int, tuple[str, int]] | None = None
) -> list[str]:
    """The names of the article's person entities as the entity stage keeps them."""
    from newsgraph.extract.lone_names import unattested_person

    doc = worded(text, spans)
    for k, (dep, head) in (deps or {}).items():
        doc[k].dep_, doc[k].head = dep, doc[head]
        doc[head].lemma_ = "say"
    mentions = collect_mentions(doc)
    return [m.text for m in mentions if not unattested_person(doc, [m], has_roles=False)]


def test_a_person_named_by_one_unknown_word_only_is_dropped() -> None:
    """ "the Keystone pipeline", tagged PERSON: no given name, no surname, nothing before it."""
    assert _people("They fought the Keystone pipeline .", [(3, 4, "PERSON")]) == []


def test_a_one_word_person_with_evidence_stays() -> None:
    """A known person, a given name, a common surname, a word of address or kinship before, a
    speaker; and a name of two words is never touched."""
    text = (
        "Putin , Kimberly and Bush met . Mr. Zorvek came . His wife , Quellia , left . "
        "Tarvo said no . Ravel Dusenko won ."
    )
    spans = [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "PERSON"), (8, 9, "PERSON"), (14, 15, "PERSON")]
    spans += [(18, 19, "PERSON"), (22, 24, "PERSON")]
    got = _people(text, spans, deps={18: ("nsubj", 19)})
    assert got == ["Putin", "Kimberly", "Bush", "Zorvek", "Quellia", "Tarvo", "Ravel Dusenko"]


def test_a_one_word_person_that_names_a_large_place_is_that_place() -> None:
    """ "Russian forces attacked Kharkiv": no person's word, a city of a million people; not a small
    town ("Drama"), nor after "the" ("the Keystone pipeline"), nor a name a person's holds."""
    text = (
        "Forces attacked Kharkiv . Drama ensued . They fought the Keystone pipeline . Ravel Kharkiv spoke ."
    )
    spans = [(2, 3, "PERSON"), (4, 5, "PERSON"), (10, 11, "PERSON")]
    got = dict(names_of(worded(text, spans)))
    assert got["Kharkiv"] == "GPE" and got["Drama"] == "PERSON" and got["Keystone"] != "GPE"
    spans.append((13, 15, "PERSON"))
    assert names_of(worded(text, spans))[0] == ("Kharkiv", "PERSON")  # "Ravel Kharkiv" holds it


def test_ideologies_and_programmes_are_no_names() -> None:
    """The labels' guide leaves ideologies and programmes out; a ministry of an "-ism" and a group
    tagged NORP stay, and so does the body that runs a programme."""
    text = (
        "She fought Communism and National Socialism . The Ministry of Tourism met . Judaism grew . "
        "Cuts to Medicare and Social Security worried the Social Security Administration ."
    )
    spans = [(2, 3, "ORG"), (4, 6, "ORG"), (8, 11, "ORG"), (13, 14, "NORP"), (18, 19, "ORG"), (20, 22, "ORG")]
    spans.append((24, 27, "ORG"))
    assert [t for t, _ in names_of(worded(text, spans))] == [
        "Ministry of Tourism",
        "Judaism",
        "Social Security Administration",
    ]


def test_a_pair_of_countries_joined_by_a_hyphen_is_no_name() -> None:
    """ "the U.S.-Mexico border" names two countries, each its own entity; a country whose name
    holds a hyphen stays ("Guinea-Bissau"), and so does a firm ("Hewlett-Packard")."""
    from newsgraph.extract.not_names import paired_names

    assert paired_names("U.S.-Mexico") and paired_names("US - China")
    assert not paired_names("Hewlett-Packard") and not paired_names("Wasserman-Schultz")
    text = "They walked the U.S.-Mexico border and Guinea-Bissau ."
    assert names_of(worded(text, [(3, 4, "ORG"), (6, 7, "GPE")])) == [("Guinea-Bissau", "GPE")]


def test_a_disease_is_no_name() -> None:
    """ "Eastern Equine Encephalitis", tagged LOC; a known society ending otherwise stays."""
    text = "Cases of Eastern Equine Encephalitis rose , the American Cancer Society said ."
    doc = worded(text, [(2, 5, "LOC"), (8, 11, "ORG")])
    assert names_of(doc) == [("American Cancer Society", "ORG")]
