"""Countries and their demonyms, and which infobox side each party and nationality is on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .infobox import Infobox

# "Country; other names: adjective, plural, more adjectives" — a general world list, one
# country per line. A demonym with no plural of its own ("French") is listed once.
WORLD = """
Afghanistan: Afghan, Afghans
Albania: Albanian, Albanians
Algeria: Algerian, Algerians
Andorra: Andorran, Andorrans
Angola: Angolan, Angolans
Antigua and Barbuda: Antiguan, Antiguans
Argentina: Argentine, Argentines, Argentinian, Argentinians
Armenia; Republic of Armenia: Armenian, Armenians
Artsakh; Republic of Artsakh; Nagorno-Karabakh Republic: Artsakhi, Artsakhis
Australia: Australian, Australians
Austria: Austrian, Austrians
Azerbaijan; Republic of Azerbaijan: Azerbaijani, Azerbaijanis, Azeri, Azeris
Bahamas: Bahamian, Bahamians
Bahrain: Bahraini, Bahrainis
Bangladesh: Bangladeshi, Bangladeshis
Barbados: Barbadian, Barbadians
Belarus: Belarusian, Belarusians
Belgium: Belgian, Belgians
Belize: Belizean, Belizeans
Benin: Beninese
Bhutan: Bhutanese
Bolivia: Bolivian, Bolivians
Bosnia and Herzegovina; Bosnia: Bosnian, Bosnians
Botswana: Motswana, Batswana
Brazil: Brazilian, Brazilians
Brunei: Bruneian, Bruneians
Bulgaria: Bulgarian, Bulgarians
Burkina Faso: Burkinabe
Burundi: Burundian, Burundians
Cambodia: Cambodian, Cambodians
Cameroon: Cameroonian, Cameroonians
Canada: Canadian, Canadians
Cape Verde: Cape Verdean, Cape Verdeans
Central African Republic: Central African, Central Africans
Chad: Chadian, Chadians
Chile: Chilean, Chileans
China; People's Republic of China: Chinese
Colombia: Colombian, Colombians
Comoros: Comorian, Comorians
Democratic Republic of the Congo; DR Congo: Congolese
Republic of the Congo: Congolese
Costa Rica: Costa Rican, Costa Ricans
Croatia: Croatian, Croatians, Croat, Croats
Cuba: Cuban, Cubans
Cyprus: Cypriot, Cypriots
Czech Republic; Czechia: Czech, Czechs
Denmark: Danish, Danes
Djibouti: Djiboutian, Djiboutians
Dominica: Dominican, Dominicans
Dominican Republic: Dominican, Dominicans
East Timor; Timor-Leste: Timorese
Ecuador: Ecuadorian, Ecuadorians
Egypt: Egyptian, Egyptians
El Salvador: Salvadoran, Salvadorans
Equatorial Guinea: Equatoguinean, Equatoguineans
Eritrea: Eritrean, Eritreans
Estonia: Estonian, Estonians
Eswatini; Swaziland: Swazi, Swazis
Ethiopia: Ethiopian, Ethiopians
Fiji: Fijian, Fijians
Finland: Finnish, Finns
France: French, Frenchmen
Gabon: Gabonese
Gambia: Gambian, Gambians
Georgia: Georgian, Georgians
Germany: German, Germans
Ghana: Ghanaian, Ghanaians
Greece: Greek, Greeks
Grenada: Grenadian, Grenadians
Guatemala: Guatemalan, Guatemalans
Guinea: Guinean, Guineans
Guinea-Bissau: Bissau-Guinean, Bissau-Guineans
Guyana: Guyanese
Haiti: Haitian, Haitians
Honduras: Honduran, Hondurans
Hungary: Hungarian, Hungarians
Iceland: Icelandic, Icelanders
India: Indian, Indians
Indonesia: Indonesian, Indonesians
Iran; Islamic Republic of Iran: Iranian, Iranians
Iraq: Iraqi, Iraqis
Ireland: Irish
Israel: Israeli, Israelis
Italy: Italian, Italians
Ivory Coast; Côte d'Ivoire: Ivorian, Ivorians
Jamaica: Jamaican, Jamaicans
Japan: Japanese
Jordan: Jordanian, Jordanians
Kazakhstan: Kazakh, Kazakhs, Kazakhstani, Kazakhstanis
Kenya: Kenyan, Kenyans
Kiribati: I-Kiribati
Kosovo: Kosovar, Kosovars
Kuwait: Kuwaiti, Kuwaitis
Kyrgyzstan: Kyrgyz
Laos: Lao, Laotian, Laotians
Latvia: Latvian, Latvians
Lebanon: Lebanese
Lesotho: Basotho
Liberia: Liberian, Liberians
Libya: Libyan, Libyans
Liechtenstein: Liechtensteiner, Liechtensteiners
Lithuania: Lithuanian, Lithuanians
Luxembourg: Luxembourgish, Luxembourgers
Madagascar: Malagasy
Malawi: Malawian, Malawians
Malaysia: Malaysian, Malaysians
Maldives: Maldivian, Maldivians
Mali: Malian, Malians
Malta: Maltese
Marshall Islands: Marshallese
Mauritania: Mauritanian, Mauritanians
Mauritius: Mauritian, Mauritians
Mexico: Mexican, Mexicans
Micronesia: Micronesian, Micronesians
Moldova: Moldovan, Moldovans
Monaco: Monegasque, Monegasques
Mongolia: Mongolian, Mongolians
Montenegro: Montenegrin, Montenegrins
Morocco: Moroccan, Moroccans
Mozambique: Mozambican, Mozambicans
Myanmar; Burma: Burmese
Namibia: Namibian, Namibians
Nauru: Nauruan, Nauruans
Nepal: Nepali, Nepalis, Nepalese
Netherlands; Holland: Dutch
New Zealand: New Zealander, New Zealanders
Nicaragua: Nicaraguan, Nicaraguans
Niger: Nigerien, Nigeriens
Nigeria: Nigerian, Nigerians
North Korea: North Korean, North Koreans
North Macedonia; Macedonia: Macedonian, Macedonians
Norway: Norwegian, Norwegians
Oman: Omani, Omanis
Pakistan: Pakistani, Pakistanis
Palau: Palauan, Palauans
Palestine; State of Palestine: Palestinian, Palestinians
Panama: Panamanian, Panamanians
Papua New Guinea: Papua New Guinean, Papua New Guineans
Paraguay: Paraguayan, Paraguayans
Peru: Peruvian, Peruvians
Philippines: Filipino, Filipinos, Philippine
Poland: Polish, Poles
Portugal: Portuguese
Qatar: Qatari, Qataris
Romania: Romanian, Romanians
Russia; Russian Federation: Russian, Russians
Rwanda: Rwandan, Rwandans
Saint Kitts and Nevis: Kittitian, Kittitians
Saint Lucia: Saint Lucian, Saint Lucians
Saint Vincent and the Grenadines: Vincentian, Vincentians
Samoa: Samoan, Samoans
San Marino: Sammarinese
Sao Tome and Principe: Santomean, Santomeans
Saudi Arabia: Saudi, Saudis, Saudi Arabian, Saudi Arabians
Senegal: Senegalese
Serbia: Serbian, Serbians, Serb, Serbs
Seychelles: Seychellois
Sierra Leone: Sierra Leonean, Sierra Leoneans
Singapore: Singaporean, Singaporeans
Slovakia: Slovak, Slovaks
Slovenia: Slovenian, Slovenians, Slovene, Slovenes
Solomon Islands: Solomon Islander, Solomon Islanders
Somalia: Somali, Somalis
South Africa: South African, South Africans
South Korea: South Korean, South Koreans
South Sudan: South Sudanese
Spain: Spanish, Spaniards
Sri Lanka: Sri Lankan, Sri Lankans
Sudan: Sudanese
Suriname: Surinamese
Sweden: Swedish, Swedes
Switzerland: Swiss
Syria: Syrian, Syrians
Taiwan: Taiwanese
Tajikistan: Tajik, Tajiks, Tajikistani
Tanzania: Tanzanian, Tanzanians
Thailand: Thai
Togo: Togolese
Tonga: Tongan, Tongans
Trinidad and Tobago: Trinidadian, Trinidadians
Tunisia: Tunisian, Tunisians
Turkey; Türkiye: Turkish, Turks
Turkmenistan: Turkmen
Tuvalu: Tuvaluan, Tuvaluans
Uganda: Ugandan, Ugandans
Ukraine: Ukrainian, Ukrainians
United Arab Emirates; UAE: Emirati, Emiratis
United Kingdom; UK; Britain; Great Britain: British, Britons
United States; United States of America; USA; U.S.: American, Americans
Uruguay: Uruguayan, Uruguayans
Uzbekistan: Uzbek, Uzbeks
Vanuatu: Ni-Vanuatu
Vatican City; Holy See: Vatican
Venezuela: Venezuelan, Venezuelans
Vietnam: Vietnamese
Yemen: Yemeni, Yemenis
Zambia: Zambian, Zambians
Zimbabwe: Zimbabwean, Zimbabweans
Abkhazia: Abkhaz, Abkhazian, Abkhazians
South Ossetia: South Ossetian, South Ossetians
Transnistria: Transnistrian, Transnistrians
Northern Cyprus: Turkish Cypriot, Turkish Cypriots
Soviet Union; USSR: Soviet, Soviets
"""

# Capital cities of the world list's countries (some with a former or other spelling): a
# general list. A capital is a place when nothing in the text says what else it names.
CAPITALS = frozenset(
    name.strip().lower()
    for name in """
    Kabul, Tirana, Algiers, Andorra la Vella, Luanda, Buenos Aires, Yerevan, Stepanakert, Canberra,
    Vienna, Baku, Nassau, Manama, Dhaka, Bridgetown, Minsk, Brussels, Belmopan, Porto-Novo, Thimphu,
    La Paz, Sucre, Sarajevo, Gaborone, Brasília, Brasilia, Bandar Seri Begawan, Sofia, Ouagadougou,
    Gitega, Bujumbura, Phnom Penh, Yaoundé, Yaounde, Ottawa, Praia, Bangui, N'Djamena, Santiago,
    Beijing, Peking, Bogotá, Bogota, Moroni, Kinshasa, Brazzaville, San José, Zagreb, Havana,
    Nicosia, Prague, Copenhagen, Djibouti, Roseau, Santo Domingo, Dili, Quito, Cairo, San Salvador,
    Malabo, Asmara, Tallinn, Mbabane, Addis Ababa, Suva, Helsinki, Paris, Libreville, Banjul,
    Tbilisi, Berlin, Accra, Athens, Guatemala City, Conakry, Bissau, Georgetown, Port-au-Prince,
    Tegucigalpa, Budapest, Reykjavík, Reykjavik, New Delhi, Delhi, Jakarta, Tehran, Teheran,
    Baghdad, Dublin, Jerusalem, Tel Aviv, Rome, Yamoussoukro, Kingston, Tokyo, Amman, Astana,
    Nur-Sultan, Nairobi, Pristina, Kuwait City, Bishkek, Vientiane, Riga, Beirut, Maseru, Monrovia,
    Tripoli, Vaduz, Vilnius, Luxembourg, Antananarivo, Lilongwe, Kuala Lumpur, Malé, Bamako,
    Valletta, Nouakchott, Port Louis, Mexico City, Chișinău, Chisinau, Ulaanbaatar, Ulan Bator,
    Podgorica, Rabat, Maputo, Naypyidaw, Rangoon, Yangon, Windhoek, Kathmandu, Amsterdam,
    Wellington, Managua, Niamey, Abuja, Pyongyang, Skopje, Oslo, Muscat, Islamabad, Ramallah,
    Panama City, Port Moresby, Asunción, Asuncion, Lima, Manila, Warsaw, Lisbon, Doha, Bucharest,
    Moscow, Kigali, Riyadh, Dakar, Belgrade, Freetown, Bratislava, Ljubljana, Honiara, Mogadishu,
    Pretoria, Seoul, Juba, Madrid, Colombo, Khartoum, Paramaribo, Stockholm, Bern, Damascus,
    Taipei, Dushanbe, Dodoma, Bangkok, Lomé, Lome, Port of Spain, Tunis, Ankara, Ashgabat, Kampala,
    Kyiv, Kiev, Abu Dhabi, London, Montevideo, Tashkent, Port Vila, Caracas, Hanoi, Saigon, Sanaa,
    Sana'a, Lusaka, Harare, Sukhumi, Tskhinvali, Tiraspol, Hargeisa, Canberra, Apia, Tarawa, Majuro,
    Palikir, Funafuti, Castries, Kingstown, Basseterre, St. John's, Saint George's, Victoria,
    Lobamba, São Tomé, Sao Tome, Monaco, San Marino, Vatican City
    """.split(",")
)


def is_capital(name: str) -> bool:
    return " ".join(name.split()).lower() in CAPITALS


FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF\U0001F3F4\U000E0020-\U000E007F]")
BULLET = re.compile(r"^\s*[*\-•]+\s*")
ASIDE = re.compile(r"\s*\([^)]*\)")
# Headers under which the listed parties help a side without fighting for it.
SUPPORT_HEADER = re.compile(r"\b(?:support|suppl|backed|aid\b|assist|diplomatic|politic|logistic|financ)", re.I)


@dataclass(frozen=True)
class Nation:
    name: str  # canonical: "Azerbaijan"
    names: tuple[str, ...]  # every name and demonym, as written: "Azerbaijan", "Azeri", ...
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    side: int | None  # None when the nation or party is on no side


@dataclass(frozen=True)
class SideMap:
    """Which infobox side each party, country and demonym belongs to."""

    names: dict[str, int] = field(default_factory=dict)  # lowercase name -> side
    parties: dict[int, tuple[str, ...]] = field(default_factory=dict)  # side -> main parties

    def side_of(self, name: str) -> int | None:
        key = name.strip().lower()
        if key in self.names:
            return self.names[key]
        nation = nation_of(name)
        return self.names.get(nation.name.lower()) if nation else None

    def mentions(self, text: str) -> list[Mention]:
        """Nations and parties named in the text, with their sides (None: a third party)."""
        found = _names_in(tuple(self.names), text)
        return [Mention(start, end, name, self.side_of(name)) for start, end, name in found]

    def side_in(self, text: str) -> tuple[bool, int | None]:
        """(whether any nation is named, the one side they all belong to or None)."""
        sides = {mention.side for mention in self.mentions(text)}
        if not sides:
            return False, None
        return True, sides.pop() if len(sides) == 1 else None

    def opponent(self, side: int | None) -> int | None:
        """The other side when there are exactly two."""
        others = [number for number in self.parties if number != side]
        return others[0] if side is not None and len(self.parties) == 2 and len(others) == 1 else None


@lru_cache(maxsize=1)
def nations() -> dict[str, Nation]:
    """Every name and demonym (lowercase) -> its Nation."""
    table: dict[str, Nation] = {}
    for line in WORLD.strip().splitlines():
        names_part, demonym_part = line.split(":")
        names = [name.strip() for name in names_part.split(";")]
        demonyms = tuple(word.strip() for word in demonym_part.split(","))
        nation = Nation(names[0], tuple(names) + demonyms, demonyms)
        for word in nation.names:
            table.setdefault(word.lower(), nation)
    return table


def nation_of(word: str) -> Nation | None:
    return nations().get(word.strip().lower())


def side_map(infobox: Infobox | None) -> SideMap:
    """Parties of each `combatantN` column, their countries and demonyms -> side N.

    Parties listed under a support header ("Supported by:", "Arms suppliers:") are not
    combatants: their nationals are third parties. A name on both sides belongs to neither.
    A side whose combatant field is missing is known by the countries its `unitsN` field
    names ("Armed Forces of Ruritania").
    """
    if infobox is None:
        return SideMap()
    found: dict[str, set[int]] = {}
    parties: dict[int, tuple[str, ...]] = {}
    for side, column in infobox.numbered("combatant"):
        listed = combatant_parties(column.lines())
        parties[side] = tuple(name for name, main in listed if main)
        for name, _ in listed:
            for key in _keys(name):
                found.setdefault(key, set()).add(side)
    for side, units in infobox.numbered("units"):
        if side not in parties:
            for name in _world_names_in(units.text):
                for key in _keys(name):
                    found.setdefault(key, set()).add(side)
    names = {key: sides.pop() for key, sides in found.items() if len(sides) == 1}
    return SideMap(names, parties)


def combatant_parties(lines: list[str]) -> list[tuple[str, bool]]:
    """The fighting parties of one combatant column as (name, main), cleaned of flags, bullets
    and asides. A main party is neither alleged ("(alleged by Armenia)") nor a bulleted group
    under another ("* Syrian mercenaries")."""
    parties = []
    supporting = False
    for line in lines:
        name = clean_party(line)
        if is_header(line):
            supporting = bool(SUPPORT_HEADER.search(name))
        elif name and not supporting:
            main = not re.search(r"\(\s*alleged", line, re.I) and not BULLET.match(FLAG.sub("", line))
            parties.append((name, main))
    return parties


# "Supported by" written without its colon is a header all the same.
HELPER_HEADER = re.compile(r"(?:supported|backed|assisted|aided|supplied) by", re.I)


def is_header(line: str) -> bool:
    """A line that heads the parties listed under it: "Supported by:", "Airstrikes:"."""
    plain = BULLET.sub("", FLAG.sub("", line)).strip().replace("**", "")
    return plain.endswith(":") or bool(HELPER_HEADER.fullmatch(plain))


def clean_party(line: str) -> str:
    text = ASIDE.sub("", FLAG.sub("", line))
    return BULLET.sub("", text).strip().rstrip(":").strip()


def _keys(party: str) -> list[str]:
    """Lowercase names a party is known by: a country brings its names and demonyms; a group
    named by a demonym ("Syrian mercenaries") brings the demonym, not the country; a
    one-word name the world list lacks brings the demonyms it would form ("Dorsa": Dorsan)."""
    keys = [party.lower()]
    nation = nation_of(party)
    if nation:
        return keys + [name.lower() for name in nation.names]
    for word in _world_names_in(party):
        nation = nation_of(word)
        if nation and word in nation.demonyms:
            keys += [demonym.lower() for demonym in nation.demonyms]
    if re.fullmatch(r"[A-Z][a-z]+", party):
        keys += likely_demonyms(party.lower())
    return keys


def likely_demonyms(name: str) -> list[str]:
    """ "dorsa" -> dorsan, dorsans, dorsian, ...; "velmar" -> velmari, velmaris, ..."""
    stems = {name, name.rstrip("aeiouy")}
    adjectives = {stem + ending for stem in stems for ending in ("n", "an", "ian", "i", "ese", "ish")}
    plurals = {adjective + "s" for adjective in adjectives if not adjective.endswith(("ese", "ish"))}
    return sorted(adjectives | plurals)


def _world_names_in(text: str) -> list[str]:
    """The world list's names written in the text, whole, left to right, a longer one first:
    what _world_pattern() finds, without compiling it (milliseconds) for a few parties."""
    found = []
    position = 0
    while position < len(text):
        name = _world_name_at(text, position)
        if name:
            found.append(name)
        position += len(name) if name else 1
    return found


def _world_name_at(text: str, position: int) -> str | None:
    """The longest world name written whole at `position`, or None."""
    if position and _in_word(text[position - 1]):
        return None
    for name in _names_by_initial().get(text[position], ()):
        end = position + len(name)
        if text.startswith(name, position) and not (end < len(text) and _in_word(text[end])):
            return name
    return None


def _in_word(char: str) -> bool:
    """A word character or a hyphen: what may not touch a name."""
    return char.isalnum() or char in "_-"


@lru_cache(maxsize=1)
def _names_by_initial() -> dict[str, list[str]]:
    by_initial: dict[str, list[str]] = {}
    for name in sorted({name for nation in nations().values() for name in nation.names}, key=len, reverse=True):
        by_initial.setdefault(name[0], []).append(name)
    return by_initial


@lru_cache(maxsize=4096)
def _names_in(extra_names: tuple[str, ...], text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of each name in the text; claims ask about the same phrases often.

    The names of the world list as written (case-sensitive) and the extra names in any case,
    as one alternation of all of them would find them: leftmost, and at one position the
    alternative written longer first (an extra name counting its "(?i:...)"), the world
    list's on a tie. The world list's pattern is compiled once, not once per set of extra
    names (each document's sides): it takes milliseconds."""
    world, extra = _world_pattern(), _extra_pattern(extra_names)
    if extra is None:
        return tuple((m.start(), m.end(), m.group()) for m in world.finditer(text))
    found = []
    position = 0
    next_world, next_extra = world.search(text), extra.search(text)
    while next_world or next_extra:
        match = next_extra if next_world is None or (next_extra and _before(next_extra, next_world)) else next_world
        found.append((match.start(), match.end(), match.group()))
        position = match.end()
        if next_world and next_world.start() < position:
            next_world = world.search(text, position)
        if next_extra and next_extra.start() < position:
            next_extra = extra.search(text, position)
    return tuple(found)


def _before(extra: re.Match, world: re.Match) -> bool:
    """Whether the extra name's match wins over the world name's in one alternation."""
    if extra.start() != world.start():
        return extra.start() < world.start()
    return len(re.escape(extra.group())) + len("(?i:)") > len(re.escape(world.group()))


@lru_cache(maxsize=1)
def _world_pattern() -> re.Pattern:
    """Names as written in the world list (case-sensitive)."""
    written = sorted({name for nation in nations().values() for name in nation.names}, key=len, reverse=True)
    return _whole_words(sorted((re.escape(name) for name in written), key=len, reverse=True))


@lru_cache(maxsize=16)
def _extra_pattern(extra_names: tuple[str, ...]) -> re.Pattern | None:
    """Extra names in any case, or None when there are none."""
    extra = sorted(extra_names, key=len, reverse=True)
    alternatives = sorted((f"(?i:{re.escape(name)})" for name in extra if name), key=len, reverse=True)
    return _whole_words(alternatives) if alternatives else None


def _whole_words(alternatives: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
