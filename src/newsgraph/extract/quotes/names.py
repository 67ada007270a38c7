"""The words that name a source: the noun phrase of a speaker, and whether a run of tokens reads
as a source's name (before a verb, opening a sentence or a run of words)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import source_nouns

_NAME_POS = frozenset("DET ADJ PROPN NOUN PART NUM PRON".split())


#: Words that open a clause rather than name a source ("whom he said", "Despite what he said").
_NOT_NAMES = frozenset("what whom who which whose that this it everything something nothing".split())


#: Punctuation inside a name ("Mrs.", "Clinton's", "Jean-Marc").
_NAME_PUNCT = frozenset([".", "'", "’", "'s", "’s", "-"])


_SOURCE_PRONOUNS = frozenset("i we you he she they".split())


#: Dependencies through which a name follows its title in one noun phrase.
_NAME_PATH = frozenset("appos prep pobj compound".split())


_NP_DEPS = frozenset("compound amod det poss nmod nummod".split())


def _noun_phrase(tok: Token) -> Span:
    """The words naming ``tok``: its left modifiers (titles, names, determiners) and itself, and a
    person named after it in the same phrase ("Azerbaijan's presidential envoy, Ilkin Mammadli";
    "Minister of State for Foreign Affairs Khalid al-Mansouri")."""
    left = min((t.i for t in tok.subtree if t.dep_ in _NP_DEPS or t.i == tok.i), default=tok.i)
    right = tok.i
    stack = [c for c in tok.rights if c.dep_ in _NAME_PATH]
    while stack:
        child = stack.pop()
        if child.ent_type_ == "PERSON":
            right = max(right, child.i)
        stack.extend(c for c in child.children if c.dep_ in _NAME_PATH or c.dep_ == "compound")
    return tok.doc[left : right + 1]


def _source_words(toks: list[Token]) -> bool:
    """Whether ``toks`` read as a source's name: short, no verb, with a pronoun, a name or a noun
    for people ("he", "Mrs. Clinton's aides", "political scientist Dossym Satpayev in Almaty")."""
    if not 0 < len(toks) <= 12 or any(
        (t.pos_ not in _NAME_POS and t.text not in _NAME_PUNCT)
        or (t.pos_ == "PART" and t.tag_ != "POS")
        or t.lower_ in _NOT_NAMES
        for t in toks
    ):
        return False
    return any(
        t.lower_ in _SOURCE_PRONOUNS
        or t.pos_ == "PROPN"
        or t.lemma_.lower() in source_nouns()
        or (t.lower_ == "old" and t.i > 1 and t.doc[t.i - 2].lower_ == "year")  # "the 43-year-old"
        for t in toks
    )


def _leading_name(toks: list[Token]) -> list[Token]:
    """The noun phrase a run of tokens opens with ("political scientist Dossym Satpayev" of
    "political scientist Dossym Satpayev in Almaty")."""
    out: list[Token] = []
    for tok in toks:
        if tok.pos_ not in _NAME_POS and not (tok.text in ".'’" and out):
            break
        out.append(tok)
    return out


def _name_before(verb: Token) -> Span | None:
    """The words right before ``verb`` when they read as a source's name ("... author Hiro Aida
    said ...")."""
    doc, sent = verb.doc, verb.sent
    i = verb.i - 1
    while i >= sent.start and (doc[i].pos_ in _NAME_POS or doc[i].text in _NAME_PUNCT) and verb.i - i <= 12:
        i -= 1
    toks = list(doc[i + 1 : verb.i])
    return doc[toks[0].i : verb.i] if toks and _source_words(toks) else None


def _opening_name(verb: Token) -> Span | None:
    """The words that open the verb's sentence when they name a source, appositions included
    ("the presumptive GOP presidential nominee, Donald Trump, tweeted")."""
    doc, sent = verb.doc, verb.sent
    words = [t for t in doc[sent.start : verb.i] if not t.is_punct and not t.is_space]
    if not words or verb.i - sent.start > 16 or not _source_words(words[:12]):
        return None
    return doc[words[0].i : words[-1].i + 1]
