"""The names of States as UN documents print them, and one canonical form of each.

UPR reports name the recommending State in brackets, in whichever form the
secretariat used that year: "(Venezuela (Bolivarian Republic of))" in one
item, "(Bolivarian Republic of Venezuela)" in the next, "(the Netherlands)"
in 2008 and "(Kingdom of the Netherlands)" in 2025. Facets and ``--by``
filters need one form per State, so every name is mapped to the short form of
the UN Member States list (the bracketed "X (Y of)" form where the UN uses one).
"""

from __future__ import annotations

import re

#: UN Member States and observer States, in the short forms of the UN list
MEMBER_STATES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
Bolivia (Plurinational State of)|Bosnia and Herzegovina|Botswana|Brazil|Brunei Darussalam|
Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|
Chile|China|Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czechia|
Democratic People's Republic of Korea|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|
Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|
Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|
Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran (Islamic Republic of)|
Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|
Lao People's Democratic Republic|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|
Mexico|Micronesia (Federated States of)|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|
Namibia|Nauru|Nepal|Netherlands (Kingdom of the)|New Zealand|Nicaragua|Niger|Nigeria|
North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|
Poland|Portugal|Qatar|Republic of Korea|Republic of Moldova|Romania|Russian Federation|Rwanda|
Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|
Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|
Tunisia|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|
United Kingdom of Great Britain and Northern Ireland|United Republic of Tanzania|
United States of America|Uruguay|Uzbekistan|Vanuatu|Venezuela (Bolivarian Republic of)|Viet Nam|
Yemen|Zambia|Zimbabwe|Holy See|State of Palestine
"""

#: other printed forms -> the canonical short form
VARIANTS = {
    "Plurinational State of Bolivia": "Bolivia (Plurinational State of)",
    "Bolivia": "Bolivia (Plurinational State of)",
    "Islamic Republic of Iran": "Iran (Islamic Republic of)",
    "Iran": "Iran (Islamic Republic of)",
    "Federated States of Micronesia": "Micronesia (Federated States of)",
    "Kingdom of the Netherlands": "Netherlands (Kingdom of the)",
    "Netherlands": "Netherlands (Kingdom of the)",
    "Bolivarian Republic of Venezuela": "Venezuela (Bolivarian Republic of)",
    "Venezuela": "Venezuela (Bolivarian Republic of)",
    "Czech Republic": "Czechia",
    "Turkey": "Türkiye",
    "Swaziland": "Eswatini",
    "Cape Verde": "Cabo Verde",
    "Vietnam": "Viet Nam",
    "Ivory Coast": "Côte d'Ivoire",
    "Cote d'Ivoire": "Côte d'Ivoire",
    "Republic of North Macedonia": "North Macedonia",
    "the former Yugoslav Republic of Macedonia": "North Macedonia",
    "former Yugoslav Republic of Macedonia": "North Macedonia",
    "Libyan Arab Jamahiriya": "Libya",
    "United Kingdom": "United Kingdom of Great Britain and Northern Ireland",
    "United States": "United States of America",
    "Palestine": "State of Palestine",
    "Moldova": "Republic of Moldova",
    "Tanzania": "United Republic of Tanzania",
    "Russia": "Russian Federation",
    "Syria": "Syrian Arab Republic",
    "Laos": "Lao People's Democratic Republic",
    "Brunei": "Brunei Darussalam",
    "Holy See (Vatican City State)": "Holy See",
}

CANONICAL = [name.strip() for name in MEMBER_STATES.replace("\n", "").split("|") if name.strip()]
_BY_KEY = {name.casefold(): name for name in CANONICAL}
_BY_KEY.update({variant.casefold(): name for variant, name in VARIANTS.items()})


def _key(name: str) -> str:
    name = " ".join(name.replace("’", "'").split())
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return name.strip(" .,;").casefold()


def canonical_state(name: str) -> str | None:
    """The UN short form of a State's name, or None when ``name`` is not a State."""
    return _BY_KEY.get(_key(name))


def is_state(name: str) -> bool:
    return canonical_state(name) is not None


#: every printed form, longest first, for finding State names inside running text
_ALL_FORMS = sorted({*CANONICAL, *VARIANTS}, key=len, reverse=True)
STATE_NAME_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(form) for form in _ALL_FORMS) + r")(?![\w-])"
)


def split_state_list(text: str) -> list[str] | None:
    """'Cuba, Ghana and the Netherlands' -> the three canonical names; None if any is not a State.

    Splits on commas and on "and" only where both sides are States, so
    "United Kingdom of Great Britain and Northern Ireland" stays whole.
    """
    names: list[str] = []
    for piece in _split_top_level(text, ","):
        piece = piece.strip()
        if not piece:
            continue
        piece = re.sub(r"^and\s+", "", piece)
        found = canonical_state(piece)
        if found:
            names.append(found)
            continue
        parts = _split_on_and(piece)
        if parts is None:
            return None
        names.extend(parts)
    return names or None


def _split_on_and(piece: str) -> list[str] | None:
    words = piece.split(" and ")
    for cut in range(1, len(words)):
        left, right = " and ".join(words[:cut]), " and ".join(words[cut:])
        first = canonical_state(left)
        if first:
            rest = canonical_state(right)
            if rest:
                return [first, rest]
            tail = _split_on_and(right)
            if tail:
                return [first, *tail]
    return None


def _split_top_level(text: str, separator: str) -> list[str]:
    """Split at ``separator`` outside parentheses ("Venezuela (Bolivarian Republic of)")."""
    parts, depth, current = [], 0, []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts
