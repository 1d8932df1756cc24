"""Recommending verbs in French and Spanish reports.

The English detector reads clauses; for the French and Spanish versions of
UN reports a narrower rule is used: a present-tense recommending verb ("Le
Comité recommande que l'État partie ...", "El Comité insta al Estado parte
a ...") or a conditional "devrait / debería" makes a paragraph operative. It
is enough to find recommendations in their sections and the plainest ones
outside them; addressee and action are left to the English text.
"""

from __future__ import annotations

import re

from .addressees import (
    BUSINESS,
    CIVIL_SOCIETY,
    GENERAL_ASSEMBLY,
    GOVERNMENT,
    HUMAN_RIGHTS_COUNCIL,
    SECRETARY_GENERAL,
    SECURITY_COUNCIL,
    STATE_PARTY,
    STATES,
    UN_SYSTEM,
)
from .clauses import sentences

_FRENCH = re.compile(
    r"(?<!\bqui )\b(?:recommande(?:nt)?|engage(?:nt)?|exhorte(?:nt)?|prie(?:nt)?|"
    r"invite(?:nt)?|encourage(?:nt)?|demande(?:nt)?)\s+(?:vivement\s+|instamment\s+|"
    r"également\s+|aussi\s+)*(?:que|à|aux|au|l['’]État|les États|le Gouvernement|le Conseil|"
    r"l['’]Assemblée|la Commission|le Secrétaire|les gouvernements|tous les)\b",
    re.IGNORECASE,
)
_SPANISH = re.compile(
    r"\b(?:recomienda(?:n)?|insta(?:n)?|exhorta(?:n)?|alienta(?:n)?|invita(?:n)?|pide(?:n)?|"
    r"solicita(?:n)?|exige(?:n)?)\s+(?:encarecidamente\s+|también\s+|asimismo\s+)*"
    r"(?:que|a|al|a\s+los|a\s+las|a\s+todos)\b",
    re.IGNORECASE,
)
_SHOULD = re.compile(r"\bdevrai(?:t|ent)\b|\bdeber[ií]a(?:n)?\b", re.IGNORECASE)
_ENGLISH_WORDS = frozenset("the and of to should that with".split())
_ROMANCE_WORDS = frozenset("le la les des du el los las del que y et de".split())
_WORD = re.compile(r"\w+")


def is_english(text: str) -> bool:
    """Rough: more English function words than French and Spanish ones."""
    english = romance = 0
    for word in _WORD.findall(text.lower()):
        if word in _ENGLISH_WORDS:
            english += 1
        elif word in _ROMANCE_WORDS:
            romance += 1
    return english >= romance


#: "En su resolución 78/16, la Asamblea ...", "Dans son rapport, le Comité ...", "Según ...":
#: what follows restates someone else's call
_REPORTED_OPENER = re.compile(
    r"^(?:En|Dans|Por|Par|Conforme a|Conformément à)\s+(?:su|sus|sa|son|ses|leur|el|la|le|les)"
    r"\s+(?:\w+\s+){0,3}(?:resoluci[oó]n|r[ée]solution|informe|rapport|decisi[oó]n|d[ée]cision|"
    r"observaciones|observations|declaraci[oó]n|d[ée]claration)s?\b|^(?:Según|Selon|D['’]après)\b",
    re.IGNORECASE)

# (category, pattern): the actors a French or Spanish recommendation is addressed to
_ADDRESSEES: list[tuple[str, re.Pattern[str]]] = [(category, re.compile(pattern, re.IGNORECASE))
                                                  for category, pattern in [
    (STATE_PARTY, r"\b(?:l['’]État\s+partie|el\s+Estado\s+parte)\b"),
    (GENERAL_ASSEMBLY, r"\b(?:l['’]Assemblée\s+générale|la\s+Asamblea\s+General)\b"),
    (SECURITY_COUNCIL, r"\b(?:Conseil\s+de\s+sécurité|Consejo\s+de\s+Seguridad)\b"),
    (HUMAN_RIGHTS_COUNCIL, r"\b(?:Conseil\s+des\s+droits\s+de\s+l['’]homme|Consejo\s+de\s+"
                           r"Derechos\s+Humanos)\b"),
    (SECRETARY_GENERAL, r"\b(?:Secrétaire\s+général|Secretario\s+General|Secrétariat|"
                        r"Secretaría)\b"),
    (UN_SYSTEM, r"\b(?:système\s+des\s+Nations\s+Unies|sistema\s+de\s+las\s+Naciones\s+"
                r"Unidas|organismes\s+des\s+Nations\s+Unies|organismos\s+de\s+las\s+Naciones"
                r"\s+Unidas|entités\s+des\s+Nations\s+Unies|entidades\s+de\s+las\s+Naciones"
                r"\s+Unidas)\b"),
    (STATES, r"\b(?:États(?:\s+Membres|\s+parties)?|Estados(?:\s+Miembros|\s+partes)?|"
             r"gouvernements|gobiernos|pays|pa[ií]ses)\b"),
    (GOVERNMENT, r"\b(?:Gouvernement|Gobierno|autorités|autoridades)\b"),
    (CIVIL_SOCIETY, r"\b(?:société\s+civile|sociedad\s+civil|organisations\s+non\s+"
                    r"gouvernementales|organizaciones\s+no\s+gubernamentales)\b"),
    (BUSINESS, r"\b(?:entreprises|empresas|secteur\s+privé|sector\s+privado)\b"),
]]
_MODAL = re.compile(r"\b(?:devrai(?:t|ent)|deber[ií]a(?:n)?|podr[ií]a(?:n)?|pourrai(?:t|ent))\b",
                    re.IGNORECASE)


#: a verb in a relative clause describes a text ("la Declaración, en que se exige que ...")
_RELATIVE = re.compile(r"\b(?:que|qui|cual|laquelle|lequel|donde|où)\s+(?:se\s+|s['’]\s*)?$",
                       re.IGNORECASE)


#: "el grupo de trabajo formuló la siguiente solicitud ...: Se solicita a la Secretaría ...":
#: what follows the colon quotes another body
_QUOTES = re.compile(
    r"\b(?:formul[óo]|formularon|hizo|hicieron|adopt[óo]|aprob[óo]|a\s+formulé|ont\s+formulé|"
    r"a\s+adopté|a\s+fait|a\s+demandé)\s+(?:la|las|el|los|le|les|l['’])\s*(?:siguientes?|"
    r"suivante?s?)\b[^:]{0,200}:", re.IGNORECASE)
#: "Se invita a los Estados Miembros a consultar las aportaciones": a pointer to documents
_POINTER = re.compile(r"\b(?:a|à)\s+(?:consultar|consulter|remitirse|se\s+reporter|leer|lire)\b",
                      re.IGNORECASE)


def _own_sentences(text: str) -> list[str]:
    quoted = _QUOTES.search(text)
    if quoted:
        text = text[: quoted.start()]
    return [s for s in sentences(text) if not _REPORTED_OPENER.search(s)]


def _verbs(sentence: str) -> list[re.Match[str]]:
    """The recommending verbs of a sentence that are not in a relative clause."""
    return [m for pattern in (_FRENCH, _SPANISH) for m in pattern.finditer(sentence)
            if not _RELATIVE.search(sentence[max(0, m.start() - 20): m.start()])
            and not _POINTER.search(sentence[m.end(): m.end() + 80])]


def has_cue(text: str, should: bool = True) -> bool:
    """A French or Spanish recommending verb (or, with ``should``, "devrait", "debería") in a
    sentence that does not restate someone else's call."""
    return any(_verbs(s) or (should and _SHOULD.search(s)) for s in _own_sentences(text))


def romance_addressees(text: str) -> list[str]:
    """The addressee categories of a French or Spanish recommendation, in order of mention:
    the first actor after each recommending verb, the last one before each "devrait",
    "debería", "podría"."""
    found: list[str] = []
    for sentence in _own_sentences(text):
        spans = [(m.start(), sentence[m.start(): m.start() + 140], False)
                 for m in _verbs(sentence)]
        spans += [(m.start(), sentence[max(0, m.start() - 100): m.start()], True)
                  for m in _MODAL.finditer(sentence)]
        for _, window, before in sorted(spans):
            category = _actor_in(window, last=before)
            if category and category not in found:
                found.append(category)
    return found


def _actor_in(window: str, last: bool) -> str | None:
    hits = [(m.start(), category) for category, pattern in _ADDRESSEES
            for m in pattern.finditer(window)]
    if not hits:
        return None
    # the nearest actor to the verb: the last before a modal, the first after a verb
    return (max(hits) if last else min(hits))[1]
