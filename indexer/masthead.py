"""The masthead of a UN document: symbol, title and date, and which lines to drop.

The symbol is read from the running header of the later pages (the most
reliable place: it repeats) and from the masthead of the first page, which is
preferred when it names more (a joint symbol "A/80/74-E/2025/53"). The file
name is the last resort. The title is the largest heading type on the first
page, or in files without type, the first capitalised lines after the agenda item.
A name printed in that type above a smaller-type title (an organisation, a committee
on its report's cover, a UPR country) leads the title ("Slovenia: Compilation of
information ..."); a document label below it ("Report of the Secretary-General") does not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .breaks import LONG_LINE
from .furniture import furniture_tokens
from .layout import Layout
from .model import Line, Page
from .symbols import find_symbols, symbol_from_filename, symbol_key, symbol_parts

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre"
)
DATE_RE = re.compile(rf"^(\d{{1,2}})(?:er)?\s+(?:de\s+)?({_MONTHS})\s+(?:de\s+)?(\d{{4}})$",
                     re.IGNORECASE)
_MASTHEAD_RE = re.compile(
    r"^(?:United Nations|UNITED NATIONS|Nations Unies|NATIONS UNIES|Naciones Unidas"
    r"|Организация Объединенных Наций)(?:\s+[A-Z][\w.()-]*/.*)?$"
    r"|^(?:UNITED|NATIONS(?:\s+[A-Z])?)$"
    r"|^(?:General Assembly|Security Council|Economic and Social Council|Trusteeship Council"
    r"|Assemblée générale|Conseil de sécurité|Conseil économique et social|Asamblea General"
    r"|Consejo de Seguridad|Consejo Económico y Social)\b(?:\s+Distr.*)?$"
    r"|^Distr\.?(?:\s*:?\s*\w+)?$|^(?:GENERAL|General|LIMITED|Limited|RESTRICTED|Restricted"
    r"|general|limitada|générale|limitée)$"
    r"|^(?:Original|ORIGINAL|Orig\.)\s*:.*$"
    r"|^(?:English|ENGLISH|French|FRENCH|Spanish|SPANISH|Français|FRANÇAIS|Español|ESPAÑOL"
    r"|Russian|Arabic|Chinese)$"
    r"|^[\w\-–]+\s+(?:session|sessions?\s+\w+|période de sessions.*|período de sesiones.*)$"
    r"|^(?:Item|Items|Agenda item|Agenda items|Point|Points|Tema|Temas)\s+\d.*$"
    r"|^\d{1,2}\s+\w+\s*[–-]\s*\d{1,2}\s+\w+\s+\d{4}$"  # 16 June–11 July 2025
    r"|^\d{1,2}\s*[–-]\s*\d{1,2}\s+\w+\s+\d{4}$"
    r"|^\*\s?\d{6,9}\s?\*$",
)
_AGENDA_RE = re.compile(r"^(?:Item|Items|Agenda item|Agenda items|Point|Points|Tema|Temas)\s+\d",
                        re.IGNORECASE)
_TITLE_SKIP_RE = re.compile(
    r"^(?:Note by the Secretary-General|Report of the Secretary-General|Summary|Résumé|Resumen"
    r"|Contents|Note by the Secretariat|Letter dated.*)$",
    re.IGNORECASE,
)


#: the label of who issues a document, printed under its title in smaller type: not the title
_LABEL_RE = re.compile(
    r"^(?:Report|Note|Memorandum|Statement)\s+(?:of|by)\s+the\b"
    r"|^(?:Rapport|Note|Mémorandum)\s+(?:du|de\s+la|de\s+l['’])"
    r"|^(?:Informe|Nota)\s+(?:del|de\s+la)\b",
    re.IGNORECASE,
)
#: the part of a document issued in parts ("Chapitre premier : Introduction", "Chapter II"),
#: printed under the title of the whole
_PART_LABEL_RE = re.compile(
    r"^(?:Chapitre|Chapter|Capítulo|Part|Partie|Parte)\s+(?:premier|première|primero|primera"
    r"|one|two|three|four|[IVXL]+|\d+)\b"
    r"|^(?:Première|Deuxième|Troisième|Quatrième|First|Second|Third|Fourth)\s+(?:partie|part)\b",
    re.IGNORECASE,
)
#: a session's dates closing a title: "Report on the twenty-seventh session (24–28 February 2025)"
_TRAILING_DATES_RE = re.compile(
    rf"\s*:?\s*\((?=[^()]*\b(?:{_MONTHS})\b)[^()]*\b(?:19|20)\d\d\b[^()]*\)$", re.IGNORECASE)


@dataclass(slots=True)
class Masthead:
    symbol: str | None
    title: str
    date: str | None
    from_filename: bool = False
    #: ids of first-page lines that belong to the masthead (not to the text)
    drop: set[int] = field(default_factory=set)


def read_masthead(pages: list[Page], layout: Layout, path: str) -> Masthead:
    """Symbol, title and date of a document, and its masthead lines on page 1."""
    first = pages[0].lines if pages else []
    height = pages[0].height if pages else None
    band = 0.82 * height if height else None
    drop = {
        id(line) for line in first[:60]
        if _is_masthead_line(line)
        or (band is not None and line.y is not None and line.y > band and len(line.text) < 90)
    }
    # a body's name that starts in the masthead band runs on below it in the same type
    for previous, line in zip(first[:60], first[1:60], strict=False):
        if (
            id(previous) in drop and id(line) not in drop and band is not None
            and previous.y is not None and previous.y > band * 0.8 and line.y is not None
            and previous.size and line.size == previous.size and line.bold == previous.bold
            and 0 < previous.y - line.y < 2 * previous.size and len(line.text) < 90
        ):
            drop.add(id(line))
    symbol, from_filename = _symbol(pages, path)
    head, subtitle = _title_lines(first, layout, drop, height)
    title_lines = head + subtitle
    if title_lines:
        # the short lines before the title are masthead and agenda, not text; where
        # the text layer puts the masthead last (Geneva), only lines above the title go
        end = max(first.index(line) for line in title_lines)
        # so does the label of the part a title heads ("Chapitre premier : Introduction")
        while end + 1 < len(first) and _PART_LABEL_RE.match(first[end + 1].text.strip()):
            end += 1
            title_lines.append(first[end])
        top = min((line.y for line in title_lines if line.y is not None), default=None)
        for line in first[: end + 1]:
            above = top is None or line.y is None or line.y >= top
            if above and (line in title_lines or len(line.text) < 100):
                drop.add(id(line))
    title = _join_title(head)
    if subtitle:
        title = f"{title.rstrip(' *∗:')}: {_join_title(subtitle)}"
    title = re.sub(r"\s*[*∗]+(?=[\s,]|$)", "", title)
    title = re.sub(r"\s+,", ",", title).strip(" ,;")
    title = re.sub(r"(?:\s+(?:[^\w\s]+|[a-z]))+$", "", title)  # OCR specks: "... work ! i ]"
    stripped = _TRAILING_DATES_RE.sub("", title)
    title = stripped.strip(" ,;:") or title
    if _is_upper(title):
        title = _recase(title, pages)
    date = next(
        (line.text for line in first[:60] if DATE_RE.match(line.text.strip())),
        None,
    ) or _year_printed(first[:60], symbol)
    return Masthead(symbol, title, date, from_filename, drop)


_YEAR = r"\b((?:19[4-9]|20\d)\d)\b"
#: the imprint of official records: "Official Records, 2025", "New York, 2025"
_IMPRINT_YEAR = re.compile(rf"(?:Official Records|New York),?\s*{_YEAR}", re.IGNORECASE)
#: a year printed with a month: a session's dates "(7 April–2 May 2025)"
_MONTH_YEAR = re.compile(rf"\b(?:{_MONTHS})\b[^()]*?{_YEAR}", re.IGNORECASE)
#: the first General Assembly session met in 1946 (session N: the official records of 1945 + N)
_GA_SESSION = re.compile(r"^A/(\d{1,3})/")


def _year_printed(lines: list[Line], symbol: str | None) -> str | None:
    """The year of a document without a printed date, for ``year:`` searches: its imprint
    ("Official Records, 2025"); for the General Assembly's official records, the session's
    year (A/80/55, "Official Records, Eightieth Session": 2025); else the latest year its
    cover prints with a month (a session report's "(7 April–2 May 2025)"); else a year in
    its symbol ("JIU/REP/2025/2")."""
    texts = [line.text for line in lines]
    imprint = [int(m.group(1)) for text in texts for m in _IMPRINT_YEAR.finditer(text)]
    if imprint:
        return str(max(imprint))
    session = _GA_SESSION.match(symbol or "")
    if session and any(re.search(r"\bOfficial Records\b", text) for text in texts):
        return str(1945 + int(session.group(1)))
    dated = [int(m.group(1)) for text in texts for m in _MONTH_YEAR.finditer(text)]
    if not dated and symbol:
        dated = [int(part) for part in re.split(r"[/\s-]", symbol)
                 if re.fullmatch(r"(?:19[4-9]|20\d)\d", part)]
    return str(max(dated)) if dated else None


def _join_title(lines: list[Line]) -> str:
    """Title lines joined; a visible gap between two groups becomes ': '
    ("Report of the Working Group ...: Slovenia")."""
    out = ""
    for previous, line in zip([None, *lines], lines, strict=False):
        text = " ".join(line.text.split())
        if previous is None:
            out = text
        elif _gap(previous, line) and not out.endswith((":", ",")):
            out = f"{out.rstrip(' *∗')}: {text}"
        else:
            out = f"{out} {text}"
    return out


def _is_masthead_line(line: Line) -> bool:
    text = " ".join(line.text.split())
    if len(text) > 90:
        return False
    return bool(_MASTHEAD_RE.match(text) or DATE_RE.match(text) or furniture_tokens(text))


def _symbol(pages: list[Page], path: str) -> tuple[str | None, bool]:
    running: Counter[str] = Counter()
    for page in pages[:12]:
        if len(page.lines) <= 2 and page.lines and len(page.lines[0].text) > LONG_LINE:
            # a page whose line breaks were lost opens with its running header
            running.update(find_symbols(page.lines[0].text[:60])[:1])
    for page in pages[1:12]:
        for line in page.lines[:4] + page.lines[-4:]:
            tokens = furniture_tokens(line.text)
            if tokens:
                running.update(find_symbols(" ".join(v for k, v in tokens if k == "symbol")))
    masthead: list[str] = []
    for line in pages[0].lines[:60] if pages else []:
        text = line.text
        if len(text) < 90 and (_MASTHEAD_RE.match(text) or furniture_tokens(text)):
            masthead.extend(find_symbols(text))
    if running:
        best = running.most_common(1)[0][0]
        for candidate in masthead:
            if best in symbol_parts(candidate) and candidate != best:
                return candidate, False  # the joint symbol names both documents
        return best, False
    if masthead:
        return masthead[0], False
    fallback = symbol_from_filename(path)
    if fallback:
        # a symbol printed on page 1 that the file name only qualifies ("... (review)")
        named = symbol_key(fallback)
        for line in pages[0].lines[:30] if pages else []:
            for candidate in find_symbols(line.text):
                key = symbol_key(candidate)
                if named == key or (named.startswith(key) and "/" in candidate
                                    and not named[len(key)].isalnum()):
                    return candidate, False
    return fallback, True


def _title_lines(
    lines: list[Line], layout: Layout, drop: set[int], height: float | None = None
) -> tuple[list[Line], list[Line]]:
    """The title's lines, and the lines of a smaller-type title it heads (else empty)."""
    body = [line for line in lines[:60] if id(line) not in drop]
    if layout.body_size is not None:
        band = 0.82 * height if height else None  # the masthead band at the top of page 1
        candidates = [
            line for line in body
            if line.size and line.size >= 1.15 * layout.body_size and line.bold
            and (band is None or line.y is None or line.y < band)
        ]
        # a numbered heading ("I. Current trends ...") is no title, nor are its wrapped lines
        headings: list[Line] = []
        for line in candidates:
            if re.match(r"^([IVXL]+|[A-Z])\.\s", line.text) or (
                headings and _continues(headings[-1], line)
            ):
                headings.append(line)
        sized = [
            line for line in candidates
            if line not in headings and not _TITLE_SKIP_RE.match(line.text)
        ]
        if sized:
            top = max(round(line.size or 0) for line in sized)
            chosen = [line for line in sized if round(line.size or 0) == top]
            first_index = body.index(chosen[0])
            # the title is the first run of lines in that type, possibly in two groups
            run = [line for line in chosen if body.index(line) - first_index < 8]
            whole = _whole_title(run, lines[:60], band)
            return whole, _subtitle(whole, lines[:60], drop, layout)
    # without type sizes: the last group of lines (blank lines or gaps apart)
    # before the document label, the summary, or the first heading or paragraph;
    # the group right after "Agenda item 6" is the agenda item's title, not the report's
    groups: list[list[Line]] = [[]]
    agenda_title: list[Line] | None = None
    previous: Line | None = None
    for line in lines[:60]:
        text = line.text.strip()
        if _AGENDA_RE.match(text):
            groups.append([])
            agenda_title = groups[-1]
            previous = line
            continue
        if id(line) in drop:
            continue
        if _TITLE_SKIP_RE.match(text) or re.match(r"^(\d{1,3}|[IVXL]+|[A-Z])\.\s", text):
            break
        if _PART_LABEL_RE.match(text):
            break  # the part of the document the title heads ("Chapitre premier : ...")
        if previous is not None and _gap(previous, line) and (
            groups[-1] or groups[-1] is agenda_title
        ):
            groups.append([])  # (a gap right after "Agenda item 44": no agenda title)
        groups[-1].append(line)
        previous = line
    candidates = [
        g for g in groups
        if g and g is not agenda_title and sum(len(line.text) for line in g) < 300
        and sum(ch.isalpha() for line in g for ch in line.text) >= 8
    ]
    if any(line.bold for line in body[:30]):
        bold = [g for g in candidates if all(line.bold for line in g)]
        if len(bold) >= 2 and groups.index(bold[-1]) - groups.index(bold[-2]) == 1:
            return bold[-2] + bold[-1], []  # "Report of the Working Group ..." + "Slovenia"
        candidates = bold or candidates
    return (candidates[-1] if candidates else []), []


def _subtitle(head: list[Line], lines: list[Line], drop: set[int], layout: Layout) -> list[Line]:
    """The block of smaller bold type right under a title in the largest type, when the
    larger line only names whose or what the document is: an organisation above its
    report ("United Nations Population Fund" / "Annual report on the evaluation function,
    2024"), a committee on its report's cover ("Report on the seventy-fifth ... sessions"),
    a UPR country above the kind of document ("Compilation of information prepared by
    ..."). A label ("Report of the Secretary-General"), a heading or the summary is no part
    of the title."""
    if not head or layout.body_size is None or not _is_name(_join_title(head)):
        return []
    last = head[-1]
    index = lines.index(last) if last in lines else -1
    if index < 0 or index + 1 >= len(lines):
        return []
    first = lines[index + 1]
    text = " ".join(first.text.split())
    if (
        id(first) in drop or not first.bold or first.page != last.page
        or first.y is None or last.y is None or not first.size or not last.size
        or first.size < 1.15 * layout.body_size or round(first.size) >= round(last.size)
        or not 0 < last.y - first.y <= 3 * last.size
        or _TITLE_SKIP_RE.match(text) or _LABEL_RE.match(text) or _PART_LABEL_RE.match(text)
        or re.match(r"^(\d{1,3}|[IVXL]+|[A-Z])\.\s", text)
        or re.match(r"^(?:Introduction|Background|Overview|Annex|Annexe|Anexo)$", text, re.I)
    ):
        return []
    block = [first]
    for line in lines[index + 2:]:
        if id(line) in drop or not _continues(block[-1], line):
            break
        block.append(line)
    return block if sum(len(line.text) for line in block) < 300 else []


def _continues(previous: Line, line: Line) -> bool:
    """``line`` is the next line of the same block of type as ``previous``: same size
    and weight, one line lower on the same page."""
    if (
        previous.y is None or line.y is None or previous.page != line.page
        or not previous.size or round(previous.size) != round(line.size or 0)
        or previous.bold != line.bold
    ):
        return False
    return 0 < previous.y - line.y <= 1.6 * previous.size


def _whole_title(run: list[Line], lines: list[Line], band: float | None) -> list[Line]:
    """The run with the lines of the same block of type above and below it: a title
    wraps onto lines that alone look like a label, masthead or heading ("Letter dated
    ...", "Report of the Secretary-General", "Security Council"), which the choice of
    the run skips."""
    run = list(run)
    below_band = [
        line for line in lines
        if band is None or line.y is None or line.y < band
    ]
    while True:
        before = next((line for line in below_band
                       if line not in run and _continues(line, run[0])), None)
        if before is None:
            break
        run.insert(0, before)
    while True:
        after = next((line for line in below_band
                      if line not in run and _continues(run[-1], line)), None)
        if after is None:
            break
        run.append(after)
    return run


def _gap(previous: Line, line: Line) -> bool:
    if previous.y is None or line.y is None or previous.page != line.page:
        return False
    size = line.size if line.size and line.size > 2 else 12.0  # Type 3 fonts report 1.0
    return previous.y - line.y > 1.6 * size


#: words a name leaves in lower case ("Committee on Economic, Social and Cultural Rights")
_NAME_LOWER = frozenset(
    "of on the and for to in at with against from a an et de des du la le les pour sur en "
    "y del los las para por".split())
#: what opens a title that says what the document is, never a name alone
_DOCUMENT_WORD_RE = re.compile(
    r"^(?:Report|Resolution|Decision|Draft|Note|Letter|Statement|Annex|Summary|Rapport"
    r"|Résolution|Décision|Projet|Lettre|Informe|Resolución|Decisión|Proyecto|Carta)\b",
    re.IGNORECASE)


def _is_name(text: str) -> bool:
    """``text`` is a proper name (an organisation, a body, a country: every word but
    particles capitalised), not a title that says what the document is about."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    if not words or _DOCUMENT_WORD_RE.match(text.strip()) or re.search(r"\d", text):
        return False
    return all(word[0].isupper() or word.lower() in _NAME_LOWER for word in words)


#: words a one-letter roman numeral follows ("PART I", "ANNEX V")
_NUMERAL_AFTER = re.compile(r"\b(?:PART|CHAPTER|VOLUME|ANNEX|SECTION|PARTIE|CHAPITRE|TITRE|"
                            r"ANEXO|CAP[IÍ]TULO)\s+$", re.IGNORECASE)


def _recase(title: str, pages: list[Page]) -> str:
    """A title printed in capitals, in the case (and accents: OCR of "GÉNÉRAL" reads
    "GENERAL") its words have most often in the text: "RAPPORT DU DIRECTEUR GENERAL SUR
    L'ETAT DES TRAVAUX" -> "Rapport du Directeur général sur l'état des travaux". Acronyms
    the text writes in capitals ("UN", "UNCTAD") and roman numerals stay capitals; a word
    the text never writes is lowered."""
    forms: dict[str, Counter[str]] = {}
    for page in pages[:40]:
        for line in page.lines:
            if _is_upper(line.text):
                continue  # headings in capitals say nothing of a word's case
            for word in re.findall(r"[^\W\d_]+", line.text):
                if not word.isupper() or len(word) > 1:
                    forms.setdefault(_fold(word), Counter())[word] += 1

    def recased(match: re.Match[str]) -> str:
        word = match.group(0)
        if re.fullmatch(r"[IVXL]+", word) and (len(word) > 1 or _NUMERAL_AFTER.search(
                title[: match.start()]) or not title[match.end():].strip(" .)")):
            return word  # "PART I", "VOLUME V", a title ending "... II"
        seen = forms.get(_fold(word))
        if not seen:
            return word.lower()
        classes: Counter[str] = Counter()
        for form, count in seen.items():
            kind = "upper" if form.isupper() and len(form) > 1 else (
                "lower" if form[0].islower() else "capital")
            classes[kind] += count
        kind = classes.most_common(1)[0][0]
        if kind == "upper":
            return word
        best = max((form for form in seen
                    if (form.isupper() and len(form) > 1) is False
                    and form[0].islower() == (kind == "lower")),
                   key=lambda form: seen[form])
        return best

    out = re.sub(r"[^\W\d_]+", recased, title)
    first = re.search(r"[^\W\d_]", out)
    if first:
        out = out[: first.start()] + out[first.start()].upper() + out[first.start() + 1:]
    return out


def _fold(word: str) -> str:
    """A word without case or accents, to find it however OCR or capitals wrote it."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
