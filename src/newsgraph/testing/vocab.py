"""The fixed vocabulary synthetic articles are written from: countries, organisations, names,
titles, sources, event verbs, quote templates and filler sentences.

The lists are part of the generator's output: reordering or editing them changes every article a
seed gives, so tests that compare against generated data stay tied to this module."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Country(NamedTuple):
    """A country, written as its name (an actor) and its capital (a place)."""

    code: str
    """ISO 3166-1 alpha-3 code, also the CAMEO actor code."""
    name: str
    demonym: str
    capital: str
    lat: float
    """Latitude of the capital."""
    lon: float
    """Longitude of the capital."""


class Org(NamedTuple):
    """An international organisation and its CAMEO actor code."""

    name: str
    code: str


class EventVerb(NamedTuple):
    """A verb phrase that joins two actors, and how the contract classifies it."""

    phrase: str
    event_type: str
    """PLOVER event type."""
    quad: str
    cameo: str
    """CAMEO root code."""


@dataclass(slots=True)
class Person:
    """A person the generator can mention: by title and full name, by full name, or by surname."""

    name: str
    title: str
    code: str
    """The CAMEO code of the country the person acts for."""

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


Actor = Country | Org | Person
"""Anything an article can name as the actor or recipient of an event."""

COUNTRIES: list[Country] = [
    Country("USA", "United States", "American", "Washington", 38.9, -77.04),
    Country("RUS", "Russia", "Russian", "Moscow", 55.75, 37.62),
    Country("UKR", "Ukraine", "Ukrainian", "Kyiv", 50.45, 30.52),
    Country("CHN", "China", "Chinese", "Beijing", 39.9, 116.4),
    Country("FRA", "France", "French", "Paris", 48.86, 2.35),
    Country("DEU", "Germany", "German", "Berlin", 52.52, 13.4),
    Country("GBR", "Britain", "British", "London", 51.5, -0.13),
    Country("TUR", "Turkey", "Turkish", "Ankara", 39.93, 32.86),
    Country("IRN", "Iran", "Iranian", "Tehran", 35.69, 51.39),
    Country("ISR", "Israel", "Israeli", "Jerusalem", 31.77, 35.21),
    Country("EGY", "Egypt", "Egyptian", "Cairo", 30.04, 31.24),
    Country("SAU", "Saudi Arabia", "Saudi", "Riyadh", 24.71, 46.68),
    Country("QAT", "Qatar", "Qatari", "Doha", 25.29, 51.53),
    Country("ARM", "Armenia", "Armenian", "Yerevan", 40.18, 44.51),
    Country("AZE", "Azerbaijan", "Azerbaijani", "Baku", 40.41, 49.87),
    Country("IND", "India", "Indian", "New Delhi", 28.61, 77.21),
    Country("PAK", "Pakistan", "Pakistani", "Islamabad", 33.68, 73.05),
    Country("BGD", "Bangladesh", "Bangladeshi", "Dhaka", 23.81, 90.41),
    Country("NGA", "Nigeria", "Nigerian", "Abuja", 9.08, 7.4),
    Country("BRA", "Brazil", "Brazilian", "Brasilia", -15.79, -47.88),
    Country("SDN", "Sudan", "Sudanese", "Khartoum", 15.5, 32.56),
    Country("SYR", "Syria", "Syrian", "Damascus", 33.51, 36.29),
    Country("LBN", "Lebanon", "Lebanese", "Beirut", 33.89, 35.5),
    Country("JPN", "Japan", "Japanese", "Tokyo", 35.68, 139.69),
]
ORGS: list[Org] = [
    Org("United Nations", "IGOUNO"),
    Org("NATO", "IGONAT"),
    Org("European Union", "IGOEEC"),
    Org("International Committee of the Red Cross", "NGOIRC"),
    Org("World Health Organization", "IGOWHO"),
    Org("African Union", "IGOAFU"),
    Org("Arab League", "IGOARL"),
]
FIRST: list[str] = (
    "Amina Boris Carla Dmitri Elena Farid Grace Hassan Ingrid Jamal Karin Leon Maria Nabil Olga Pedro "
    "Rania Sergei Tahmina Umar Vera Walid Yara Zoran Anwar Leila Omar Sofia Tomas Nadia"
).split()
LAST: list[str] = (
    "Alvarez Bakr Chen Dubois Ekinci Farouk Gomez Haddad Ivanova Jensen Kaya Lindqvist Mansour Novak "
    "Okafor Petrov Quraishi Rahman Sato Tariq Usmanov Volkova Weber Yilmaz Zhou Hossain Karimi Moreau "
    "Nakamura Osei"
).split()
TITLES = ("Foreign Minister", "Defence Minister", "Prime Minister", "President", "Spokesperson", "Envoy")
SOURCES = ("wire-a", "wire-b", "daily-c", "gazette-d", "herald-e", "times-f", "post-g", "monitor-h")
EVENTS: list[EventVerb] = [
    EventVerb("signed an agreement with", "AGREE", "verbal cooperation", "05"),
    EventVerb("held talks with", "CONSULT", "verbal cooperation", "04"),
    EventVerb("praised", "SUPPORT", "verbal cooperation", "05"),
    EventVerb("sent aid to", "AID", "material cooperation", "07"),
    EventVerb("began joint exercises with", "COOPERATE", "material cooperation", "06"),
    EventVerb("withdrew troops from the border with", "RETREAT", "material cooperation", "08"),
    EventVerb("called on", "REQUEST", "verbal conflict", "02"),
    EventVerb("accused", "ACCUSE", "verbal conflict", "11"),
    EventVerb("rejected a proposal from", "REJECT", "verbal conflict", "12"),
    EventVerb("threatened", "THREATEN", "verbal conflict", "13"),
    EventVerb("imposed sanctions on", "SANCTION", "verbal conflict", "16"),
    EventVerb("mobilised troops against", "MOBILIZE", "material conflict", "15"),
    EventVerb("launched strikes on", "ASSAULT", "material conflict", "19"),
]
QUOTES: list[str] = [
    "We will not accept any pressure from {X}",
    "Our door remains open to {X}",
    "The talks with {X} were constructive and frank",
    "There can be no lasting peace without {X}",
    "We expect {X} to honour its commitments",
    "The people of {X} deserve better than this",
]
"""Quote templates; ``{X}`` is replaced by a mention of another actor."""
FILLERS: list[str] = [
    "Officials gave no further details.",
    "The statement came after weeks of rising tension along the frontier and in the capital.",
    "Residents described long queues at petrol stations and shops running short of bread.",
    "Negotiators are due to meet again next month, according to people familiar with the talks.",
    "Opposition lawmakers criticised the decision and demanded a debate in parliament.",
    "The ministry did not respond to a request for comment.",
    "Analysts said the move could reshape the region's politics.",
    "Markets were calm in early trading.",
    "Diplomats expect further meetings in the coming weeks.",
]
"""Sentences without facts."""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
