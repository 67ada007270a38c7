"""Headlines in title case ("Obama Urges Congress To Pass Gun Bill") parse badly with a model
trained on running text: every word looks like a name, verbs become proper nouns and the event is
lost. Before events are looked for, such a sentence is parsed again with its words in the case
running text would give them, and the new tags, lemmas and dependencies replace the old ones
(the words, entities and offsets stay as they are).

A word keeps its capital when the article writes it so inside a sentence elsewhere ("Congress",
"Obama"), when it is an acronym ("NATO"), or when it is part of a named entity and is neither a
word the article writes in lower case nor a word of the event lexicon; every other word is written
in lower case."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from spacy.attrs import DEP, HEAD, IS_ALPHA, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from ..annotations import doc_words, forget_tags

#: The model's components that tag, parse and lemmatise (run again on a re-cased headline).
PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
#: The least number of words of a title, and the share of them (after the first) in capitals.
MIN_WORDS = 4
MIN_CAPITALISED = 0.75


def is_title_case(sent: Span) -> bool:
    """Most words after the first begin with a capital, as in a headline written in title case."""
    return _title_case_words([t.text for t in sent if t.is_alpha])


def _title_case_words(words: list[str]) -> bool:
    """:func:`is_title_case` on a sentence's alphabetic words."""
    if len(words) < MIN_WORDS:
        return False
    rest = words[1:]
    capitals = sum(1 for w in rest if w[0].isupper())
    return capitals / len(rest) >= MIN_CAPITALISED


def title_sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` for which :func:`is_title_case` holds, tested on the doc's words and
    its ``is_alpha`` array (no Token made per word: most docs have no such sentence)."""
    words = doc_words(doc)
    alpha: list[int] = doc.to_array(IS_ALPHA).tolist()
    return [
        sent
        for sent in doc.sents
        if _title_case_words([words[i] for i in range(sent.start, sent.end) if alpha[i]])
    ]


def running_case(doc: Doc, titles: set[int]) -> tuple[set[str], set[str]]:
    """Words the article writes with a capital inside a sentence, and words it writes in lower
    case, outside the title-case sentences."""
    capital: set[str] = set()
    lower: set[str] = set()
    for sent in doc.sents:
        if sent.start in titles:
            continue
        for t in sent[1:]:
            if not t.is_alpha:
                continue
            if t.text[0].isupper():
                capital.add(t.text)
            else:
                lower.add(t.text)
    return capital, lower


def _lexicon_word(word: str, lexicon: frozenset[str]) -> bool:
    """``word`` (lower case) is an event word or an inflection of one ("urges", "hits", "vowed")."""
    stems = {word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e"}
    return bool(stems & lexicon)


def recased_words(sent: Span, capital: set[str], lower: set[str], lexicon: frozenset[str]) -> list[str]:
    """The words of ``sent`` in the case running text would give them."""
    out: list[str] = []
    for k, t in enumerate(sent):
        word = t.text
        low = word.lower()
        keep = (
            k == 0
            or not word[:1].isupper()
            or (len(word) > 1 and word.isupper())
            or word in capital
            or (bool(t.ent_type_) and low not in lower and not t.is_stop and not _lexicon_word(low, lexicon))
        )
        out.append(word if keep else low)
    return out


def reparse_titles(nlp: Language, doc: Doc, lexicon: Iterable[str]) -> int:
    """Parse the title-case sentences of ``doc`` again, re-cased, and write their new tags,
    lemmas and dependencies into ``doc``; the number of sentences re-parsed."""
    titles = title_sentences(doc)
    if not titles:
        return 0
    pipes = [(name, proc) for name, proc in nlp.pipeline if name in PARSE_PIPES]
    if not any(name == "parser" for name, _ in pipes):
        return 0
    capital, lower = running_case(doc, {s.start for s in titles})
    words_lexicon = frozenset(lexicon)
    attrs = [TAG, POS, LEMMA, HEAD, DEP]
    array = doc.to_array(attrs)
    done = 0
    for sent in titles:
        words = recased_words(sent, capital, lower, words_lexicon)
        if words == [t.text for t in sent]:
            continue
        sub = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
        for _, proc in pipes:
            sub = proc(sub)
        array[sent.start : sent.end] = sub.to_array(attrs)
        done += 1
    if done:
        doc.from_array(attrs, cast(Ints2d, array))
        forget_tags(doc)
    return done
