"""What the writer is handed and what it writes: text analysed once, positions packed,
postings blocks packed (``indexer.store.codec``), the English words as written kept once
per document. Each must answer exactly as Whoosh's own way did.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh import fields, formats, index
from whoosh import query as wq

from indexer import schema as f
from indexer.model import ExtractedDocument, Paragraph, QualityReport
from indexer.store import Store
from indexer.store.codec import PackedCodec, pack, unpack

TEXTS = [
    "The Women's rights organisations reported 2,271 cases; the UN's l'éducation, May 5 us. "
    * 3,
    "Recommends that the State party ratify the Convention (see A/57/292, para. 69 (b)). x Z",
    "Les États parties d'une éducation inclusive; la educación de las niñas y los niños.",
    "",
]


@pytest.mark.parametrize("name", [f.TEXT_EN, f.TEXT_FR, f.TEXT_ES])
@pytest.mark.parametrize("text", TEXTS)
def test_text_analysed_once_equals_whoosh_analysis(name: str, text: str) -> None:
    field = f.make_schema()[name]
    posted, words = f.analyse(field.analyzer, text, field.format)
    whoosh = formats.Positions()
    expected = {
        term.encode(): (freq, weight, whoosh.decode_positions(value))
        for term, freq, weight, value in whoosh.word_values(text, field.analyzer, mode="index")
    }
    got = {term: (freq, weight, field.format.decode_positions(value))
           for term, freq, weight, value in posted}
    assert got == expected
    assert all(field.format.decode_frequency(value) == freq for _, freq, _, value in posted)
    joined = {token.text for token in field.analyzer(text, no_morph=True)}
    if name == f.TEXT_EN and text.startswith("The Women"):  # as printed, not their joins
        assert {"women", "organisations"} <= words and not {"woman", "organizations"} & words
        assert words - {"women", "organisations"} == joined - {"woman", "organizations"}
    else:
        assert words == joined


@pytest.mark.parametrize(
    "positions", [[0], [254], [255], [0, 1, 2], [3, 300], [5, 70_000, 70_001],
                  list(range(0, 2000, 7)), [2**31]]
)
def test_packed_positions_round_trip(positions: list[int]) -> None:
    packed = f.PackedPositions()
    value = packed.encode(positions)
    assert packed.decode_positions(value) == positions
    assert packed.decode_frequency(value) == len(positions)
    assert len(packed.encode([5])) == 1  # Whoosh's own format: 13 bytes


def test_pack_round_trip() -> None:
    for values in ([], [0], [255], [256, 1], [65_536, 0], [2**32 - 1]):
        assert list(unpack(pack(values))) == values


def _answers(directory: Path, codec: PackedCodec | None) -> list[list[tuple[str, float]]]:
    """Queries over an index written in three segments, one deletion, then merged."""
    schema = fields.Schema(
        id=fields.ID(stored=True),
        text=f.PostedText(analyzer=f.english_analyzer(), phrase=True),
        tags=fields.KEYWORD(),
        words=f.Words(),
    )
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(300)]
    texts = [" ".join(rng.choice(vocabulary[: rng.choice([5, 50, 300])])
                      for _ in range(rng.randint(1, 400))) + f" w1 rare{n % 700}"
             for n in range(1500)]  # rare words: postings kept in the term's entry
    ix = index.create_in(str(directory), schema)

    def writer():  # type: ignore[no-untyped-def]
        return ix.writer(codec=codec) if codec else ix.writer()

    for part in range(3):
        w = writer()
        for n in range(part * 500, part * 500 + 500):
            w.add_document(id=str(n), text=texts[n], tags=texts[n][:20],
                           words={"a", texts[n][:3]})
        w.commit(merge=False)
    w = writer()
    w.delete_by_term("id", "5")
    w.commit(optimize=True)
    queries = [wq.Term("text", "w1"), wq.Phrase("text", ["w1", "w2"]), wq.Term("words", "a"),
               wq.Term("tags", "w3"), wq.Term("text", "w299"),
               wq.Phrase("text", ["w3", "w4", "w3"]), wq.Term("text", "rare7"),
               wq.Phrase("text", ["w1", "rare8"]), wq.Term("id", "7")]
    with ix.searcher() as searcher:
        return [sorted((hit["id"], round(hit.score, 5))
                       for hit in searcher.search(q, limit=None)) for q in queries]


def test_packed_codec_answers_as_whoosh_codec(tmp_path: Path) -> None:
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "packed").mkdir()
    expected = _answers(tmp_path / "whoosh", None)
    assert all(expected)
    assert _answers(tmp_path / "packed", PackedCodec()) == expected


def _document(symbol: str, text: str) -> ExtractedDocument:
    paragraphs = [Paragraph(str(n), None, ["I. Introduction"], text, 1, 1, "1", "1", ordinal=n)
                  for n in (1, 2)]
    return ExtractedDocument(
        path=f"/x/{symbol.replace('/', '_')}.pdf", kind="pdf", symbol=symbol, title="A title",
        language="en", date="1 May 2025", pages=1, paragraphs=paragraphs, sections=[],
        quality=QualityReport(paragraphs=2, blocks=0, first="1", last="2"),
    )


def test_spelling_words_are_the_english_words_as_written(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "index")
    french = _document("A/80/3", "Les pêcheurs artisanaux.")
    french.language = "fr"
    with store.batch() as batch:
        batch.replace(_document("A/80/1", "Fishermen and aquaculture in coastal villages."),
                      "h1", "/x/1.pdf")
        batch.replace(_document("A/80/2", "Pastoralists and nomadic herders."), "h2", "/x/2.pdf")
        batch.replace(french, "h3", "/x/3.pdf")
    assert store.suggest("fishermn") == ["fishermen"]
    assert store.suggest("pastoralist") == ["pastoralists"]  # not the stem "pastoralist"
    assert store.suggest("pecheur") == []  # suggestions are English
    assert store.suggest("fishermen") == []  # a known word needs none


def test_suggestions_keep_the_forms_a_reader_types(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "index")
    with store.batch() as batch:
        batch.replace(_document("A/80/1", "Children, women and data on the organisation of "
                                          "schools."), "h1", "/x/1.pdf")
    assert store.suggest("childen") == ["children"]  # not the join "child" it is searched by
    assert store.suggest("wmen") == ["women"]
    assert store.suggest("dta") == ["data"]
    assert store.suggest("organisaton") == ["organisation"]  # as printed, not "-ization"
    assert store.search("childen").total == 0 and store.search("children").total == 2


def test_paragraphs_show_what_they_store_once_on_their_document(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "index")
    with store.batch() as batch:
        batch.replace(_document("A/80/1", "Fishermen and aquaculture."), "h1", "/x/1.pdf")
    with store._ix.searcher() as searcher:  # raw: a paragraph stores none of them
        raw = next(s for s in searcher.all_stored_fields() if s[f.KIND] != f.KIND_DOCUMENT)
    assert not set(raw) & {f.SYMBOL, f.SOURCE, f.CONTENT_HASH, f.TITLE, f.LANGUAGE, f.YEAR}
    found = store.lookup("A/80/1@en", "2")
    assert found is not None
    assert (found.symbol, found.title, found.source, found.language, found.text) == (
        "A/80/1", "A title", "/x/1.pdf", "en", "Fishermen and aquaculture.")
    hit = store.search("aquaculture").hits[0]
    assert (hit.record.symbol, hit.record.title) == ("A/80/1", "A title")
    assert [p.title for p in store.paragraphs("A/80/1@en")] == ["A title", "A title"]


def test_texts_analysed_in_a_worker_are_written_as_if_analysed_here(tmp_path: Path) -> None:
    from indexer.store.fields import analyse_paragraphs
    from indexer.workers import extract_one

    document = _document("A/80/1", "Fishermen's cooperatives and aquaculture, 2,271 boats.")
    outcome = extract_one("/x/1.pdf", extract_fn=lambda path, max_bytes: document)
    assert outcome.analysis == analyse_paragraphs(document, f.make_schema())
    answers = []
    for name, analysis in (("here", None), ("worker", outcome.analysis)):
        store = Store.create(tmp_path / name)
        with store.batch() as batch:
            batch.replace(document, "h1", "/x/1.pdf", analysis)
        found = store.search('"fishermen cooperatives" OR boats OR 2271')
        answers.append([(h.record.key, round(h.score, 6), h.snippet) for h in found.hits])
        assert store.suggest("fishermn") == ["fishermen"]
    assert answers[0] == answers[1] and answers[0]


def test_english_word_rules_in_one_filter_match_the_filters_one_by_one() -> None:
    text = " ".join(TEXTS) + (
        " Women's children’s States' organisations’ Organisations 2,271,000 1,5 a I 5 x "
        "ÉCOLE naïve Crises MEDIA data’s us US May L'éducation d’une criteria's "
        "Civilisation co-operation 3.5 A/HRC/59/15 ’s ' ’ mobilisations realisation"
    )
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for path in sorted(corpus.glob("*.txt")):
        text += " " + path.read_text(errors="replace")
    for mode in ("index", "query"):
        for positions in (False, True):
            fused = [(t.text, t.pos if positions else 0) for t in
                     f.english_analyzer()(text, mode=mode, positions=positions)]
            steps = [(t.text, t.pos if positions else 0) for t in
                     f.english_analyzer_by_steps()(text, mode=mode, positions=positions)]
            assert fused == steps and len(fused) > 1000


def test_postings_kept_in_term_entries_are_scored_a_term_at_a_time_as_whoosh_scores_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import indexer.store.accumulate as accumulate

    store = Store.create(tmp_path / "index")
    with store.batch() as batch:  # every term here has fewer postings than INLINE_LIMIT
        batch.replace(_document("A/80/1", "Fishermen and aquaculture in coastal villages."),
                      "h1", "/x/1.pdf")
        batch.replace(_document("A/80/2", "Aquaculture of pastoralists."), "h2", "/x/2.pdf")
    mine = store.search("aquaculture OR pastoralists OR title")
    monkeypatch.setattr(accumulate, "terms_only", lambda parsed: None)  # Whoosh's matchers
    theirs = store.search("aquaculture OR pastoralists OR title")
    assert [h.record.key for h in mine.hits] == [h.record.key for h in theirs.hits]
    assert [h.score for h in mine.hits] == pytest.approx([h.score for h in theirs.hits])
    assert mine.total == theirs.total == 4
