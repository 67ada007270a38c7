"""Regenerate ``countries.tsv``: every ISO 3166-1 country (pycountry is the base for codes and
official names) plus the hand-curated columns written below.

Run from the repository root after editing the tables in this file:

    .venv/bin/python src/newsgraph/resolve/data/make_countries.py

Columns of the output (tab-separated, ``|`` between the members of a list):

- ``alpha3``     ISO 3166-1 alpha-3 code (``KOS`` for Kosovo, PLOVER's code: ISO assigns none);
- ``name``       common English name as news writes it ("Russia", "Ivory Coast", "Turkey");
- ``aliases``    other names and abbreviations (pycountry's official and ISO names are added);
- ``adjectives`` adjectives and demonyms, singular and plural ("Filipino|Filipinos|Philippine");
- ``capitals``   seats of government that news uses for the government ("Pyongyang said");
- ``plover``     PLOVER country code: the row's own code for independent states and PLOVER's three
                 territorial exceptions (Antarctica, Hong Kong, Palestine); the controlling state for
                 dependencies (Puerto Rico -> USA) and for partially recognised entities;
- ``status``     ``state`` | ``special`` (PLOVER exception) | ``dependency`` | ``pre`` (partially
                 recognised: folded into the claimant state and given the PRE sector).

Every surface form (name, alias, adjective, capital) must belong to exactly one row; the script
stops with an error when one does not. Forms shared by two countries are left out: "Dominican"
goes to the Dominican Republic, not Dominica; "Korean" is in no row (it is a language and an
ethnicity of two states), while "Korea" alone is South Korea, as in "Korea's exports".
"""

from __future__ import annotations

import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).with_name("countries.tsv")

# Independent states (UN members, the Holy See, Taiwan, Kosovo) and PLOVER's special territories.
# alpha3: (common name or "" for pycountry's, aliases, adjectives/demonyms, capitals)
STATES: dict[str, tuple[str, str, str, str]] = {
    "AFG": ("", "Islamic Emirate of Afghanistan", "Afghan|Afghans", "Kabul"),
    "ALB": ("", "", "Albanian|Albanians", "Tirana|Tiranë"),
    "DZA": ("", "", "Algerian|Algerians", "Algiers"),
    "AND": ("", "", "Andorran|Andorrans", "Andorra la Vella"),
    "AGO": ("", "", "Angolan|Angolans", "Luanda"),
    "ATG": (
        "",
        "Antigua|Antigua & Barbuda",
        "Antiguan|Antiguans|Barbudan|Barbudans",
        "St. John's|Saint John's",
    ),
    "ARG": ("", "", "Argentine|Argentines|Argentinian|Argentinians|Argentinean", "Buenos Aires"),
    "ARM": ("", "", "Armenian|Armenians", "Yerevan"),
    "AUS": ("", "Commonwealth of Australia", "Australian|Australians|Aussie|Aussies", "Canberra"),
    "AUT": ("", "", "Austrian|Austrians", "Vienna"),
    "AZE": ("", "", "Azerbaijani|Azerbaijanis|Azeri|Azeris", "Baku"),
    "BHS": ("", "The Bahamas", "Bahamian|Bahamians", "Nassau"),
    "BHR": ("", "", "Bahraini|Bahrainis", "Manama"),
    "BGD": ("", "", "Bangladeshi|Bangladeshis", "Dhaka"),
    "BRB": ("", "", "Barbadian|Barbadians|Bajan|Bajans", "Bridgetown"),
    "BLR": ("", "Byelorussia", "Belarusian|Belarusians|Belarussian|Byelorussian", "Minsk"),
    # Brussels is also the seat of the EU; as a capital it names the Belgian government.
    "BEL": ("", "", "Belgian|Belgians", "Brussels"),
    "BLZ": ("", "", "Belizean|Belizeans", "Belmopan"),
    "BEN": ("", "", "Beninese|Beninois", "Porto-Novo|Cotonou"),
    "BTN": ("", "", "Bhutanese", "Thimphu"),
    "BOL": ("Bolivia", "", "Bolivian|Bolivians", "La Paz|Sucre"),
    "BIH": (
        "Bosnia and Herzegovina",
        "Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina|BiH",
        "Bosnian|Bosnians|Herzegovinian|Herzegovinians",
        "Sarajevo",
    ),
    "BWA": ("", "", "Botswanan|Motswana|Batswana", "Gaborone"),
    "BRA": ("", "", "Brazilian|Brazilians", "Brasília"),
    "BRN": ("Brunei", "", "Bruneian|Bruneians", "Bandar Seri Begawan"),
    "BGR": ("", "", "Bulgarian|Bulgarians", "Sofia"),
    "BFA": ("", "Burkina", "Burkinabe|Burkinabè|Burkinabes", "Ouagadougou"),
    "BDI": ("", "", "Burundian|Burundians", "Gitega|Bujumbura"),
    "CPV": ("Cape Verde", "Cabo Verde", "Cape Verdean|Cape Verdeans|Cabo Verdean|Cabo Verdeans", "Praia"),
    "KHM": ("", "Kampuchea", "Cambodian|Cambodians", "Phnom Penh"),
    "CMR": ("", "", "Cameroonian|Cameroonians", "Yaoundé"),
    "CAN": ("", "", "Canadian|Canadians", "Ottawa"),
    "CAF": ("", "CAR", "Central African|Central Africans", "Bangui"),
    "TCD": ("", "", "Chadian|Chadians", "N'Djamena|Ndjamena"),
    "CHL": ("", "", "Chilean|Chileans", "Santiago"),
    "CHN": ("", "PRC|P.R.C.|mainland China|Communist China", "Chinese", "Beijing|Peking"),
    "COL": ("", "", "Colombian|Colombians", "Bogotá"),
    "COM": ("", "", "Comoran|Comorans|Comorian|Comorians", "Moroni"),
    # "Congo" alone is the larger Democratic Republic in news use (Reuters and AP style); the
    # Republic of the Congo is written with its full name or "Congo-Brazzaville".
    "COG": ("Republic of the Congo", "Republic of Congo|Congo Republic|Congo-Brazzaville", "", "Brazzaville"),
    "COD": (
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo|DR Congo|D.R. Congo|DRC|D.R.C.|Congo|Congo-Kinshasa|Zaire",
        "Congolese",
        "Kinshasa",
    ),
    "CRI": ("", "", "Costa Rican|Costa Ricans", "San José"),
    "CIV": ("Ivory Coast", "Côte d'Ivoire", "Ivorian|Ivorians", "Yamoussoukro|Abidjan"),
    "HRV": ("", "", "Croatian|Croatians|Croat|Croats", "Zagreb"),
    "CUB": ("", "", "Cuban|Cubans", "Havana"),
    "CYP": ("", "", "Cypriot|Cypriots|Greek Cypriot|Greek Cypriots", "Nicosia"),
    "CZE": ("Czech Republic", "Czechia", "Czech|Czechs", "Prague"),
    "DNK": ("", "", "Danish|Dane|Danes", "Copenhagen"),
    "DJI": ("", "", "Djiboutian|Djiboutians", ""),  # the capital shares the country's name
    # Dominica's demonym is also "Dominican"; the Dominican Republic keeps it.
    "DMA": ("", "", "", "Roseau"),
    "DOM": ("", "", "Dominican|Dominicans", "Santo Domingo"),
    "ECU": ("", "", "Ecuadorian|Ecuadorians|Ecuadoran|Ecuadorans", "Quito"),
    "EGY": ("", "", "Egyptian|Egyptians", "Cairo"),
    "SLV": ("", "", "Salvadoran|Salvadorans|Salvadorean|Salvadoreans", "San Salvador"),
    "GNQ": ("", "", "Equatorial Guinean|Equatorial Guineans|Equatoguinean|Equatoguineans", "Malabo"),
    "ERI": ("", "", "Eritrean|Eritreans", "Asmara"),
    "EST": ("", "", "Estonian|Estonians", "Tallinn"),
    "SWZ": ("", "Swaziland", "Swazi|Swazis|Emaswati", "Mbabane|Lobamba"),
    "ETH": ("", "", "Ethiopian|Ethiopians", "Addis Ababa"),
    "FJI": ("", "", "Fijian|Fijians", "Suva"),
    "FIN": ("", "", "Finnish|Finn|Finns", "Helsinki"),
    "FRA": ("", "", "French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen", "Paris"),
    "GAB": ("", "", "Gabonese", "Libreville"),
    "GMB": ("", "The Gambia", "Gambian|Gambians", "Banjul"),
    "GEO": ("", "Sakartvelo", "Georgian|Georgians", "Tbilisi"),
    "DEU": ("", "", "German|Germans", "Berlin"),
    "GHA": ("", "", "Ghanaian|Ghanaians", "Accra"),
    "GRC": ("", "", "Greek|Greeks|Hellenic", "Athens"),
    "GRD": ("", "", "Grenadian|Grenadians", "St. George's|Saint George's"),
    "GTM": ("", "", "Guatemalan|Guatemalans", "Guatemala City"),
    "GIN": ("", "Guinea-Conakry", "Guinean|Guineans", "Conakry"),
    "GNB": ("", "", "Bissau-Guinean|Bissau-Guineans", "Bissau"),
    "GUY": ("", "", "Guyanese", "Georgetown"),
    "HTI": ("", "", "Haitian|Haitians", "Port-au-Prince"),
    "HND": ("", "", "Honduran|Hondurans", "Tegucigalpa"),
    "HUN": ("", "", "Hungarian|Hungarians", "Budapest"),
    "ISL": ("", "", "Icelandic|Icelander|Icelanders", "Reykjavík"),
    "IND": ("", "Bharat|Republic of India", "Indian|Indians", "New Delhi"),
    "IDN": ("", "", "Indonesian|Indonesians", "Jakarta"),
    "IRN": ("Iran", "", "Iranian|Iranians", "Tehran|Teheran"),
    "IRQ": ("", "", "Iraqi|Iraqis", "Baghdad"),
    "IRL": ("", "Republic of Ireland|Éire", "Irish|Irishman|Irishmen|Irishwoman", "Dublin"),
    # Jerusalem: Israel's seat of government (the Knesset, the prime minister's office and most
    # ministries sit there); its status as capital is disputed and most embassies are in Tel Aviv.
    # News uses "Jerusalem" for the Israeli government, which is what this column is for.
    "ISR": ("", "", "Israeli|Israelis", "Jerusalem"),
    "ITA": ("", "", "Italian|Italians", "Rome"),
    "JAM": ("", "", "Jamaican|Jamaicans", "Kingston"),
    "JPN": ("", "Nippon", "Japanese", "Tokyo"),
    "JOR": ("", "", "Jordanian|Jordanians", "Amman"),
    "KAZ": ("", "", "Kazakh|Kazakhs|Kazakhstani|Kazakhstanis", "Astana|Nur-Sultan"),
    "KEN": ("", "", "Kenyan|Kenyans", "Nairobi"),
    "KIR": ("", "", "I-Kiribati", "Tarawa|South Tarawa"),
    "KWT": ("", "", "Kuwaiti|Kuwaitis", "Kuwait City"),
    "KGZ": ("", "Kirghizia", "Kyrgyz|Kyrgyzstani|Kyrgyzstanis", "Bishkek"),
    "LAO": ("Laos", "Lao PDR", "Lao|Laotian|Laotians", "Vientiane"),
    "LVA": ("", "", "Latvian|Latvians", "Riga"),
    "LBN": ("", "", "Lebanese", "Beirut"),
    "LSO": ("", "", "Basotho|Mosotho|Lesothan", "Maseru"),
    "LBR": ("", "", "Liberian|Liberians", "Monrovia"),
    "LBY": ("", "", "Libyan|Libyans", "Tripoli"),
    "LIE": ("", "", "Liechtensteiner|Liechtensteiners", "Vaduz"),
    "LTU": ("", "", "Lithuanian|Lithuanians", "Vilnius"),
    "LUX": ("", "", "Luxembourgish|Luxembourger|Luxembourgers", "Luxembourg City"),
    "MDG": ("", "", "Malagasy|Madagascan|Madagascans", "Antananarivo"),
    "MWI": ("", "", "Malawian|Malawians", "Lilongwe"),
    "MYS": ("", "", "Malaysian|Malaysians", "Kuala Lumpur|Putrajaya"),
    # Malé is left out: matching ignores accents, and "Male" is an English word.
    "MDV": ("", "", "Maldivian|Maldivians", ""),
    "MLI": ("", "", "Malian|Malians", "Bamako"),
    "MLT": ("", "", "Maltese", "Valletta"),
    "MHL": ("", "", "Marshallese", "Majuro"),
    "MRT": ("", "", "Mauritanian|Mauritanians", "Nouakchott"),
    "MUS": ("", "", "Mauritian|Mauritians", "Port Louis"),
    "MEX": ("", "", "Mexican|Mexicans", "Mexico City"),
    "FSM": ("Micronesia", "", "Micronesian|Micronesians", "Palikir"),
    "MDA": ("Moldova", "Moldavia", "Moldovan|Moldovans", "Chișinău|Chisinau|Kishinev"),
    "MCO": ("", "", "Monegasque|Monégasque|Monegasques", ""),  # a city-state
    "MNG": ("", "", "Mongolian|Mongolians", "Ulaanbaatar|Ulan Bator"),
    "MNE": ("", "", "Montenegrin|Montenegrins", "Podgorica"),
    "MAR": ("", "", "Moroccan|Moroccans", "Rabat"),
    "MOZ": ("", "", "Mozambican|Mozambicans", "Maputo"),
    "MMR": ("", "Burma", "Burmese", "Naypyitaw|Naypyidaw|Nay Pyi Taw"),
    "NAM": ("", "", "Namibian|Namibians", "Windhoek"),
    "NRU": ("", "", "Nauruan|Nauruans", "Yaren"),
    "NPL": ("", "", "Nepali|Nepalis|Nepalese", "Kathmandu"),
    "NLD": ("", "Holland", "Dutch|Dutchman|Dutchmen|Dutchwoman", "Amsterdam|The Hague"),
    "NZL": ("", "Aotearoa", "New Zealander|New Zealanders|Kiwi|Kiwis", "Wellington"),
    "NIC": ("", "", "Nicaraguan|Nicaraguans", "Managua"),
    "NER": ("", "", "Nigerien|Nigeriens", "Niamey"),
    "NGA": ("", "", "Nigerian|Nigerians", "Abuja"),
    "PRK": (
        "North Korea",
        "DPRK|D.P.R.K.|N. Korea|Democratic People's Republic of Korea",
        "North Korean|North Koreans",
        "Pyongyang",
    ),
    "MKD": ("", "Macedonia|FYROM", "North Macedonian|North Macedonians|Macedonian|Macedonians", "Skopje"),
    "NOR": ("", "", "Norwegian|Norwegians", "Oslo"),
    "OMN": ("", "", "Omani|Omanis", "Muscat"),
    "PAK": ("", "", "Pakistani|Pakistanis", "Islamabad"),
    "PLW": ("", "", "Palauan|Palauans", "Ngerulmud|Melekeok"),
    "PAN": ("", "", "Panamanian|Panamanians", "Panama City"),
    "PNG": ("", "PNG", "Papua New Guinean|Papua New Guineans", "Port Moresby"),
    "PRY": ("", "", "Paraguayan|Paraguayans", "Asunción"),
    "PER": ("", "", "Peruvian|Peruvians", "Lima"),
    "PHL": ("", "", "Filipino|Filipinos|Filipina|Filipinas|Philippine", "Manila"),
    "POL": ("", "", "Polish|Pole|Poles", "Warsaw"),
    "PRT": ("", "", "Portuguese", "Lisbon"),
    "QAT": ("", "", "Qatari|Qataris", "Doha"),
    "KOR": (
        "South Korea",
        "ROK|R.O.K.|S. Korea|Republic of Korea|Korea",
        "South Korean|South Koreans",
        "Seoul",
    ),
    "ROU": ("", "", "Romanian|Romanians", "Bucharest"),
    "RUS": ("Russia", "", "Russian|Russians", "Moscow"),
    "RWA": ("", "", "Rwandan|Rwandans|Rwandese", "Kigali"),
    "KNA": (
        "",
        "St. Kitts and Nevis|St Kitts and Nevis|Saint Kitts|St. Kitts",
        "Kittitian|Kittitians|Nevisian|Nevisians",
        "Basseterre",
    ),
    "LCA": ("", "St. Lucia|St Lucia", "Saint Lucian|Saint Lucians|St. Lucian|St. Lucians", "Castries"),
    "VCT": (
        "",
        "St. Vincent and the Grenadines|St Vincent and the Grenadines|Saint Vincent|St. Vincent",
        "Vincentian|Vincentians",
        "Kingstown",
    ),
    "WSM": ("", "Western Samoa", "Samoan|Samoans", "Apia"),
    "SMR": ("", "", "Sammarinese", ""),  # the capital shares the country's name
    "STP": ("", "São Tomé and Príncipe", "Santomean|Santomeans|São Toméan", "São Tomé"),
    "SAU": ("", "KSA|Kingdom of Saudi Arabia", "Saudi|Saudis|Saudi Arabian|Saudi Arabians", "Riyadh"),
    "SEN": ("", "", "Senegalese", "Dakar"),
    "SRB": ("", "", "Serbian|Serbians|Serb|Serbs", "Belgrade"),
    "SYC": ("", "", "Seychellois", "Victoria"),
    "SLE": ("", "", "Sierra Leonean|Sierra Leoneans", "Freetown"),
    "SGP": ("", "", "Singaporean|Singaporeans", ""),  # a city-state
    "SVK": ("", "", "Slovak|Slovaks|Slovakian|Slovakians", "Bratislava"),
    "SVN": ("", "", "Slovenian|Slovenians|Slovene|Slovenes", "Ljubljana"),
    "SLB": ("", "Solomons", "Solomon Islander|Solomon Islanders", "Honiara"),
    "SOM": ("", "", "Somali|Somalis|Somalian|Somalians", "Mogadishu"),
    "ZAF": ("", "RSA", "South African|South Africans", "Pretoria"),
    "SSD": ("", "", "South Sudanese", "Juba"),
    "ESP": ("", "", "Spanish|Spaniard|Spaniards", "Madrid"),
    "LKA": ("", "Ceylon", "Sri Lankan|Sri Lankans", "Colombo|Sri Jayawardenepura Kotte"),
    # Port Sudan: seat of the army-led government since the 2023 war.
    "SDN": ("", "", "Sudanese", "Khartoum|Port Sudan"),
    "SUR": ("", "Surinam", "Surinamese|Surinamer|Surinamers", "Paramaribo"),
    "SWE": ("", "", "Swedish|Swede|Swedes", "Stockholm"),
    "CHE": ("", "", "Swiss", "Bern|Berne"),
    "SYR": ("Syria", "", "Syrian|Syrians", "Damascus"),
    "TJK": ("", "", "Tajik|Tajiks|Tajikistani|Tajikistanis", "Dushanbe"),
    "TZA": ("Tanzania", "", "Tanzanian|Tanzanians", "Dodoma|Dar es Salaam"),
    "THA": ("", "Siam", "Thai|Thais", "Bangkok"),
    "TLS": ("East Timor", "Timor-Leste|Timor Leste", "East Timorese|Timorese", "Dili"),
    "TGO": ("", "", "Togolese", "Lomé"),
    "TON": ("", "", "Tongan|Tongans", "Nuku'alofa|Nukualofa"),
    "TTO": (
        "",
        "Trinidad|Trinidad & Tobago",
        "Trinidadian|Trinidadians|Tobagonian|Tobagonians",
        "Port of Spain",
    ),
    "TUN": ("", "", "Tunisian|Tunisians", "Tunis"),
    "TUR": ("Turkey", "Turkiye", "Turkish|Turk|Turks", "Ankara"),
    "TKM": ("", "", "Turkmen|Turkmens|Turkmenistani|Turkmenistanis", "Ashgabat|Ashkhabad"),
    "TUV": ("", "", "Tuvaluan|Tuvaluans", "Funafuti"),
    "UGA": ("", "", "Ugandan|Ugandans", "Kampala"),
    "UKR": ("", "", "Ukrainian|Ukrainians", "Kyiv|Kiev"),
    "ARE": ("", "UAE|U.A.E.|Emirates", "Emirati|Emiratis", "Abu Dhabi"),
    "GBR": (
        "",
        "UK|U.K.|Britain|Great Britain|GB|United Kingdom of Great Britain and Northern Ireland",
        "British|Briton|Britons|Brit|Brits",
        "London",
    ),
    "USA": (
        "",
        "US|U.S.|USA|U.S.A.|America|United States of America",
        "American|Americans",
        "Washington|Washington, D.C.|Washington D.C.|Washington DC",
    ),
    "URY": ("", "", "Uruguayan|Uruguayans", "Montevideo"),
    "UZB": ("", "", "Uzbek|Uzbeks|Uzbekistani|Uzbekistanis", "Tashkent"),
    "VUT": ("", "", "Ni-Vanuatu|Vanuatuan", "Port Vila"),
    "VEN": ("Venezuela", "", "Venezuelan|Venezuelans", "Caracas"),
    "VNM": ("Vietnam", "Viet Nam", "Vietnamese", "Hanoi|Ha Noi"),
    # Aden: seat of the internationally recognised government while the Houthis hold Sanaa.
    "YEM": ("", "", "Yemeni|Yemenis|Yemenite|Yemenites", "Sanaa|Sana'a|Aden"),
    "ZMB": ("", "", "Zambian|Zambians", "Lusaka"),
    "ZWE": ("", "", "Zimbabwean|Zimbabweans", "Harare"),
    # Not UN members but independent in PLOVER's list: the Holy See, Taiwan, Kosovo (below).
    "VAT": ("Holy See", "Vatican|Vatican City State", "", "Vatican City"),
    "TWN": ("Taiwan", "Republic of China|ROC|Chinese Taipei", "Taiwanese", "Taipei"),
    # PLOVER's territorial exceptions with their own country code.
    "ATA": ("", "", "Antarctic", ""),
    "HKG": ("", "Hong Kong SAR|HKSAR", "Hong Konger|Hong Kongers|Hongkonger|Hongkongers", ""),
    # Ramallah: seat of the Palestinian Authority. Gaza and the West Bank are places, not names of
    # the Palestinian state, and are deliberately not aliases.
    "PSE": (
        "Palestine",
        "State of Palestine|Palestinian territories|occupied Palestinian territories",
        "Palestinian|Palestinians",
        "Ramallah",
    ),
}

#: PLOVER's territorial exceptions: own code though not independent states.
SPECIAL = frozenset({"ATA", "HKG", "PSE"})

# Kosovo has no ISO 3166 code; PLOVER uses KOS.
KOSOVO = ("KOS", "Kosovo", "Republic of Kosovo", "Kosovar|Kosovars|Kosovan|Kosovans", "Pristina|Prishtina")

# Dependencies folded into their controlling state, and partially recognised entities folded into
# the claimant state (status "pre"). alpha3: (controlling state, common name or "", aliases,
# adjectives/demonyms, capitals). Capitals are left out: they name local, not national, governments.
FOLDED: dict[str, tuple[str, str, str, str, str]] = {
    "ABW": ("NLD", "", "", "Aruban|Arubans", ""),
    "AIA": ("GBR", "", "", "Anguillan|Anguillans", ""),
    "ALA": ("FIN", "", "Aland Islands|Åland", "", ""),
    "ASM": ("USA", "", "", "American Samoan|American Samoans", ""),
    "ATF": ("FRA", "", "", "", ""),
    "BES": ("NLD", "Caribbean Netherlands", "Bonaire", "", ""),
    "BLM": ("FRA", "", "St. Barthélemy|St. Barts", "", ""),
    "BMU": ("GBR", "", "", "Bermudian|Bermudians", ""),
    "BVT": ("NOR", "", "", "", ""),
    "CCK": ("AUS", "Cocos Islands", "Keeling Islands", "", ""),
    "COK": ("NZL", "", "", "Cook Islander|Cook Islanders", ""),
    "CUW": ("NLD", "", "", "Curaçaoan|Curaçaoans", ""),
    "CXR": ("AUS", "", "", "", ""),
    "CYM": ("GBR", "", "Caymans", "Caymanian|Caymanians", ""),
    "ESH": ("MAR", "", "", "Sahrawi|Sahrawis|Saharawi|Saharawis", ""),
    "FLK": ("GBR", "Falkland Islands", "Falklands|Malvinas", "Falkland Islander|Falkland Islanders", ""),
    "FRO": ("DNK", "", "Faroes|Faeroe Islands", "Faroese", ""),
    "GGY": ("GBR", "", "", "", ""),
    "GIB": ("GBR", "", "", "Gibraltarian|Gibraltarians", ""),
    "GLP": ("FRA", "", "", "Guadeloupean|Guadeloupeans", ""),
    "GRL": ("DNK", "", "Kalaallit Nunaat", "Greenlandic|Greenlander|Greenlanders", "Nuuk"),
    "GUF": ("FRA", "", "", "French Guianese", ""),
    "GUM": ("USA", "", "", "Guamanian|Guamanians", ""),
    "HMD": ("AUS", "", "", "", ""),
    "IMN": ("GBR", "", "", "Manx", ""),
    "IOT": ("GBR", "", "Chagos Islands|Chagos Archipelago", "Chagossian|Chagossians", ""),
    "JEY": ("GBR", "", "", "", ""),
    "MAC": ("CHN", "Macau", "Macao SAR", "Macanese", ""),
    "MAF": ("FRA", "Saint Martin", "St. Martin", "", ""),
    "MNP": ("USA", "", "", "", ""),
    "MSR": ("GBR", "", "", "Montserratian|Montserratians", ""),
    "MTQ": ("FRA", "", "", "Martinican|Martinicans", ""),
    "MYT": ("FRA", "", "", "Mahoran|Mahorans", ""),
    "NCL": ("FRA", "", "", "New Caledonian|New Caledonians", ""),
    "NFK": ("AUS", "", "", "", ""),
    "NIU": ("NZL", "", "", "Niuean|Niueans", ""),
    "PCN": ("GBR", "Pitcairn Islands", "Pitcairn", "", ""),
    "PRI": ("USA", "", "", "Puerto Rican|Puerto Ricans", ""),
    "PYF": ("FRA", "", "Tahiti", "Tahitian|Tahitians|French Polynesian", ""),
    "REU": ("FRA", "", "", "Réunionese", ""),
    "SGS": ("GBR", "", "", "", ""),
    "SHN": ("GBR", "Saint Helena", "St. Helena|Ascension Island|Tristan da Cunha", "Saint Helenian", ""),
    "SJM": ("NOR", "", "Svalbard", "", ""),
    "SPM": ("FRA", "", "St. Pierre and Miquelon", "", ""),
    "SXM": ("NLD", "Sint Maarten", "", "", ""),
    "TCA": ("GBR", "", "", "", ""),
    "TKL": ("NZL", "", "", "Tokelauan|Tokelauans", ""),
    "UMI": ("USA", "", "", "", ""),
    "VGB": ("GBR", "British Virgin Islands", "", "", ""),
    "VIR": ("USA", "U.S. Virgin Islands", "US Virgin Islands|United States Virgin Islands", "", ""),
    "WLF": ("FRA", "", "", "", ""),
}

#: Folded rows that PLOVER treats as partially recognised entities (sector PRE).
PRE = frozenset({"ESH"})
#: States whose demonym belongs to a neighbour ("Dominican", "Congolese") or that have none in use.
NO_ADJECTIVE = frozenset({"DMA", "COG", "VAT"})
#: States without a capital in the table: city-states whose capital is the country's own name,
#: and the Maldives (see above).
NO_CAPITAL = frozenset({"DJI", "MCO", "SMR", "SGP", "MDV"})

COLUMNS = ("alpha3", "name", "aliases", "adjectives", "capitals", "plover", "status")


def _split(field: str) -> list[str]:
    return [s.strip() for s in field.split("|") if s.strip()]


def _iso_names(alpha3: str, name: str, taken: set[str]) -> list[str]:
    """pycountry's ISO and official names usable as aliases: not inverted ("Korea, Republic of") and
    not a form the curated tables give to another country (ISO's "Congo" is the Republic's)."""
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return []
    out = []
    for attr in ("name", "official_name", "common_name"):
        value = str(getattr(country, attr, "") or "")
        if value.lower().startswith("the "):
            value = value[4:]
        if (
            value
            and value != name
            and "," not in value
            and "(" not in value
            and value.casefold() not in taken
        ):
            out.append(value)
    return out


def _unique(values: list[str]) -> str:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return "|".join(seen)


def build() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    iso = {c.alpha_3 for c in pycountry.countries}
    missing = iso - set(STATES) - set(FOLDED)
    extra = (set(STATES) | set(FOLDED)) - iso
    if missing or extra:
        raise SystemExit(f"curated tables out of step with ISO 3166: missing {missing}, unknown {extra}")
    owners: dict[str, set[str]] = {}
    for code, curated in [*STATES.items(), *((k, v[1:]) for k, v in FOLDED.items())]:
        for form in (f for field in curated for f in _split(field)):
            owners.setdefault(form.casefold(), set()).add(code)
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        taken = {form for form, codes in owners.items() if codes - {code}}
        if code in STATES:
            name, aliases, adjectives, capitals = STATES[code]
            plover, status = code, "special" if code in SPECIAL else "state"
        else:
            plover, name, aliases, adjectives, capitals = FOLDED[code]
            status = "pre" if code in PRE else "dependency"
        name = name or str(getattr(country, "common_name", "") or country.name)
        rows.append(
            {
                "alpha3": code,
                "name": name,
                "aliases": _unique(
                    [a for a in [*_split(aliases), *_iso_names(code, name, taken)] if a != name]
                ),
                "adjectives": _unique(_split(adjectives)),
                "capitals": _unique(_split(capitals)),
                "plover": plover,
                "status": status,
            }
        )
    code, name, aliases, adjectives, capitals = KOSOVO
    rows.append(
        {
            "alpha3": code,
            "name": name,
            "aliases": aliases,
            "adjectives": adjectives,
            "capitals": capitals,
            "plover": code,
            "status": "state",
        }
    )
    return sorted(rows, key=lambda r: r["alpha3"])


def check(rows: list[dict[str, str]]) -> list[str]:
    """Problems: a surface form in two rows (compared case-insensitively), a state without
    adjectives or capitals."""
    problems = []
    owner: dict[str, str] = {}
    for row in rows:
        forms = [row["name"], *(_split(row[c]) for c in ("aliases", "adjectives", "capitals"))]
        flat = [row["name"]] + [f for group in forms[1:] for f in group]
        for form in flat:
            key = form.casefold()
            if owner.setdefault(key, row["alpha3"]) != row["alpha3"]:
                problems.append(f"{form!r} in {owner[key]} and {row['alpha3']}")
        state = row["status"] == "state"
        if state and not row["adjectives"] and row["alpha3"] not in NO_ADJECTIVE:
            problems.append(f"{row['alpha3']} has no adjectives")
        if state and not row["capitals"] and row["alpha3"] not in NO_CAPITAL:
            problems.append(f"{row['alpha3']} has no capital")
    return problems


def main() -> None:
    rows = build()
    problems = check(rows)
    if problems:
        raise SystemExit("\n".join(problems))
    lines = ["\t".join(COLUMNS)] + ["\t".join(row[c] for c in COLUMNS) for row in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
