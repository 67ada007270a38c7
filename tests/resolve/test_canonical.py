"""Store keys that stand for one entity across the store."""

from __future__ import annotations

from newsgraph.resolve.entities import canonical_map


def test_a_nationality_is_its_country_when_the_country_is_there() -> None:
    keys = {"GPE:IND", "NORP:IND", "NORP:PAK", "PERSON:modi", "PERSON:narendra modi", "GPE:IND:new delhi"}
    canon = canonical_map(keys)
    assert canon["NORP:IND"] == "GPE:IND"
    assert "NORP:PAK" not in canon  # no Pakistan entity to join
    assert canon["PERSON:modi"] == "PERSON:narendra modi"
    assert "GPE:IND:new delhi" not in canon  # a capital stays a place of its own


def test_variants_of_one_person_are_one_key_across_the_store() -> None:
    keys = {
        "PERSON:james comey",
        "PERSON:james b comey",
        "PERSON:volodymyr zelensky",
        "PERSON:volodymyr zelenskyy",
        "PERSON:zelenskiy",
    }
    canon = canonical_map(keys)
    assert canon["PERSON:james comey"] == "PERSON:james b comey"
    assert canon["PERSON:volodymyr zelenskyy"] == "PERSON:volodymyr zelensky"
    assert canon["PERSON:zelenskiy"] == "PERSON:volodymyr zelensky"  # a surname, spelt otherwise


def test_people_sharing_a_surname_stay_apart() -> None:
    keys = {
        "PERSON:hillary clinton",
        "PERSON:bill clinton",
        "PERSON:clinton",
        "PERSON:george bush",
        "PERSON:george w bush",
        "PERSON:george h w bush",
    }
    canon = canonical_map(keys)
    assert "PERSON:hillary clinton" not in canon and "PERSON:bill clinton" not in canon
    assert "PERSON:clinton" not in canon  # two full names end in it
    assert "PERSON:george bush" not in canon  # fits both Bushes
    assert "PERSON:george w bush" not in canon and "PERSON:george h w bush" not in canon


def test_a_first_initial_needs_the_same_country() -> None:
    keys = {"PERSON:j comey", "PERSON:james comey"}
    assert "PERSON:j comey" not in canonical_map(keys)
    same = canonical_map(keys, {"PERSON:j comey": ["USA"], "PERSON:james comey": ["USA"]})
    assert same["PERSON:j comey"] == "PERSON:james comey"
    other = canonical_map(keys, {"PERSON:j comey": ["GBR"], "PERSON:james comey": ["USA"]})
    assert "PERSON:j comey" not in other


def test_a_surname_alone_needs_evidence_to_stand_for_a_full_name() -> None:
    keys = {"PERSON:kasich", "PERSON:john kasich", "PERSON:watson", "PERSON:emma watson", "PERSON:hope"}
    keys |= {"PERSON:hope hicks", "PERSON:rice", "PERSON:susan rice"}
    canon = canonical_map(keys)
    assert canon["PERSON:kasich"] == "PERSON:john kasich"  # a rare surname
    assert "PERSON:watson" not in canon  # a common surname may be anyone's
    assert "PERSON:hope" not in canon  # a given name alone is no evidence
    codes = {
        "PERSON:rice": ["USA"],
        "PERSON:susan rice": ["USA"],
        "PERSON:hope": ["USA"],
        "PERSON:hope hicks": ["USA"],
    }
    canon = canonical_map(keys, codes)
    assert canon["PERSON:rice"] == "PERSON:susan rice"  # an actor code in common is evidence
    assert canon["PERSON:hope"] == "PERSON:hope hicks"
    other = canonical_map(keys, {"PERSON:kasich": ["GBR"], "PERSON:john kasich": ["USA"]})
    assert "PERSON:kasich" not in other  # codes that contradict each other: two people


def test_a_son_with_a_generational_suffix_is_not_his_father() -> None:
    from newsgraph.resolve.names import parse

    assert parse("Tom Walsh Jr.") is not None and parse("Tom Walsh Jr.").key == "tom walsh jr"  # type: ignore[union-attr]
    keys = {"PERSON:tom walsh", "PERSON:tom walsh jr", "PERSON:tom b walsh"}
    canon = canonical_map(keys)
    assert canon.get("PERSON:tom walsh jr") is None  # no variant of his father's name
    assert canon["PERSON:tom walsh"] == "PERSON:tom b walsh"


def test_a_given_name_alone_is_no_spelling_variant_of_a_surname() -> None:
    keys = ["PERSON:phillip", "PERSON:nick phillips", "PERSON:zelenskyy", "PERSON:volodymyr zelensky"]
    codes = {"PERSON:phillip": ["USA"], "PERSON:nick phillips": ["USA"]}
    got = canonical_map(keys, codes)
    assert "PERSON:phillip" not in got  # "Phillip" is a given name, not a spelling of "Phillips"
    assert got["PERSON:zelenskyy"] == "PERSON:volodymyr zelensky"
