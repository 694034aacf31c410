"""Paragraph-wise parsing and the sentence guard."""

from __future__ import annotations

import pytest

from eventwire.nlp import load_model, may_start_sentence, split_paragraphs


@pytest.mark.parametrize("prev,before,allowed", [
    (".", "Moscou", True),
    ("?", "pourquoi", True),
    ("»", ".", True),
    ('"', "!", True),
    ("Pékin", None, False),
    ("»", "ridicules", False),
    (",", "Moscou", False),
    ("U.S.", "the", True),
])
def test_a_sentence_starts_only_after_final_punctuation(prev, before, allowed):
    assert may_start_sentence(prev, before) is allowed


@pytest.mark.parametrize("lang,text,n_sents,subject", [
    ("fr", "Pékin a condamné les essais nord-coréens.", 1, "Pékin"),
    ("fr", "Moscou a accusé Kiev. Pékin a condamné les essais.", 2, "Moscou"),
    ("en", "Beijing condemned the North Korean tests.", 1, "Beijing"),
])
def test_sentences_are_not_split_inside_a_clause(lang, text, n_sents, subject):
    doc = load_model(lang)(text)
    assert len(list(doc.sents)) == n_sents
    first = next(doc.sents)
    assert [t.text for t in first if t.dep_.startswith("nsubj")] == [subject]


def test_paragraphs_are_non_blank_lines_without_their_outer_spaces():
    text = "Premier paragraphe.\n\n  Deuxième.  \nTroisième."
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["Premier paragraphe.", "Deuxième.", "Troisième."]
