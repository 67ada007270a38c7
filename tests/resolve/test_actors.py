"""PLOVER actor codes: country, organisation, sector and title lookups, and the data tables."""

from __future__ import annotations

import pytest

from newsgraph.resolve import actors, known_people, titles
from newsgraph.resolve.actors import Actor

#: Sector codes of the PLOVER manual's sector table.
PLOVER_SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK".split()  # frequently used
    + "AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split()  # less frequently used
)
#: PLOVER's non-state actor codes.
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("the United States", "USA"),
        ("United States of America", "USA"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("Washington", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("London", "GBR"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("North Korean", "PRK"),
        ("North Koreans", "PRK"),
        ("Pyongyang", "PRK"),
        ("South Korea", "KOR"),
        ("ROK", "KOR"),
        ("Korea", "KOR"),
        ("Korea’s", "KOR"),
        ("Korea's", "KOR"),
        ("Seoul", "KOR"),
        ("China", "CHN"),
        ("China's", "CHN"),
        ("China 's", "CHN"),
        ("CHINA", "CHN"),
        ("Chinese", "CHN"),
        ("Beijing", "CHN"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Russians", "RUS"),
        ("Moscow", "RUS"),
        ("Israel", "ISR"),
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Jerusalem", "ISR"),
        ("Iran", "IRN"),
        ("Tehran", "IRN"),
        ("Syria", "SYR"),
        ("Laos", "LAO"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("the Philippines", "PHL"),
        ("Philippines'", "PHL"),
        ("Filipino", "PHL"),
        ("Filipinos", "PHL"),
        ("Philippine", "PHL"),
        ("Manila", "PHL"),
        ("Tokyo", "JPN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Ukraine's", "UKR"),
        ("Naypyitaw", "MMR"),
        ("Naypyidaw", "MMR"),
        ("Burma", "MMR"),
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("Saudi", "SAU"),
        ("Saudis", "SAU"),
        ("Palestine", "PSE"),
        ("Palestinians", "PSE"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Brasilia", "BRA"),
        ("Bogota", "COL"),
        ("The Hague", "NLD"),
        ("Guinea-Bissau", "GNB"),
        ("Guinea", "GIN"),
        ("Niger", "NER"),
        ("Nigerian", "NGA"),
        ("Kosovo", "KOS"),
        ("Taiwan", "TWN"),
        ("Hong Kong", "HKG"),
        ("Puerto Rico", "PRI"),
        ("Vatican", "VAT"),
        ("St. George's", "GRD"),
    ],
)
def test_country_code(text: str, expected: str) -> None:
    assert actors.country_code(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "us",
        "the",
        "",
        "Gaza",
        "West Bank",
        "Kurdistan",
        "Male",
        "Korean",
        "Europe",
        "Hamas",
        "Washingtonian",
        "St. George",
    ],
)
def test_country_code_none(text: str) -> None:
    assert actors.country_code(text) is None


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("PRK", "North Korea"),
        ("KOR", "South Korea"),
        ("RUS", "Russia"),
        ("IRN", "Iran"),
        ("SYR", "Syria"),
        ("LAO", "Laos"),
        ("VNM", "Vietnam"),
        ("KOS", "Kosovo"),
        ("XYZ", None),
        ("UNO", None),
    ],
)
def test_country_name(code: str, name: str | None) -> None:
    assert actors.country_name(code) == name


@pytest.mark.parametrize(
    ("text", "capital", "adjective"),
    [
        ("Washington", True, False),
        ("Kyiv", True, False),
        ("Kiev", True, False),
        ("Beijing", True, False),
        ("China", False, False),
        ("Chinese", False, True),
        ("Israelis", False, True),
        ("North Korean", False, True),
        ("U.S.", False, False),
        ("Filipinos", False, True),
        ("Paris", True, False),
        ("Acme", False, False),
    ],
)
def test_capital_and_adjective(text: str, capital: bool, adjective: bool) -> None:
    assert actors.is_capital(text) is capital
    assert actors.is_adjective(text) is adjective


@pytest.mark.parametrize(
    ("text", "name", "code", "sector"),
    [
        ("United Nations", "United Nations", "UNO", "IGO"),
        ("UN", "United Nations", "UNO", "IGO"),
        ("U.N.", "United Nations", "UNO", "IGO"),
        ("Security Council", "United Nations Security Council", "UNO", "GOV"),
        ("UN Security Council", "United Nations Security Council", "UNO", "GOV"),
        ("the UN General Assembly", "United Nations General Assembly", "UNO", "LEG"),
        ("WHO", "World Health Organization", "UNO", "MED"),
        ("International Court of Justice", "International Court of Justice", "UNO", "JUD"),
        ("European Union", "European Union", "EUR", "IGO"),
        ("EU", "European Union", "EUR", "IGO"),
        ("Twitter", "Twitter", "USA", "BUS"),  # a firm: its headquarters' country, not MNC
        ("ASEAN", "ASEAN", "IGO", "IGO"),
        ("NATO", "NATO", "IGO", "IGO"),
        ("Arab League", "Arab League", "IGO", "IGO"),
        ("ICC", "International Criminal Court", "IGO", "JUD"),
        ("IMF", "International Monetary Fund", "IGO", "BUS"),
        ("Red Cross", "Red Cross", "NGO", "MED"),
        ("Amnesty International", "Amnesty International", "NGO", "SOC"),
        ("Islamic State", "Islamic State", "IMG", "REB"),
        ("Hamas", "Hamas", "PSE", "REB"),
        ("HAMAS", "Hamas", "PSE", "REB"),
        ("Hamas’s", "Hamas", "PSE", "REB"),
        ("Hezbollah", "Hezbollah", "LBN", "REB"),
        ("the Houthis", "Houthis", "YEM", "REB"),
        ("Taliban", "Taliban", "AFG", None),
        ("the White House", "White House", "USA", "GOV"),
        ("White House", "White House", "USA", "GOV"),
        ("Pentagon", "Pentagon", "USA", "MIL"),
        ("State Department", "State Department", "USA", "GOV"),
        ("the Kremlin", "Kremlin", "RUS", "GOV"),
        ("Congress", "Congress", "", "LEG"),  # whose Congress: the article says (extract/entities.py)
        ("Knesset", "Knesset", "ISR", "LEG"),
        ("Duma", "State Duma", "RUS", "LEG"),
        ("Xinhua", "Xinhua", "CHN", "JRN"),
        ("KCNA", "Korean Central News Agency", "PRK", "JRN"),
        ("Yonhap", "Yonhap", "KOR", "JRN"),
        ("Reuters", "Reuters", "GBR", "JRN"),
        ("AFP", "Agence France-Presse", "FRA", "JRN"),
        ("Al Jazeera", "Al Jazeera", "QAT", "JRN"),
        ("IDF", "Israel Defense Forces", "ISR", "MIL"),
        ("PLA", "People's Liberation Army", "CHN", "MIL"),
        ("Wagner Group", "Wagner Group", "RUS", "PRM"),
        ("Doctors Without Borders", "Doctors Without Borders", "NGO", "MED"),
        ("Medecins Sans Frontieres", "Doctors Without Borders", "NGO", "MED"),
        ("Foreign Ministry", "Foreign Ministry", "", "GOV"),
    ],
)
def test_organisation(text: str, name: str, code: str, sector: str | None) -> None:
    org = actors.organisation(text)
    assert org is not None
    assert (org.name, org.code, org.sector) == (name, code, sector)


@pytest.mark.parametrize("text", ["un", "who", "Who", "foreign ministry", "Acme Widgets", "China", "the"])
def test_organisation_none(text: str) -> None:
    assert actors.organisation(text) is None


def test_partially_recognised_entity() -> None:
    org = actors.organisation("Transnistria")
    assert org is not None
    assert (org.code, org.sector, org.type, org.other_sectors) == ("MDA", "GOV", "GPE", ("PRE",))


@pytest.mark.parametrize(
    ("words", "sector"),
    [
        ("president", "GOV"),
        ("prime minister", "GOV"),
        ("foreign minister", "GOV"),
        ("secretary of state", "GOV"),
        ("deputy UN ambassador", "GOV"),
        ("special envoy", "GOV"),
        ("spokeswoman", "GOV"),
        ("Israeli officials", "GOV"),
        ("the administration", "GOV"),
        ("Secretary-General", "GOV"),
        ("military rulers", "MIL"),
        ("the junta", "MIL"),
        ("government troops", "MIL"),
        ("army spokesman", "MIL"),
        ("defence ministry", "MIL"),
        ("riot police", "COP"),
        ("police officers", "COP"),
        ("Supreme Court judge", "JUD"),
        ("prosecutors", "JUD"),
        ("opposition lawmakers", "LEG"),
        ("senator", "LEG"),
        ("ruling party", "PTY"),
        ("opposition leader", "OPP"),
        ("former president", "ELI"),
        ("rebel groups", "REB"),
        ("rebel soldiers", "REB"),
        ("militants", "REB"),
        ("unknown gunmen", "UAF"),
        ("pro-government militia", "PRM"),
        ("intelligence officials", "SPY"),
        ("protesters", "CVL"),
        ("civilians", "CVL"),
        ("refugees", "REF"),
        ("journalists", "JRN"),
        ("state media", "JRN"),
        ("health authorities", "MED"),
        ("doctors", "MED"),
        ("students", "EDU"),
        ("chief executive", "BUS"),
        ("workers", "LAB"),
        ("farmers", "AGR"),
        ("drug cartel", "CRM"),
        ("cleric", "REL"),
        ("rights groups", "SOC"),
        ("press secretary", "GOV"),
        ("an apple", None),
        ("", None),
    ],
)
def test_sector_of(words: str, sector: str | None) -> None:
    assert actors.sector_of(words) == sector


@pytest.mark.parametrize(
    ("words", "n"),
    [
        (["secretary", "of", "state", "rex", "tillerson"], 3),
        (["foreign", "minister", "wang", "yi"], 2),
        (["minister", "of", "foreign", "affairs"], 4),
        (["prime", "minister"], 2),
        (["president", "xi"], 1),
        (["vice", "president", "harris"], 2),
        (["un", "ambassador", "nikki", "haley"], 2),
        (["u.n.", "ambassador"], 2),
        (["deputy", "ambassador", "wu"], 2),
        (["secretary", "-", "general", "antonio"], 3),
        (["secretary-general"], 1),
        (["political", "chief"], 2),
        (["special", "envoy"], 2),
        (["gen.", "smith"], 1),
        (["Defence", "Minister"], 2),
        (["the", "president"], 0),
        (["weather", "forecast"], 0),
        ([], 0),
    ],
)
def test_match_title(words: list[str], n: int) -> None:
    assert titles.match_title(words) == n


@pytest.mark.parametrize(
    ("text", "label", "context", "expected"),
    [
        ("China", "GPE", None, ("CHN", "GOV")),
        ("the United States", "GPE", None, ("USA", "GOV")),
        ("U.S.", "GPE", None, ("USA", "GOV")),
        ("Washington", "GPE", None, ("USA", "GOV")),
        ("Pyongyang", "GPE", None, ("PRK", "GOV")),
        ("Chinese", "NORP", None, ("CHN", "CVL")),
        ("Israelis", "NORP", None, ("ISR", "CVL")),
        ("Israeli officials", "NORP", None, ("ISR", "GOV")),
        ("North Korean soldiers", "NORP", None, ("PRK", "MIL")),
        ("China's foreign ministry", "ORG", None, ("CHN", "GOV")),
        ("Russian forces", "NORP", None, ("RUS", "MIL")),
        ("the junta", "ORG", "MMR", ("MMR", "MIL")),
        ("the military", "ORG", "THA", ("THA", "MIL")),
        ("the Foreign Ministry", "ORG", "JPN", ("JPN", "GOV")),
        ("Hamas", "ORG", None, ("PSE", "REB")),
        ("UN", "ORG", None, ("UNO", "IGO")),
        ("EU officials", "ORG", None, ("EUR", "GOV")),
        ("UN peacekeepers", "ORG", None, ("UNO", "MIL")),
        ("NATO troops", "ORG", None, ("IGO", "MIL")),
        ("Pentagon officials", "ORG", None, ("USA", "MIL")),
        ("Houthi rebels", "NORP", None, ("YEM", "REB")),
        ("Palestinian Red Crescent", "ORG", None, ("PSE", "MED")),
        ("the Kremlin", "ORG", None, ("RUS", "GOV")),
        ("Xinhua", "ORG", None, ("CHN", "JRN")),
        ("Puerto Rico", "GPE", None, ("USA", "GOV")),
        ("Transnistria", "GPE", None, ("MDA", "GOV")),
        ("Israel's high court", "ORG", None, ("ISR", "JUD")),
    ],
)
def test_resolve_actor(text: str, label: str, context: str | None, expected: tuple[str, str | None]) -> None:
    actor = actors.resolve_actor(text, label, context)
    assert actor is not None
    assert (actor.code, actor.sector) == expected


@pytest.mark.parametrize(
    ("text", "label", "context"),
    [
        ("Acme Widgets", "ORG", None),
        ("the military", "ORG", None),
        ("the junta", "ORG", None),
        ("Foreign Ministry", "ORG", None),
        ("Gaza", "GPE", None),
        ("southern Lebanon", "LOC", None),
        ("Soviet Union", "GPE", "RUS"),
        ("China", "DATE", None),
    ],
)
def test_resolve_actor_none(text: str, label: str, context: str | None) -> None:
    assert actors.resolve_actor(text, label, context) is None


def test_actor_folds_dependencies_and_pre() -> None:
    assert Actor("PRI", "GOV") == Actor("USA", "GOV")
    assert Actor("GRL", "GOV").code == "DNK"
    western_sahara = Actor("ESH", "REB")
    assert (western_sahara.code, western_sahara.other_sectors) == ("MAR", ("PRE",))
    assert Actor("UNO", None).code == "UNO"
    assert Actor("USA", "GOV").as_dict() == {"code": "USA", "sector": "GOV"}
    assert actors.resolve_actor("Sahrawi", "NORP") == Actor("MAR", "CVL", ("PRE",))


# --- the tables themselves ---


def _table(name: str) -> list[list[str]]:
    return titles._rows(name)


def test_every_country_form_resolves_to_its_own_row() -> None:
    header, *rows = _table("countries.tsv")
    assert header == ["alpha3", "name", "aliases", "adjectives", "capitals", "plover", "status"]
    for fields in rows:
        row = dict(zip(header, fields, strict=True))
        lists = ("aliases", "adjectives", "capitals")
        forms = [row["name"], *(f for c in lists for f in row[c].split("|") if f)]
        for form in forms:
            assert actors.country_code(form) == row["alpha3"], form
        for form in row["capitals"].split("|"):
            assert not form or actors.is_capital(form), form


def test_countries_cover_the_states() -> None:
    header, *rows = _table("countries.tsv")
    table = [dict(zip(header, r, strict=True)) for r in rows]
    states = [r for r in table if r["status"] in ("state", "special") and r["alpha3"] not in ("ATA", "HKG")]
    assert len(states) >= 195  # 193 UN members, the Holy See, Palestine, Taiwan, Kosovo
    assert sum(bool(r["adjectives"]) for r in states) >= 192
    assert sum(bool(r["capitals"]) for r in states) >= 190
    plover = {r["alpha3"] for r in table if r["status"] in ("state", "special")}
    assert all(r["plover"] in plover for r in table)
    assert {r["alpha3"] for r in table if r["status"] == "special"} == {"ATA", "HKG", "PSE"}


def test_organisations_are_well_formed() -> None:
    countries = {r[0] for r in _table("countries.tsv")[1:]}
    for fields in _table("organisations.tsv"):
        assert len(fields) in (5, 6), fields
        pattern, code, sector, etype, name = fields[:5]
        assert code == "" or code in countries or code in NON_STATE, fields
        assert sector == "" or sector in PLOVER_SECTORS, fields
        assert etype in ("ORG", "GPE", "FAC", "NORP"), fields
        assert name, fields
        assert actors.country_code(pattern) is None, pattern  # an organisation never hides a country
        org = actors.organisation(pattern)
        assert org is not None and org.name == name, pattern


def test_sectors_and_titles() -> None:
    for word, sector, kind in _table("sectors.tsv"):
        assert word == word.lower() and sector in PLOVER_SECTORS and kind in ("title", "group"), word
    assert len(titles.titles()) >= 300
    for title in titles.titles():
        assert actors.sector_of(title) is not None, title
        assert titles.match_title(title.split()) == len(title.split()), title


def _row(code: str, sector: str, office: str, start: int, end: int | None) -> actors.KnownPerson:
    return actors.KnownPerson("Ravel Dusenko", code, sector, (frozenset(office.split()),), ((start, end),))


def test_namesakes_of_two_countries_are_told_apart_by_the_countries_the_article_names() -> None:
    north = _row("NOR", "GOV", "king", 2001, 2014)  # invented rows: two kings of one name
    south = _row("SWE", "GOV", "king", 2010, None)
    assert known_people._choose([north, south], ["King"], 2016) is south  # by year alone
    assert known_people._choose([north, south], ["King"], 2016, frozenset({"NOR"})) is north
    assert known_people._choose([north, south], ["King"], None) is None  # nothing tells them apart


def test_of_one_code_the_row_in_office_that_year_wins_over_a_titled_former_office() -> None:
    minister = _row("FRA", "GOV", "foreign minister", 2005, 2009)
    candidate = _row("FRA", "PTY", "candidate", 2011, 2012)
    got = known_people._choose([minister, candidate], ["Former Foreign Minister"], 2012)
    assert got is candidate
    assert known_people._choose([minister, candidate], ["Foreign Minister"], 2008) is minister
    assert known_people._choose([minister, candidate], ["Foreign Minister"], 2020) is minister  # then ELI


def test_a_capital_common_elsewhere_in_an_organisations_name_is_no_evidence_of_its_country() -> None:
    # Georgetown is Guyana's capital, but as many people live in the Georgetowns of the US and
    # Canada: the name alone says nothing of a college's country ("Georgetown University", the
    # one in Washington, is a row of organisations.tsv).
    assert actors.resolve_actor("Georgetown College", "ORG") is None
    # Victoria is the Seychelles' capital and the name of a state of Australia and of cities
    # in Hong Kong and Canada.
    victoria = actors.resolve_actor("Victoria Police", "ORG")
    assert victoria is None or victoria.code != "SYC"
    # The article's country has towns of that name: the article's country it is.
    assert actors.resolve_actor("Georgetown Police", "ORG", "USA") == Actor("USA", "COP")


def test_a_capital_its_country_owns_still_gives_an_organisation_its_country() -> None:
    assert actors.resolve_actor("Washington Post", "ORG") == Actor("USA", "JRN")
    assert actors.resolve_actor("Moscow State University", "ORG") == Actor("RUS", "EDU")
    # Moscow, Idaho and Paris, Texas are too small beside the capitals to count.
    assert actors.resolve_actor("Moscow police", "ORG", "USA") == Actor("RUS", "COP")
    assert actors.resolve_actor("Paris police", "ORG", "USA") == Actor("FRA", "COP")
    # In news of the capital's own country the capital stays its country.
    assert actors.resolve_actor("Georgetown Police", "ORG", "GUY") == Actor("GUY", "COP")
    # The capital alone, not inside a name, is its country's government as before.
    assert actors.resolve_actor("Georgetown", "GPE") == Actor("GUY", "GOV")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Republic of Turkey", "TUR"),
        ("the Kingdom of Bhutan", "BTN"),
        ("the Federal Democratic Republic of Ethiopia", "ETH"),
        ("Republic of the Philippines", "PHL"),
        ("the State of Georgia", None),  # a US state
        ("Republic of Washington", None),  # a capital is no country's name
        ("the Bank of England", None),
    ],
)
def test_a_form_of_state_before_a_country_names_it(text: str, code: str | None) -> None:
    assert actors.country_code(text) == code
    if code is not None:  # the state itself, as its short name gives it
        assert actors.resolve_actor(text, "GPE") == Actor(code, "GOV")


def test_a_cause_after_for_gives_a_body_no_sector() -> None:
    """ "Brennan Center for Justice" is no court; "Coalition for Police Reform" no police; a
    lower-case "for" changes nothing ("spokesman for the campaign")."""
    for name in ("Brennan Center for Justice", "Coalition for Police Reform"):
        found = actors.resolve_actor(name, "ORG", "USA")
        assert found is None or found.sector is None, name
    assert actors.resolve_actor("Justice Department", "ORG", "USA") is not None
    assert actors._before_cause("spokesman for the campaign".split()) == "spokesman for the campaign".split()


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Chechen rebels", "RUS", "REB"),  # was RUS CVL: the people's default hid the noun
        ("Tibetan monks", "CHN", "REL"),
        ("Chechens", "RUS", "CVL"),  # the people alone stay civilians
        ("Coptic Christians", "EGY", "REL"),  # a group's own row keeps its sector
    ],
)
def test_a_group_of_a_people_takes_its_nouns_sector(text: str, code: str, sector: str) -> None:
    actor = actors.resolve_actor(text, "NORP")
    assert actor is not None and (actor.code, actor.sector) == (code, sector)
