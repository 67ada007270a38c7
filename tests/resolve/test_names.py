"""Personal names parsed and compared for variants of one person's name."""

from __future__ import annotations

import pytest

from newsgraph.resolve.names import (
    COMMON_SURNAME,
    census_shares,
    common_surname,
    parse,
    surname_match,
    variant_reason,
)


def test_parse_drops_titles_and_middle_initials_from_the_key_and_keeps_generations() -> None:
    comey = parse("James B. Comey")
    assert comey is not None and comey.first == "james" and comey.middle == ("b",) and comey.last == "comey"
    assert comey.key == "james comey"
    mr = parse("Mr. Comey")
    assert mr is not None and mr.key == "comey" and not mr.first
    # a generational suffix stays with the surname: "Donald Trump Jr." is not his father
    assert parse("Dr. Martin Luther King Jr.").key == "martin luther king jr"  # type: ignore[union-attr]


def test_initials_written_together_are_the_initials_written_apart() -> None:
    """ "George H.W. Bush" is "George H. W. Bush" (the table's spelling), not a namesake."""
    together, apart = parse("George H.W. Bush"), parse("George H. W. Bush")
    assert together is not None and together.middle == ("h", "w")
    assert together == apart
    assert variant_reason(together, apart) is not None


def test_a_surname_nameparser_reads_as_a_degree_is_the_surname_when_written_as_a_name() -> None:
    mba = parse("Frank Mba")  # a Nigerian police spokesman, not "Frank" with an MBA
    assert mba is not None and mba.key == "frank mba"
    assert parse("Tolu Okafor, MBA").key == "tolu okafor"  # type: ignore[union-attr]
    assert parse("Frank MBA").key == "frank"  # type: ignore[union-attr]  # the degree, in capitals
    assert parse("Femi Esq").key == "femi"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("James B. Comey", "James Comey", "middle name or initial"),
        ("James Comey", "J. Comey", "first initial"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "spelling variant of the name"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "spelling variant of the name"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "same name"),
        ("Comey", "James Comey", "surname"),
    ],
)
def test_variants_of_one_name(a: str, b: str, reason: str) -> None:
    pa, pb = parse(a), parse(b)
    assert pa is not None and pb is not None
    assert variant_reason(pa, pb) == reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hillary Clinton", "Bill Clinton"),  # one surname, two people
        ("George W. Bush", "George H. W. Bush"),
        ("Kim Jong-un", "Kim Jong-il"),
        ("Mark Kelly", "Mark Kelley"),  # one letter apart, but short surnames must agree exactly
        ("Ann Lee", "Ann Leo"),
    ],
)
def test_different_people_are_not_variants(a: str, b: str) -> None:
    pa, pb = parse(a), parse(b)
    assert pa is not None and pb is not None
    assert variant_reason(pa, pb) is None


def test_surname_match_needs_the_same_first_letter_and_length() -> None:
    assert surname_match("zelensky", "zelenskyy") == "spelling variant"
    assert surname_match("gaddafi", "qaddafi") is None
    assert surname_match("kim", "kin") is None
    assert surname_match("johnson", "jackson") is None


def test_common_surnames_read_down_to_their_share_only() -> None:
    # the surname list is read only while its ranked shares reach COMMON_SURNAME: every surname
    # of the whole list is judged as when the whole list is read
    full = census_shares("last")
    common = census_shares("last", least=COMMON_SURNAME)
    assert 0 < len(common) < len(full) // 100
    assert all(common_surname(n.lower()) == (s >= COMMON_SURNAME) for n, s in full.items())
    assert common_surname("smith") and not common_surname("comey")
