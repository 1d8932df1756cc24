"""Who a recommendation is addressed to, in one small vocabulary.

A phrase such as "States, corporations and civil society" or "executive heads
of United Nations system organizations" becomes a list of categories
("States", "business enterprises", "civil society"; "executive heads").
Each item of a list is classified by the category that starts earliest in it,
so the head of the phrase wins over its complement ("heads *of* United
Nations system organizations" is "executive heads"). A phrase that names no
actor ("Mining", "all future progress reports") gives an empty list: that is
how an impersonal "should" is told from one addressed to someone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .states import STATE_NAME_RE

STATES = "States"
STATE_PARTY = "State party"
GOVERNMENT = "Government"
GENERAL_ASSEMBLY = "General Assembly"
SECURITY_COUNCIL = "Security Council"
HUMAN_RIGHTS_COUNCIL = "Human Rights Council"
SECRETARY_GENERAL = "Secretary-General"
OHCHR = "OHCHR"
UN_SYSTEM = "United Nations system"
BUSINESS = "business enterprises"
DFI = "development finance institutions"
EXECUTIVE_HEADS = "executive heads"
LEGISLATIVE_ORGANS = "legislative organs"
INTERNATIONAL_ORGANIZATIONS = "international organizations"
CIVIL_SOCIETY = "civil society"
OTHER = "other"
#: "the Council" alone: resolved by ``classify(council=...)``
_COUNCIL = "the Council"
_COMMISSIONER = "the High Commissioner"  # which one: ``commissioner_of``

VOCABULARY = (
    STATES, STATE_PARTY, GOVERNMENT, GENERAL_ASSEMBLY, SECURITY_COUNCIL, HUMAN_RIGHTS_COUNCIL,
    SECRETARY_GENERAL, OHCHR, UN_SYSTEM, BUSINESS, DFI, EXECUTIVE_HEADS, LEGISLATIVE_ORGANS,
    INTERNATIONAL_ORGANIZATIONS, CIVIL_SOCIETY, OTHER,
)

# (category, pattern); order matters only between patterns matching at the same place
_PATTERNS: list[tuple[str, str]] = [
    (EXECUTIVE_HEADS, r"executive heads?|Executive Directors?|Administrator of the|"
                      r"Directors?-General of the"),
    (LEGISLATIVE_ORGANS, r"legislative (?:organs?|bodies)|governing (?:bodies|body|boards?)"),
    (STATE_PARTY, r"State party\b"),
    (STATES, r"States? [Pp]arties|(?:Member |member |developed |developing |all |other |"
             r"concerned |affected |coastal |flag |host |troop-contributing |donor )?States\b|"
             # one State among many: "the notifying Member State", "any requesting State"
             r"(?:Member|member|requesting|notifying|host|flag|coastal|transit|receiving|"
             r"sending|neighbouring|contributing|designating|submitting) State\b(?! [Pp]art)|"
             r"Governments\b|governments\b|countries\b|national (?:and (?:local|subnational) )?"
             r"authorities|public authorities|(?:national|local|subnational) governments|"
             r"donor countries|(?:developed |developing )?(?:country )?parties to the "
             r"(?:[A-Z][\w-]* )*(?:Convention|Agreement|Protocol|Covenant|Treaty)|"
             r"developed country parties|developing country parties|Contracting Parties|"
             # the members of a regional commission are its States ("members of ECA");
             # "Africa should work to ...": its countries
             r"members of (?:the )?(?:(?-i:E[CS][A-Z]{1,4})\b|(?:Economic|Economic and Social) "
             r"Commission for\b)|Africa$|policy-?makers|decision-?makers"),
    (GOVERNMENT, r"(?:the |its |their )?Government\b|(?:[A-Z][\w-]* )*(?:governmental )?"
                 r"authorities\b|Palestinian Authority|administering Powers?|"
                 r"the State under review|Non-Self-Governing Territory\b|"
                 r"Territor(?:y|ies)\b"),
    # not "the Assembly of the International Seabed Authority": another organization's
    (GENERAL_ASSEMBLY, r"General Assembly|(?<![\w ])Assembly\b(?![ ]+of[ ]+(?:the[ ]+)?"
                       r"(?!United Nations\b)[A-Z])"),
    (SECURITY_COUNCIL, r"Security Council"),
    (HUMAN_RIGHTS_COUNCIL, r"Human Rights Council"),
    (OTHER, r"Economic and Social Council|national human rights institutions?|Ombudsm[ae]n|"
            r"Ombudsperson|Office of the (?:Human Rights )?Ombudsman|international community|"
            r"Indigenous Peoples?|parliaments?|the judiciary|judges|the Committee|its secretariat|"
            r"the secretariat of the Committee|schools|universities|academia|stakeholders|"
            r"all (?:relevant )?actors|all parties|donors|national planners|"
            r"civil service commissions|human resources departments|public institutions|"
            r"media|trade unions|employers|local communities|treaty bodies|special procedures|"
            r"mandate holders|the Special Rapporteur|the Working Group|the Expert Mechanism|"
            r"development partners|partners|the international donor community|"
            r"(?:all |the |both )?parties\b|armed groups|signatories|Panel of Experts|"
            r"Special Committee|Conference\b|Forum\b|Chair\b|Bureau\b|subsidiary bodies|"
            r"Presidents?(?:-elect)?\b|Commission\b|Working Group\b|Committee\b|"
            r"institutes|non-State actors|financial actors|(?<!other )financial institutions|"
            # the Territories in general, not one Territory's Government
            r"Non-Self-Governing Territories"),
    (_COUNCIL, r"Council\b"),
    (SECRETARY_GENERAL, r"Secretary-General|(?:the )?(?:United Nations )?Secretariat|"
                        r"Under-Secretary-General|Department of Management|Controller"),
    (OHCHR, r"OHCHR|Office of the (?:United Nations )?High Commissioner for Human Rights|"
            r"(?:United Nations )?High Commissioner for Human Rights"),
    # "Requests the Secretary-General and the High Commissioner to ...": which one the report
    # means (see ``commissioner_of``); the article is gone by now
    (_COMMISSIONER, r"(?<![\w ])High Commissioner\b(?![ ]+(?:for|on)\b)"),
    (CIVIL_SOCIETY, r"civil society|non-governmental organizations?|(?-i:NGOs?)\b|"
                    r"philanthropic (?:organizations|foundations)|(?:private )?foundations|"
                    r"women’s organizations|women's organizations|youth organizations|"
                    r"faith-based organizations|grass-?roots organizations|"
                    r"organizations of persons with disabilities|human rights defenders|"
                    r"community-based organizations|Indigenous organizations"),
    (INTERNATIONAL_ORGANIZATIONS, r"International Seabed Authority|INTOSAI|"
                                  r"International Organization of Supreme Audit Institutions|"
                                  r"international (?:and regional )?organizations|"
                                  r"regional organizations|African Union|European Union|(?-i:OECD)|"
                                  r"intergovernmental organizations|global institutions"),
    (DFI, r"development finance institutions?|(?:multilateral )?development banks?|"
          r"World Bank|International Monetary Fund|(?-i:IMF)\b|"
          r"international financial institutions"),
    (BUSINESS, r"business(?:es| enterprises| entities| sector)?|private sector|companies|"
               r"corporations|enterprises|private (?:sector )?actors|industry|employers"),
    (UN_SYSTEM, r"inter-agency (?:[\w-]+ ){0,2}(?:task force|group|mechanism|committee|network|"
                r"platform)s?|(?<![\w ])(?:the )?Office$|"
                r"(?<!private )(?<!business )(?<!State )(?<!public )(?<!national )(?<!local )"
                r"(?<!government )(?<!governmental )(?:development system |system )?entities\b|"
                r"United Nations system|United Nations (?:entities|agencies|organizations|"
                r"development system|country teams?|funds|bodies)|specialized agencies|"
                r"(?:JIU )?participating organizations|funds and programmes|"
                r"resident coordinators?|organizations of the United Nations|UN-Women|"
                r"(?-i:UNDP|UNICEF|UNHCR|UNFPA|UNEP|UNESCO|UNCTAD|UNODC|UNOPS|WHO|ILO|FAO|IOM|DESA|"
                r"UNAIDS|UN-Habitat|WFP|UNRWA|OCHA)|Joint (?:United Nations )?Programme|"
                # peace operations by their acronyms (UNIFIL, UNMISS, MONUSCO, MINUSCA) or as
                # "the mission" a terms of reference is written for
                r"(?-i:UNIFIL|UNMISS|UNSMIL|UNDOF|UNTSO|UNISFA|UNFICYP|UNSOM|UNMHA|UNVMC|"
                r"UNMOGIP|UNMIK|UNAMA|UNAMI|UNITAMS|MONU[A-Z]{2,}|MINU[A-Z]{2,})\b|the mission\b|"
                r"peacekeeping (?:operations|missions)|peacekeepers|"
                r"the organizations\b|[Oo]rganizations\b|inter-agency mechanisms|"
                r"the United Nations\b|^United Nations$|agencies"),
]
_COMPILED = [(category, re.compile(rf"(?<![\w-])(?:{pattern})", re.IGNORECASE))
             for category, pattern in _PATTERNS]
_DETERMINERS = re.compile(r"^(?:(?:the|all|its|their|each|both|any|relevant|concerned|such)\s+)+",
                          re.IGNORECASE)
#: people a practical instruction is for, not a recommendation ("Delegations are requested to")
_LOGISTICS = re.compile(r"^(?:delegations?|participants?|speakers?|representatives?|attendees|"
                        r"journalists|visitors|members of (?:the )?delegations?|observers|"
                        r"media representatives)\b", re.IGNORECASE)
_PRONOUNS = re.compile(r"^(?:they|them|these|those|it|he|she|such (?:States|entities))$",
                       re.IGNORECASE)


def split_items(phrase: str) -> list[str]:
    """'States, civil society and the private sector' -> its three items.

    Names that contain "and" or a comma ("Economic and Social Council",
    "Trinidad and Tobago") are kept whole.
    """
    phrase = re.sub(r"\([^()]*\)", " ", phrase)
    spans = [m.span() for _, pattern in _COMPILED for m in pattern.finditer(phrase)]
    spans += [m.span() for m in STATE_NAME_RE.finditer(phrase)]
    protected = list(phrase)
    for start, end in spans:
        for i in range(start, end):
            if protected[i] == ",":
                protected[i] = "\x00"
        chunk = phrase[start:end]
        for m in re.finditer(r" and ", chunk):
            protected[start + m.start() + 1] = "\x01"
    # "executive heads of the specialized agencies and other organizations of the United
    # Nations system": "and other ..." continues the complement after "of", not the list
    for m in re.finditer(r"\bof (?:the )?[a-z][\w -]*?s( and )(?:the )?other ", phrase):
        if "," not in m.group(0):
            protected[m.start(1) + 1] = "\x01"
    text = "".join(protected)
    items = re.split(r",\s*(?:and|or)?\s*|\s+and/or\s+|\s+and\s+|\s+or\s+|\s+as well as\s+",
                     text)
    restored = [item.replace("\x00", ",").replace("\x01", "a") for item in items]
    return [item.strip() for item in restored if item and item.strip()]


def classify_item(item: str) -> str | None:
    """The category of one noun phrase, or None when it names no actor we know."""
    item = _DETERMINERS.sub("", item.strip())
    if _LOGISTICS.match(item):
        return None
    possessive = re.split(r"(?:’s?|'s?)[ ]+", item)
    if len(possessive) > 1:  # "Indigenous Peoples’ data systems": the head is "data systems"
        item = possessive[-1]
    best: tuple[int, int, str] | None = None
    for category, pattern in _COMPILED:
        match = pattern.search(item)
        if match and (best is None or (match.start(), -len(match.group())) <
                      (best[0], best[1])):
            best = (match.start(), -len(match.group()), category)
    state = STATE_NAME_RE.search(item)
    if state and (best is None or state.start() < best[0]):
        return GOVERNMENT
    return best[2] if best else None


#: a comma part that modifies the item before it ("..., chaired by the Office of ...",
#: "..., including small island developing States"): not an addressee of its own
_MODIFIER = re.compile(r"^(?:[a-z]+ed|led|held|set up)[ ]+(?:by|of|in|under|with)\b|"
                       r"^(?:including|notably|such as|in particular|particularly|especially)\b")


def classify(phrase: str, council: str | None = None, commissioner: str = OHCHR) -> list[str]:
    """The categories of an addressee phrase, in order of mention, without repeats.

    ``council`` is the category of "the Council" where the text names only that
    (see ``council_of``), ``commissioner`` that of "the High Commissioner"
    (``commissioner_of``).
    """
    return list(_classify(phrase, council, commissioner))


@lru_cache(maxsize=2048)
def _classify(phrase: str, council: str | None, commissioner: str) -> tuple[str, ...]:
    """``classify``, remembered: a report names the same few actors again and again, and each
    phrase is searched for every pattern of the vocabulary."""
    found: list[str] = []
    if _LOGISTICS.match(_DETERMINERS.sub("", phrase.strip())):
        return ()  # "Representatives of United Nations funds and other entities should register"
    for item in split_items(_without_modifiers(phrase)):
        category = classify_item(item)
        if category == _COUNCIL:
            category = council or OTHER
        elif category == _COMMISSIONER:
            category = commissioner
        if category and category not in found:
            found.append(category)
    return tuple(found)


def _without_modifiers(phrase: str) -> str:
    if "," not in phrase:
        return phrase
    kept: list[str] = []
    skipping = False
    for index, part in enumerate(phrase.split(",")):
        if index and _MODIFIER.match(part.strip()):
            skipping = True  # its own list runs on until the next "and"/"or" item
        elif skipping and re.match(r"^\s*(?:and|or)\b", part):
            skipping = False
        if not skipping:
            kept.append(part)
    return ",".join(kept)


def is_pronoun(phrase: str) -> bool:
    return bool(_PRONOUNS.match(phrase.strip()))


def commissioner_of(text: str) -> str:
    """The High Commissioner a text means when it says only "the High Commissioner": for
    Refugees (a United Nations entity) where the text names that one more, else OHCHR's."""
    refugees = len(re.findall(r"High Commissioner for Refugees|UNHCR", text))
    human_rights = len(re.findall(r"High Commissioner for Human Rights|OHCHR", text))
    return UN_SYSTEM if refugees > human_rights else OHCHR


def council_of(text: str) -> str | None:
    """The council a text talks about when it says only "the Council"."""
    counts = {
        HUMAN_RIGHTS_COUNCIL: len(re.findall(r"Human Rights Council", text)),
        SECURITY_COUNCIL: len(re.findall(r"Security Council", text)),
        OTHER: len(re.findall(r"Economic and Social Council", text)),
    }
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None
