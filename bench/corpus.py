"""A deterministic synthetic news corpus in the style of the scraped dumps newsgraph reads.

Each file holds about ten articles; each article is laid out the way copy-and-paste from a news
site leaves it::

    Headline

    caption. (Reuters)
    caption. (Reuters)
    TT

    Headline

    caption. (Reuters)
    caption. (Reuters)

    body paragraph

    body paragraph
    ...

with three blank lines between articles. The text comes from templates and word lists (countries,
invented officials, titles, organisations, quotes, numbers, dates) filled from a seeded
``random.Random``, so the same seed always gives the same bytes. Bodies have 6 to 12 paragraphs and
250 to 600 words, with quotes, figures, dates and now and then an all-capitals section heading.

    python bench/corpus.py OUT_DIR --articles N [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ARTICLES_PER_FILE = 10
MIN_WORDS, MAX_WORDS = 250, 600
MIN_PARAS, MAX_PARAS = 6, 12

# --------------------------------------------------------------------------- word lists

#: (country, capital, adjective, another city)
COUNTRIES: list[tuple[str, str, str, str]] = [
    ("Sudan", "Khartoum", "Sudanese", "Port Sudan"),
    ("Peru", "Lima", "Peruvian", "Arequipa"),
    ("Kenya", "Nairobi", "Kenyan", "Mombasa"),
    ("Nigeria", "Abuja", "Nigerian", "Lagos"),
    ("Ghana", "Accra", "Ghanaian", "Kumasi"),
    ("Bangladesh", "Dhaka", "Bangladeshi", "Chittagong"),
    ("Pakistan", "Islamabad", "Pakistani", "Karachi"),
    ("Indonesia", "Jakarta", "Indonesian", "Surabaya"),
    ("Vietnam", "Hanoi", "Vietnamese", "Da Nang"),
    ("Colombia", "Bogota", "Colombian", "Medellin"),
    ("Chile", "Santiago", "Chilean", "Valparaiso"),
    ("Brazil", "Brasilia", "Brazilian", "Sao Paulo"),
    ("Mexico", "Mexico City", "Mexican", "Monterrey"),
    ("Turkey", "Ankara", "Turkish", "Izmir"),
    ("Egypt", "Cairo", "Egyptian", "Alexandria"),
    ("Jordan", "Amman", "Jordanian", "Aqaba"),
    ("Lebanon", "Beirut", "Lebanese", "Sidon"),
    ("Iraq", "Baghdad", "Iraqi", "Basra"),
    ("Morocco", "Rabat", "Moroccan", "Casablanca"),
    ("Tunisia", "Tunis", "Tunisian", "Sfax"),
    ("Ethiopia", "Addis Ababa", "Ethiopian", "Mekelle"),
    ("Somalia", "Mogadishu", "Somali", "Kismayo"),
    ("Poland", "Warsaw", "Polish", "Gdansk"),
    ("Romania", "Bucharest", "Romanian", "Cluj-Napoca"),
    ("Greece", "Athens", "Greek", "Thessaloniki"),
    ("Serbia", "Belgrade", "Serbian", "Novi Sad"),
    ("Georgia", "Tbilisi", "Georgian", "Batumi"),
    ("Armenia", "Yerevan", "Armenian", "Gyumri"),
    ("Azerbaijan", "Baku", "Azerbaijani", "Ganja"),
    ("Kazakhstan", "Astana", "Kazakh", "Almaty"),
    ("Sri Lanka", "Colombo", "Sri Lankan", "Kandy"),
    ("Nepal", "Kathmandu", "Nepali", "Pokhara"),
    ("Malaysia", "Kuala Lumpur", "Malaysian", "Penang"),
    ("Senegal", "Dakar", "Senegalese", "Thies"),
    ("Mali", "Bamako", "Malian", "Gao"),
    ("Zambia", "Lusaka", "Zambian", "Ndola"),
    ("Mozambique", "Maputo", "Mozambican", "Beira"),
    ("Bolivia", "La Paz", "Bolivian", "Santa Cruz"),
    ("Ecuador", "Quito", "Ecuadorian", "Guayaquil"),
    ("Qatar", "Doha", "Qatari", "Al Khor"),
    ("Norway", "Oslo", "Norwegian", "Bergen"),
    ("Estonia", "Tallinn", "Estonian", "Tartu"),
]

FIRST_NAMES = (
    "Amina Lena Kwesi Osman Rosa Alberto Maris Tamas Liis Narek Ilkin Rahima Anwar Tahmina Khalid Faisal "
    "Adaeze Ibrahim Dmitri Farida Joao Mariana Tomasz Elif Kemal Nadia Samir Yusuf Thandiwe Carlos Ines "
    "Hyun Mei Arjun Priya Bilal Leila Goran Milena Petra Ruslan Aigerim Moussa Fatou Tendai Chipo Diego "
    "Valentina Hassan Noura Omar Selin Andrei Ioana Nikos Eleni Sipho Kofi Ama Gustavo Lucia"
).split()

LAST_NAMES = (
    "Okafor Asante-Boateng Idris Quispe Chavez Lindqvist Berenyi Tamm Hovsepyan Mammadli Begum Hossain "
    "Chowdhury al-Mansouri al-Harbi Rahal Sule Voronov Nwankwo Haddad Mensah Ferreira Kowalczyk Yilmaz "
    "Demir Benali Trabelsi Kamau Otieno Wanjiru Silva Moreno Castillo Rojas Navarro Popescu Ionescu "
    "Papadakis Petrovic Jovanovic Beridze Nurlanov Perera Fernando Shrestha Thapa Rahman Ismail Diallo "
    "Ndiaye Traore Banda Mwale Machava Mamani Torres Vega Santos Ortiz Gashi Kaya Nasser Darwish Tesfaye"
).split()

MINISTER_TITLES = [
    "Foreign Minister",
    "Interior Minister",
    "Finance Minister",
    "Defence Minister",
    "Health Minister",
    "Energy Minister",
    "Trade Minister",
    "Education Minister",
    "Deputy Foreign Minister",
    "Prime Minister",
    "President",
    "government spokesperson",
]

OTHER_TITLES = [
    "opposition leader",
    "union leader",
    "parliamentary speaker",
    "central bank governor",
    "army spokesman",
    "police chief",
    "regional governor",
    "mayor",
]

ANALYST_TITLES = ["analyst", "economist", "political scientist", "security researcher", "senior fellow"]

THINK_TANKS = [
    "the Institute for Regional Studies",
    "the Centre for Policy Dialogue",
    "the Meridian Research Group",
    "the Horizon Institute",
    "the Forum for Strategic Affairs",
    "the Southern Policy Institute",
]

ORGS = [
    "the United Nations",
    "the World Health Organization",
    "the International Monetary Fund",
    "the World Bank",
    "the African Union",
    "the European Union",
    "the International Committee of the Red Cross",
    "the World Food Programme",
    "the International Organization for Migration",
    "Amnesty International",
    "Human Rights Watch",
    "the Norwegian Refugee Council",
]

UNIONS = [
    "the National Teachers' Federation",
    "the General Workers' Union",
    "the Port Workers' Syndicate",
    "the Federation of Health Workers",
    "the Transport Workers' Alliance",
]

PARTIES = [
    "the Democratic Renewal Party",
    "the National Unity Movement",
    "the People's Progressive Alliance",
    "the Civic Platform for Change",
    "the Labour and Justice Party",
]

COMPANIES = [
    "Meridian Petroleum",
    "Coastal Grain Holdings",
    "Atlas Mining Corp",
    "Northwind Shipping",
    "Sunvale Power",
    "Granite Cement Group",
]

OCCUPATIONS = [
    "shopkeeper",
    "farmer",
    "teacher",
    "taxi driver",
    "nurse",
    "fisherman",
    "student",
    "market trader",
    "retired civil servant",
    "mechanic",
]

CREDITS = ["Reuters", "Reuters", "Reuters", "AFP", "AFP", "AP", "EPA", "Xinhua", "Anadolu"]
MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WORD_NUMBERS = "two three four five six seven eight nine ten eleven twelve".split()
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

# --------------------------------------------------------------------------- topics
# Templates: {name} slots are filled per article (fixed) or per use (fresh numbers, dates). The
# people p1..p4 are mentioned with their title the first time and by surname after that.

GENERIC_QUOTES = [
    "We will not accept a solution that is imposed on us from outside",
    "This is a test of whether the institutions of this country still work",
    "Nobody should be surprised, the warning signs were there for months",
    "The door is not closed, but time is running out",
    "We have done our part, and now we expect the other side to do theirs",
    "People are tired, and they want to see results, not more promises",
    "It is too early to talk about success, but we are moving in the right direction",
    "Every day of delay costs lives and money",
    "We respect the concerns that have been raised, and we are listening",
    "What happened last week could have happened anywhere in the region",
    "There is no military solution to this crisis",
    "The numbers speak for themselves",
    "We are prepared to go back to the table at any moment",
    "This decision was taken after long and careful consultation",
    "Our priority is to protect ordinary families from the worst of it",
]

TOPICS: dict[str, dict[str, list[str]]] = {
    "truce": {
        "headlines": [
            "{C} Truce Talks Stall in {cap2} as Shelling Resumes Near {city}",
            "Mediators Push for Ceasefire in {C} After {n} Killed in {city}",
            "{C} Army and Rebels Agree to Resume Talks in {cap2}",
            "Fighting Around {city} Threatens Fragile {C} Ceasefire",
        ],
        "captions": [
            "Displaced families queue for water at a camp outside {city}, {C}, {capdate}.",
            "Delegates arrive for talks at a hotel in {cap2}, {capdate}.",
            "Smoke rises over {city} after overnight shelling.",
        ],
        "leads": [
            "Indirect talks on a humanitarian truce in {C} broke up in {cap2} on {day} without an "
            "agreement, hours after heavy shelling resumed on the edges of {city}.",
            "Mediators from {C2} said on {day} that the warring parties in {C} had agreed to meet again "
            "in {cap2} next week, despite renewed fighting around {city}.",
        ],
        "facts": [
            "At least {n} people were killed and more than {n} wounded in {day}'s bombardment of "
            "the city's southern districts, according to a local emergency committee.",
            "The United Nations said a convoy of {n} trucks carrying food and medicine for about {k} "
            "people had been held for {wn} days at a checkpoint {km} from {city}.",
            "More than {k} people fled {city} in the past week alone, joining an estimated {mil} "
            "displaced across the country since {month} {year}.",
            "The World Food Programme said it had received only {pct} of the {usd} it needs for "
            "{C} this year.",
        ],
        "background": [
            "The conflict began in {month} {year}, when a power struggle between the army and a "
            "paramilitary force erupted into open fighting in {cap}.",
            "Previous rounds of talks in {cap2} produced several short truces, none of which held for "
            "more than a few days.",
        ],
        "quotes": [
            "We came here to silence the guns for thirty days, and we are leaving with nothing but promises",
            "Every day that convoy sits on the road, children in the camps go without treatment",
            "The people of {city} cannot eat promises",
        ],
        "headings": ["AID CONVOY 'BLOCKED'", "CIVILIANS TRAPPED", "TALKS TO RESUME"],
    },
    "sanctions": {
        "headlines": [
            "{C2} Agrees New Sanctions Package Targeting {C} Oil Exports",
            "{C} Vows Response as {C2} Freezes Assets of {n} Companies",
            "New Sanctions on {C} Target Shipping and Banks",
        ],
        "captions": [
            "A crude oil tanker sails off the coast near {city}, {capdate}.",
            "Ministers arrive for a meeting in {cap2}.",
        ],
        "leads": [
            "Officials in {cap2} agreed on {day} to a new round of sanctions against {C} that adds "
            "{n2} tankers to a blacklist of vessels accused of breaking an export ban, diplomats said.",
            "{C2} imposed sanctions on {n} {adj} companies and {n} individuals on {day}, accusing them "
            "of supplying components for drones and missiles.",
        ],
        "facts": [
            "The package also freezes the assets of {n} companies that {C2} says helped move "
            "{adj} oil worth an estimated {usd} a month.",
            "According to figures circulated among officials, the listed vessels carried roughly {pct} "
            "of the country's seaborne crude exports last year.",
            "{adj} exports fell by {pct} in the first quarter, customs data published on {day} showed.",
        ],
        "background": [
            "The first sanctions were imposed in {month} {year}, and {C2} has added to them "
            "several times since.",
            "{C} has repeatedly said that the measures are illegal and that it will find other buyers "
            "for its oil.",
        ],
        "quotes": [
            "This is the largest single listing of ships we have ever done",
            "These measures are illegal and will only hurt ordinary consumers",
            "Every tanker we take off the sea is revenue that will not be spent on weapons",
        ],
        "headings": ["SHADOW FLEET", "'ILLEGAL' MEASURES"],
    },
    "strike": {
        "headlines": [
            "Teachers' Strike Spreads Across {C} as Government Offers {pctw} Raise",
            "{C} Dock Workers Walk Out Over Pay, Halting Exports at {city}",
            "Nationwide Strike Shuts Hospitals in {C} for {Ord} Day",
        ],
        "captions": [
            "Striking workers march through central {cap} toward parliament, {capdate}.",
            "Containers stand idle at the port of {city}.",
        ],
        "leads": [
            "Tens of thousands of public sector workers marched in {cap} and at least {wn} regional "
            "capitals on {day} as an indefinite strike entered its {ord} week.",
            "Workers at {C}'s main port in {city} walked off the job on {day}, rejecting a government "
            "offer to raise salaries by {pct}.",
        ],
        "facts": [
            "Police fired tear gas at protesters trying to reach the parliament building, and at least "
            "{n} people were injured, including {wn} officers, according to the Interior Ministry.",
            "More than {mil} pupils have been affected, according to the ministry, mainly in the "
            "regions around {city}.",
            "The raise would cost the treasury about {usd} next year, the finance ministry said.",
            "The union says its members have lost {pct} of their purchasing power since {year}.",
        ],
        "background": [
            "It is the {ord} major strike in {C} since {year}, when a walkout by transport workers "
            "brought the capital to a standstill for {wn} days.",
            "The government has said it cannot go further without breaking its own fiscal rules.",
        ],
        "quotes": [
            "A raise of this size after three years of inflation is an insult, not an offer",
            "We will stay in the streets until the minister sits down with us",
            "We respect the workers, and we have shown it with real money",
        ],
        "headings": ["TEAR GAS IN THE CAPITAL", "'NOT AN OFFER'", "SCHOOLS SHUT"],
    },
    "floods": {
        "headlines": [
            "Flooding in Northern {C} Displaces Thousands as Rivers Rise",
            "Monsoon Floods Kill {n} in {C}, Cut Off Villages Near {city}",
            "{C} Declares Emergency as Floodwaters Reach {city}",
        ],
        "captions": [
            "Villagers wade through floodwater near {city}, {C}, {capdate}.",
            "Rescue workers evacuate residents by boat in {city}.",
        ],
        "leads": [
            "Floods in {C} have killed at least {n} people and forced more than {k} families from their "
            "homes, the disaster management ministry said on {day}.",
            "Authorities in {C} declared a state of emergency in {wn} provinces on {day} after rivers "
            "burst their banks near {city}.",
        ],
        "facts": [
            "Rivers rose above danger levels at {n} points after {wn} days of heavy rain, according to "
            "the national flood forecasting centre.",
            "The government released {n2} tonnes of rice and {usd} in emergency funds for the "
            "worst-hit districts.",
            "About {k} hectares of farmland were under water, threatening the rice harvest, the "
            "agriculture ministry said.",
        ],
        "background": [
            "Floods in {month} {year} killed more than {n2} people in the same region and destroyed "
            "tens of thousands of homes.",
            "Scientists say heavier monsoon rains are making floods in the region more frequent.",
        ],
        "quotes": [
            "The water came at night, and by morning our whole village was under it",
            "We have boats, but not enough fuel, and the roads are gone",
            "Relief is arriving, but it is not enough",
        ],
        "headings": ["RELIEF 'NOT ENOUGH'", "VILLAGES CUT OFF"],
    },
    "election": {
        "headlines": [
            "{C} Votes in Tight Election Seen as Test for Ruling Party",
            "Opposition Claims Victory in {C} Election as Count Continues",
            "{C} Election Commission Delays Results After Protests in {city}",
        ],
        "captions": [
            "Voters queue at a polling station in {cap}, {capdate}.",
            "Election workers count ballots in {city}.",
        ],
        "leads": [
            "Voters in {C} went to the polls on {day} in a parliamentary election seen as the toughest "
            "test for the ruling party since it took power in {year}.",
            "The opposition in {C} claimed victory on {day} as partial results showed {party} ahead in "
            "{cap} and {city}.",
        ],
        "facts": [
            "Turnout stood at {pct} two hours before polls closed, the election commission said, up "
            "from the last vote in {year}.",
            "With {pct} of ballots counted, {party} had {n} percent of the vote, according to the "
            "commission.",
            "About {mil} people were registered to vote at more than {k} polling stations.",
        ],
        "background": [
            "The campaign was dominated by rising prices and unemployment, which stands at about "
            "{pct} among young people.",
            "Observers from {org} said they would publish a preliminary report on {day}.",
        ],
        "quotes": [
            "The people have spoken, and they have asked for change",
            "We will respect the result, whatever it is",
            "We have seen irregularities in several districts, and we will challenge them",
        ],
        "headings": ["TURNOUT UP", "OBSERVERS CAUTIOUS"],
    },
    "trade": {
        "headlines": [
            "{C} and {C2} Sign Trade Deal Cutting Tariffs on {n} Products",
            "{C} Secures {usd} Loan as Currency Slides",
            "{C} Central Bank Raises Rates to {n} Percent to Fight Inflation",
        ],
        "captions": [
            "Cranes load containers at the port of {city}, {capdate}.",
            "A money changer counts banknotes in {cap}.",
        ],
        "leads": [
            "{C} and {C2} signed an agreement in {cap} on {day} that cuts tariffs on more than {n2} "
            "products and opens {adj} ports to ships from {C2}.",
            "The central bank of {C} raised its main interest rate by {n} basis points on {day}, its "
            "{ord} increase this year, as inflation climbed to {pct}.",
        ],
        "facts": [
            "Trade between the two countries was worth about {usd} last year, according to official figures.",
            "The currency has lost {pct} of its value against the dollar since {month}.",
            "The deal is expected to add {pct} to economic growth over five years, the trade ministry said.",
            "{company} said it would invest {usd} in a new terminal at {city}.",
        ],
        "background": [
            "Talks on the agreement began in {year} and stalled several times over farm products.",
            "{org} forecast in {month} that the economy would grow by about {pct} this year.",
        ],
        "quotes": [
            "This agreement opens doors for our farmers and our factories",
            "Inflation is the biggest tax on the poor, and we will bring it down",
            "Investors want to see stability, and this is a step toward it",
        ],
        "headings": ["MARKETS REACT", "FARM TARIFFS"],
    },
    "quake": {
        "headlines": [
            "Earthquake of Magnitude {mag} Strikes Near {city}, {C}",
            "Rescuers Search Rubble After {C} Quake Kills {n}",
        ],
        "captions": [
            "Rescue workers search a collapsed building in {city}, {C}, {capdate}.",
            "Residents sleep outdoors after the earthquake in {city}.",
        ],
        "leads": [
            "An earthquake of magnitude {mag} struck near {city} in {C} early on {day}, killing at least "
            "{n} people and damaging hundreds of buildings, officials said.",
            "Rescuers in {C} worked through the night on {day} to reach people trapped under collapsed "
            "buildings in {city}.",
        ],
        "facts": [
            "The quake struck at a depth of {n} kilometres, according to the national seismological "
            "institute, and was followed by at least {n} aftershocks.",
            "At least {n2} people were injured and about {k} were left homeless, the civil defence "
            "agency said.",
            "The government said it would spend {usd} on reconstruction.",
        ],
        "background": [
            "{C} sits on several active fault lines, and an earthquake in {year} killed more than "
            "{n2} people.",
            "Building codes were tightened after that disaster, but critics say they are poorly enforced.",
        ],
        "quotes": [
            "The whole building shook, and then it was dark",
            "We are still hearing voices under the rubble",
            "Our teams will not stop while there is a chance of finding survivors",
        ],
        "headings": ["AFTERSHOCKS", "SURVIVORS PULLED FROM RUBBLE"],
    },
    "exchange": {
        "headlines": [
            "{C2} Mediators Secure Prisoner Exchange Between {C} and {C3}",
            "{C} and {C3} Swap {n} Detainees in Deal Brokered by {C2}",
        ],
        "captions": [
            "Released detainees arrive at an airfield near {city}, {C}, {capdate}.",
            "Families wait for released prisoners in {cap}.",
        ],
        "leads": [
            "{C} and {C3} exchanged {n} detainees on {day} in a swap brokered by {C2}, the largest "
            "since the two countries began talks on a peace treaty.",
        ],
        "facts": [
            "In all, {n} prisoners from {C} and {n} from {C3} were flown home on two aircraft chartered by "
            "{C2}, officials said.",
            "According to {org}, at least {n2} people are still listed as missing from the fighting "
            "of {year}.",
        ],
        "background": [
            "The two countries fought a war in {year} and have held several rounds of talks since.",
            "{org} said its delegates had visited the detainees before their release.",
        ],
        "quotes": [
            "Today families on both sides of the border will sleep with their sons at home",
            "Trust can be built step by step",
            "We expect the treaty to be signed before the end of the year",
        ],
        "headings": ["'STEP BY STEP'"],
    },
    "health": {
        "headlines": [
            "{C} Reports {n} New Cholera Cases as Outbreak Spreads to {city}",
            "WHO Warns of Measles Surge in {C} After Vaccination Gap",
        ],
        "captions": [
            "A health worker prepares vaccines at a clinic in {city}, {capdate}.",
            "Patients wait outside a hospital in {cap}.",
        ],
        "leads": [
            "Health authorities in {C} reported {n2} new cholera cases on {day}, saying the outbreak had "
            "spread from rural districts to the port city of {city}.",
            "The World Health Organization warned on {day} that {C} faced a sharp rise in measles cases "
            "after vaccination rates fell to {pct}.",
        ],
        "facts": [
            "At least {n} people have died since the outbreak was declared in {month}, the health "
            "ministry said.",
            "The ministry said it had received {k} doses of vaccine and would begin a campaign in "
            "{city} next week.",
            "Hospitals in {city} are operating at {pct} above capacity, according to doctors.",
        ],
        "background": [
            "Clean water shortages and damaged sanitation systems have left millions vulnerable to disease.",
            "A similar outbreak in {year} infected more than {k} people.",
        ],
        "quotes": [
            "We are seeing patients arrive faster than we can treat them",
            "Vaccination is the only way to stop this",
            "The outbreak is under control in most districts",
        ],
        "headings": ["HOSPITALS FULL", "VACCINE CAMPAIGN"],
    },
    "protest": {
        "headlines": [
            "Thousands Protest in {cap} Against Fuel Price Rise",
            "{C} Police Detain {n} After Protests Turn Violent in {city}",
            "{C} Government Reverses Tax Plan After Week of Protests",
        ],
        "captions": [
            "Protesters chant slogans during a rally in central {cap}, {capdate}.",
            "Riot police stand guard in {city}.",
        ],
        "leads": [
            "Thousands of people marched through {cap} on {day} to protest against a {pct} rise in fuel "
            "prices, the biggest demonstrations in {C} since {year}.",
            "Police in {C} detained {n} people overnight after protests in {city} turned violent, the "
            "interior ministry said on {day}.",
        ],
        "facts": [
            "At least {n} people were injured, including {wn} police officers, according to the "
            "national ombudsman's office.",
            "The government says the fuel subsidy cost the budget {usd} last year, about {pct} of "
            "public spending.",
            "Organisers said about {k} people took part, while police put the figure at {k}.",
        ],
        "background": [
            "The subsidy cuts are part of a {usd} programme agreed with the International Monetary Fund "
            "in {month}.",
            "Protests over living costs have spread across the region in the past year.",
        ],
        "quotes": [
            "We cannot afford to fill our tanks and feed our children at the same time",
            "The right to protest is guaranteed, but violence will not be tolerated",
            "The government must listen to the street",
        ],
        "headings": ["ARRESTS OVERNIGHT", "SUBSIDY CUTS"],
    },
}

REACTIONS = [
    "{org} said in a statement that it was following the situation closely and urged restraint.",
    "{C2} welcomed the move, and its foreign ministry called it a sign of goodwill.",
    "{party} called for an independent inquiry and said it would raise the matter in parliament.",
    "A spokesman for {org} said the agency was ready to send more staff if access was guaranteed.",
    "The embassy of {C2} in {cap} advised its citizens to avoid the area.",
    "{company} said its operations in {city} had not been affected.",
    "Neighbouring {C3} said it was ready to help and sent a team of {n} experts to {cap}.",
    "The {adj2} foreign ministry summoned the {adj} ambassador on {day} to explain the decision.",
    "Business groups in {city} said the uncertainty was already hurting investment.",
    "Rights groups said the authorities had failed to consult the people most affected.",
]

CLOSERS = [
    "Officials said they hoped to reconvene before the end of the month.",
    "A further statement is expected on {day}.",
    "Parliament is due to debate the issue next week.",
    "The ministry said it would publish updated figures on {day}.",
    "Talks are scheduled to resume in {cap2} on {date}.",
    "The government is expected to announce its decision by {date}.",
]

GENERIC_FACTS = [
    "The ministry said the figures covered the period up to {date} and were likely to rise.",
    "A survey published in {month} found that {pct} of respondents were worried about the "
    "situation, up from {pct} a year earlier.",
    "Local officials in {city} said about {k} households had asked for help since {month}.",
    "The budget for the programme has grown to {usd}, about {pct} more than planned in {year}.",
    "Prices of basic goods in {city} have risen by {pct} since {month}, according to the statistics office.",
    "About {k} people live in the districts most affected, local authorities said.",
    "The government has set aside {usd} for the coming year, officials said on {day}.",
    "Some {n} lawmakers signed a letter on {day} asking the government to explain its plans.",
    "Figures released on {day} showed unemployment at {pct}, the highest level since {year}.",
    "The authorities said {n} people had been detained and {n} others questioned since {date}.",
]

GENERIC_BACKGROUND = [
    "{C} has a population of about {mil} people, most of whom live in and around {cap} and {city}.",
    "Relations between {C} and {C2} have improved since {year}, when the two governments restored "
    "full diplomatic ties.",
    "The issue has divided the governing coalition for months.",
    "Similar measures were tried in {year} but abandoned after {wn} months.",
    "The government came to power in {year} promising to restore growth and fight corruption.",
    "Critics say the authorities were slow to act when the first warnings came in {month}.",
    "{C} relies heavily on aid from {org} and on loans from {C2}.",
    "The region around {city} has long complained of neglect by the central government in {cap}.",
]


# --------------------------------------------------------------------------- article model


@dataclass(slots=True)
class Person:
    title: str
    first: str
    last: str
    suffix: str = ""
    mentioned: bool = False

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def mention(self) -> str:
        if self.mentioned:
            return self.last
        self.mentioned = True
        return f"{self.title} {self.name}{self.suffix}"


@dataclass(slots=True)
class _Article:
    rng: random.Random
    topic: dict[str, list[str]]
    slots: dict[str, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def pick(self, pool: list[str]) -> str:
        """A template from ``pool`` not used yet in this article (any, once all are used)."""
        fresh = [t for t in pool if t not in self.used]
        choice = self.rng.choice(fresh or pool)
        self.used.add(choice)
        return choice


def _ordinal(n: int) -> str:
    return ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"][n - 1]


def _money(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return f"${rng.randint(11, 99) / 10:.1f} billion"
    return f"${rng.choice([12, 18, 25, 48, 60, 75, 120, 164, 250, 510, 800])} million"


def _article_slots(rng: random.Random) -> tuple[dict[str, str], dict[str, Person]]:
    c1, c2, c3 = rng.sample(COUNTRIES, 3)
    year = rng.choice([2023, 2024, 2025])
    month = rng.randrange(12)
    day = rng.randint(1, MONTH_DAYS[month])
    slots = {
        "C": c1[0],
        "cap": c1[1],
        "adj": c1[2],
        "city": c1[3],
        "C2": c2[0],
        "cap2": c2[1],
        "adj2": c2[2],
        "C3": c3[0],
        "capdate": f"{MONTHS[month]} {day}, {year}",
        "org": rng.choice(ORGS),
        "party": rng.choice(PARTIES),
        "union": rng.choice(UNIONS),
        "company": rng.choice(COMPANIES),
        "pctw": f"{rng.randint(4, 15)} Percent",
        "mag": f"{rng.randint(48, 78) / 10:.1f}",
    }
    used: set[str] = set()

    def person(title: str) -> Person:
        while True:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            if last not in used:
                used.add(last)
                return Person(title, first, last)

    people = {
        "p1": person(f"{c1[2]} {rng.choice(MINISTER_TITLES)}"),
        "p2": person(f"{c2[2]} {rng.choice(MINISTER_TITLES)}"),
        "p3": person(rng.choice(OTHER_TITLES)),
        "p4": person(rng.choice(ANALYST_TITLES)),
    }
    people["p4"].suffix = f" of {rng.choice(THINK_TANKS)}"  # "economist Jane Doe of the X Institute"
    return slots, people


_SLOT = re.compile(r"\{(\w+)\}")


def _fill(art: _Article, template: str) -> str:
    rng = art.rng
    fresh: dict[str, Callable[[], str]] = {
        "n": lambda: str(rng.randint(2, 95)),
        "n2": lambda: str(rng.randint(100, 990)),
        "k": lambda: f"{rng.randint(12, 950) * 100:,}",
        "mil": lambda: (
            f"{rng.randint(2, 40)} million"
            if rng.random() < 0.6
            else f"{rng.randint(11, 99) / 10:.1f} million"
        ),
        "pct": lambda: f"{rng.randint(3, 78)} percent",
        "usd": lambda: _money(rng),
        "day": lambda: rng.choice(WEEKDAYS),
        "month": lambda: rng.choice(MONTHS),
        "date": lambda: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}",
        "year": lambda: str(rng.randint(2012, 2023)),
        "km": lambda: f"{rng.choice(['roughly', 'about', 'some'])} {rng.randint(5, 90) * 10} kilometres",
        "wn": lambda: rng.choice(WORD_NUMBERS),
        "ord": lambda: _ordinal(rng.randint(2, 7)),
        "Ord": lambda: _ordinal(rng.randint(2, 7)).capitalize(),
        "age": lambda: str(rng.randint(19, 78)),
    }

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in art.people:
            return art.people[key].mention()
        if key in art.slots:
            return art.slots[key]
        return fresh[key]()

    text = _SLOT.sub(sub, template)
    return text[0].upper() + text[1:]


def _open_close(rng: random.Random) -> tuple[str, str]:
    return ("“", "”") if rng.random() < 0.6 else ('"', '"')


def _quote_text(art: _Article) -> str:
    return _fill(art, art.pick(art.topic["quotes"] + GENERIC_QUOTES))


def _resident(art: _Article) -> str:
    rng = art.rng
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return f"{name}, {rng.randint(19, 78)}, a {rng.choice(OCCUPATIONS)} in {art.slots['city']}"


def _quote_sentences(art: _Article) -> list[str]:
    """One speaker's quote, in one of the shapes wire copy uses."""
    rng = art.rng
    o, c = _open_close(rng)
    q1 = _quote_text(art)
    speaker = rng.choice(["p1", "p1", "p2", "p2", "p3", "p4", "resident"])
    if speaker == "resident":
        return [f"{o}{q1},{c} said {_resident(art)}."]
    who = art.people[speaker].mention()
    verb = rng.choice(["said", "told reporters", f"said on {rng.choice(WEEKDAYS)}", "told a news conference"])
    style = rng.randrange(4)
    if style == 0:
        return [f"{o}{q1},{c} said {who}."]
    if style == 1:
        return [f"{o}{q1},{c} {who} {verb}.", f"{o}{_quote_text(art)}.{c}"]
    if style == 2:
        return [f"{who[0].upper()}{who[1:]} said: {o}{q1}.{c}"]
    thing = rng.choice(["the decision", "the agreement", "the move", "the vote", "the plan"])
    part = q1[0].lower() + q1[1:]
    return [f"{who[0].upper()}{who[1:]} said in a statement that {thing} showed {o}{part}.{c}"]


def _sentence(art: _Article, kind: str) -> str:
    if kind == "fact":
        pool = art.topic["facts"] + GENERIC_FACTS
    elif kind == "background":
        pool = art.topic["background"] + GENERIC_BACKGROUND
    elif kind == "reaction":
        pool = REACTIONS
    else:
        raise ValueError(kind)
    if all(t in art.used for t in pool):  # this kind is used up: borrow from the others
        pool = art.topic["facts"] + GENERIC_FACTS + art.topic["background"] + GENERIC_BACKGROUND + REACTIONS
    return _fill(art, art.pick(pool))


def _n_words(sentences: list[str]) -> int:
    return sum(len(s.split()) for s in sentences)


def _body(art: _Article) -> list[str]:
    """Paragraphs (and maybe a heading) of one body: 6-12 paragraphs, MIN_WORDS-MAX_WORDS words."""
    rng = art.rng
    n_paras = rng.randint(MIN_PARAS, MAX_PARAS)
    target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 40)
    middle = ["quote", "quote", "fact", "fact"]
    middle += [rng.choice(["quote", "fact", "fact", "background", "reaction"]) for _ in range(n_paras - 6)]
    rng.shuffle(middle)
    kinds = ["lead", *middle, "background"]
    paras: list[list[str]] = []
    for kind in kinds:
        if kind == "lead":
            paras.append([_fill(art, art.pick(art.topic["leads"]))])
        elif kind == "quote":
            paras.append(_quote_sentences(art))
        else:
            paras.append([_sentence(art, kind)])
    paras.append([_fill(art, art.pick(CLOSERS))])
    # grow paragraphs (facts after quotes and leads, more of the same elsewhere) up to the target
    growable = [i for i in range(len(kinds)) if len(paras[i]) < 4]
    while _n_words([s for p in paras for s in p]) < target and growable:
        i = rng.choice(growable)
        kind = kinds[i]
        paras[i].append(_sentence(art, "fact" if kind in ("lead", "quote") else kind))
        if len(paras[i]) >= (2 if kind == "quote" else 4):
            growable.remove(i)
    while _n_words([s for p in paras for s in p]) > MAX_WORDS:
        longest = max(paras, key=_n_words)
        if len(longest) == 1:
            break
        longest.pop()
    texts = [" ".join(p) for p in paras]
    if rng.random() < 0.5:  # an all-capitals section heading, as wire copy has
        texts.insert(rng.randint(3, len(texts) - 2), rng.choice(art.topic["headings"]))
    return texts


def make_article(rng: random.Random, avoid: set[str] | None = None) -> str:
    """One article in dump layout; its headline is not one of ``avoid`` (which it is added to).

    Headlines must differ within a file: a dump's splitter reads a headline equal to the current
    article's as the usual repeat of it, so two neighbours with one headline would merge."""
    avoid = set() if avoid is None else avoid
    while True:
        topic = TOPICS[rng.choice(sorted(TOPICS))]
        slots, people = _article_slots(rng)
        art = _Article(rng, topic, slots, people)
        headline = _fill(art, rng.choice(topic["headlines"]))
        if headline not in avoid:
            avoid.add(headline)
            break
    credit = rng.choice(CREDITS)
    caption = _fill(art, rng.choice(topic["captions"]))
    caption_line = f"{caption} ({credit})"
    head = f"{headline}\n\n{caption_line}\n{caption_line}\n"
    body = _body(art)
    return f"{head}TT\n\n{head}\n" + "\n\n".join(body) + "\n"


def body_words(article: str) -> int:
    """Words in the body of an article made by :func:`make_article` (after the second caption block)."""
    body = article.split("\n\n", 4)[4]
    return len(body.split())


def make_corpus(out_dir: str | Path, n_articles: int, seed: int = 0) -> list[Path]:
    """Write ``n_articles`` articles, ~10 per file, into ``out_dir``; the paths written, in order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths: list[Path] = []
    for start in range(0, n_articles, ARTICLES_PER_FILE):
        count = min(ARTICLES_PER_FILE, n_articles - start)
        headlines: set[str] = set()
        articles = [make_article(rng, headlines) for _ in range(count)]
        path = out / f"dump_{start // ARTICLES_PER_FILE:05d}.txt"
        path.write_text("\n\n\n".join(articles), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = make_corpus(args.out_dir, args.articles, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {args.articles} articles in {len(paths)} files ({size / 1e6:.2f} MB) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
