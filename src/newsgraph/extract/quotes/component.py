"""The ``newsgraph_quotes`` component: its factory (:func:`make_quotes`) and
:class:`QuoteExtractor`, which runs the passes in order and merges a quote split by its
attribution."""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, POS
from spacy.language import Language
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from ...tables import TABLES_VERSION
from ..annotations import doc_text, set_doc_quotes
from ..component import Component
from .attribution import _cue_for, _previous_sentence_source, _second_hand, _subject
from .confidence import QuoteEvidence, confidence, cue_classes, weights
from .layout import _colon_lines, _signed
from .lexicon import TABLES, attitude_frames, attribution_nouns, reporting_lemmas, source_nouns
from .marks import _ADJACENT, _SPLIT_BY_ATTRIBUTION, _closing_mark, _names_a_work, quote_spans
from .names import _name_before, _opening_name
from .nominal import _according_to, _nominal
from .records import Quote, _token_range
from .reported import _content, _holds_a_view
from .speakers import _mention_span, _Mentions, _nearby_person

#: Quotes shorter than this many words are partial quotes inside a sentence ("a “sustained cessation”").
MIN_WORDS = 1


#: Verbs that give a name: "a book called “Women Who Work”" names, it does not quote.
_NAMING = frozenset("call name title entitle dub label".split())


class QuoteExtractor(Component):
    """Fills ``doc._.newsgraph_quotes`` with typed :class:`~newsgraph.extract.facts.QuoteFact`
    records; speakers resolve to the ``newsgraph_entities`` spans."""

    tables = TABLES
    needs = ("DEP",)

    def annotate(self, doc: Doc) -> None:
        text = doc_text(doc)
        quotes = self.match(doc, text)
        set_doc_quotes(doc, tuple(q.fact(text, confidence(QuoteEvidence.of(doc, q))) for q in quotes))

    def load_tables(self) -> None:
        reporting_lemmas(), source_nouns(), attribution_nouns(), attitude_frames()
        cue_classes(), weights()

    def match(self, doc: Doc, text: str) -> list[Quote]:
        lemmas = reporting_lemmas()
        spans = []
        for start, end in quote_spans(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) >= MIN_WORDS:
                spans.append((start, end, span))
        quoted = {i for _, _, span in spans for i in range(span.start, span.end)}
        mentions = _Mentions.of(doc, quoted)
        person_ids = {eid for _, eid in mentions.persons}
        quotes: list[Quote] = []
        for start, end, span in spans:
            inside = set(range(span.start, span.end))
            sent = span[0].sent
            words = sum(1 for t in span if t.is_alpha)
            # a clause, or words that end like speech inside the marks (“Denver,” he answered)
            clause = (
                words >= 5
                or any(t.pos_ in ("VERB", "AUX") for t in span)
                or text[start:end].rstrip()[-1:] in (",", "?", "!")
            )
            cue = _cue_for(list(span), sent, inside, clause)
            lead = [t for t in sent if t.i < span.start and not (t.is_punct or t.is_space)]
            if words <= 4 and cue is None and lead:
                continue  # a short quote no one is said to have said: a title, a nickname, scare quotes
            if not clause and cue is not None and _labels_a_noun(span, inside, cue):
                continue  # a “phase one” trade deal: words in marks before a noun name it, said by no one
            alpha = [t for t in span if t.is_alpha]
            work = _names_a_work(doc, span.start)
            if (
                words <= (8 if work else 4)
                and all(t.is_title or t.is_stop for t in alpha)
                and alpha
                and alpha[0].is_title
                and (work or (lead and not (cue is not None and any(t.head.i == cue.i for t in span))))
            ):
                continue  # “Daily Show”, “Ronnie”: a title or a name in quotation marks
            if cue is not None and cue.lemma_ in _NAMING and cue.tag_ == "VBN" and cue.dep_ == "acl":
                continue  # a website called “Cape Breton If Donald Trump Wins”: a name
            speaker = _subject(cue, quoted) if cue is not None else None
            if speaker is None and cue is not None:
                speaker = _opening_name(cue)
            quote = Quote(start, end, "direct", cue, speaker, mentions.resolve(speaker, span))
            if quote.speaker is None:
                quote.speaker, quote.speaker_id = _nearby_person(doc, span, mentions.index, person_ids)
            if quote.speaker is None:  # "Bystrom agreed. “...”": the source of the sentence before
                quote.speaker = _previous_sentence_source(span)
                quote.speaker_id = mentions.resolve(quote.speaker, span)
            if quote.speaker is None and quotes and quotes[-1].speaker is not None:
                prev = quotes[-1]  # a quote with no source of its own continues the last speaker
                if text.count("\n\n", prev.end, start) <= 4:
                    quote.speaker, quote.speaker_id = prev.speaker, prev.speaker_id
                    # the words naming them: their last mention before this quote ("Howard continued.")
                    named = [
                        i
                        for i, eid in mentions.index.items()
                        if eid == prev.speaker_id and prev.end <= doc[i].idx < start
                    ]
                    if named:
                        quote.speaker = _mention_span(doc, max(named), mentions.index)
            quotes.append(quote)
        quotes = self._merge_split(quotes, text)
        frames = attitude_frames()
        # the doc's arrays, so that only verbs become Token objects
        tags: list[int] = doc.to_array(POS).tolist()
        deps: list[int] = doc.to_array(DEP).tolist()
        heads: list[int] = doc.to_array(HEAD).astype("int64").tolist()  # offsets to the head
        ccomp = doc.vocab.strings["ccomp"]
        ccomp_heads = {i + heads[i] for i, dep in enumerate(deps) if dep == ccomp and heads[i] < 0}
        verbs = [doc[i] for i, pos in enumerate(tags) if pos == VERB and i not in quoted]
        for tok in verbs:  # reported speech: "X said (that) ...", "..., X said."
            if (
                tok.lemma_ not in lemmas
                and tok.lemma_ not in frames
                and not _holds_a_view(tok, mentions, ccomp_heads)
            ):
                continue
            if _asked(tok, quoted):
                continue  # "Will we still call it the Sylphy?": a question, no one's words reported
            toks, surface = _content(tok, quoted)
            if not toks or len(toks) < 3:
                continue
            first, last = toks[0], toks[-1]
            start, end = first.idx, last.idx + len(last.text)
            for q_start, q_end, _ in spans:  # a quote the words end inside (its comma or full stop cut)
                if start < q_start < end < q_end:
                    end = q_end
            if any(q_end == end for _, q_end, _ in spans):  # and its closing mark
                end += _closing_mark(text, end)
            inner = [q for q in quotes if q.kind == "direct" and start <= q.start and q.end <= end]
            outside = sum(1 for t in toks if t.i not in quoted and t.is_alpha)
            # words of the writer's around a partial quote make a mixed quote ("calling him a “loser”")
            # (a short one the direct pass left alone counts too: "cited another “trap” debate")
            marked = bool(inner) or any(t.i in quoted for t in toks)
            enough = 1 if marked and first.i not in quoted else 3
            if (
                outside < enough
                or any(q.start < start < q.end or q.start < end < q.end for q in quotes)
                or any(q.start == start and q.end == end for q in quotes)  # a second verb, same words
            ):
                continue  # the reported words are a direct quote already (or cut one)
            speaker = surface or _subject(tok, quoted)
            if speaker is not None and start <= speaker.start_char < end:
                # the parse took a subject inside the reported words: the name before the verb
                speaker = _name_before(tok)
            said = doc[first.i : last.i + 1]  # the reported words
            speaker_id = mentions.resolve(speaker, said)
            if speaker is None:  # a parse with no subject: the name right before the verb
                speaker = _name_before(tok)
                speaker_id = mentions.resolve(speaker, said)
            if speaker is None:  # or the person named before the verb
                before = doc[tok.sent.start : tok.i]
                speaker, speaker_id = _nearby_person(doc, doc[tok.i : tok.i + 1], mentions.index, person_ids)
                if speaker is not None and speaker.start >= before.end:
                    speaker = speaker_id = None
            if inner:  # said the convention was the "perfect opportunity" to ...: one mixed quote
                quotes = [q for q in quotes if q not in inner]
                if speaker is None:
                    speaker, speaker_id = inner[0].speaker, inner[0].speaker_id
            quotes.append(Quote(start, end, "mixed" if marked else "indirect", tok, speaker, speaker_id))
        quotes = _nominal(doc, quotes, quoted, mentions)
        quotes.extend(
            _according_to(doc, quoted | {i for q in quotes for i in _token_range(doc, q)}, mentions, quotes)
        )
        for q in quotes:  # "RIA quoted him as saying": the words are his, passed on by RIA
            if q.via is None and q.cue is not None:
                q.via = _second_hand(q.cue)
                q.via_id = mentions.resolve(q.via)
        quotes = _colon_lines(doc, text, quotes, mentions)
        _signed(doc, text, quotes, mentions)
        return sorted(quotes, key=lambda q: q.start)

    @staticmethod
    def _merge_split(quotes: list[Quote], text: str) -> list[Quote]:
        """One quote split by its attribution ("“A,” he said. “B.”") stays one quote."""
        out: list[Quote] = []
        for q in quotes:
            prev = out[-1] if out else None
            split = (
                prev is not None
                and prev.cue is not None
                and prev.end <= prev.cue.idx < q.start
                and _SPLIT_BY_ATTRIBUTION.fullmatch(text, prev.end, q.start) is not None
                and (q.cue is None or q.cue.i == prev.cue.i)
            )
            # “A,” “B.”: quotations one after the other, nothing but marks between, are one too
            adjacent = (
                prev is not None
                and prev.kind == q.kind == "direct"
                and _ADJACENT.fullmatch(text, prev.end, q.start) is not None
                and (q.cue is None or (prev.cue is not None and q.cue.i == prev.cue.i))
            )
            if prev is not None and (split or adjacent):
                prev.parts = [*(prev.parts or [(prev.start, prev.end)]), (q.start, q.end)]
                prev.end = q.end
                if prev.cue is None:
                    prev.cue, prev.speaker, prev.speaker_id = q.cue, q.speaker, q.speaker_id
                continue
            out.append(q)
        return out


@Language.factory(
    "newsgraph_quotes",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_quotes"],
    requires=["token.dep", "token.lemma", "doc.spans", "doc._.newsgraph_entities"],
)
def make_quotes(nlp: Language, name: str, tables: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, tables=tables)


#: Dependencies of a word that stands before a noun and modifies it.
_PREMODIFIER = frozenset({"compound", "amod", "nmod", "nummod"})


def _labels_a_noun(span: Span, inside: set[int], cue: Token) -> bool:
    """Whether the quoted words ``span`` (not a clause) modify a noun after them outside the marks
    ("a “phase one” trade deal", "the “America First” policy") and the cue found for them does not
    govern that noun phrase: a label in quotation marks, not words someone is said to have said
    ("Trump called it a “phase one” deal" keeps its cue: the noun hangs from "called")."""
    roots = [t for t in span if t.head.i not in inside and t.head.i != t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    head = root.head
    if root.dep_ not in _PREMODIFIER or head.i < span.end or head.pos_ not in ("NOUN", "PROPN"):
        return False
    while head.dep_ in _PREMODIFIER | {"conj"} and head.head.i != head.i:
        head = head.head  # the noun phrase's own head
    return head.head.i != cue.i


def _asked(verb: Token, quoted: set[int]) -> bool:
    """Whether ``verb`` is the verb of a question about what someone will, would or should say
    ("Will we still call it the Sylphy?", "Should the minister tell them the plant will close?"):
    its sentence ends with a question mark outside quotation marks, and a modal comes before the
    verb's subject. Such a verb reports no words. (A question about what was said, "Did the
    minister say that ...?", "Who told them ...?", is left alone: PolNeAR counts many of them,
    and the words were said.)"""
    sent = verb.sent
    closing = ("\u201d", '"', "'", "\u2019")
    last = next((t for t in reversed(sent) if not (t.is_space or t.text in closing)), None)
    if last is None or last.text != "?" or last.i in quoted:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.i < subject.i for c in verb.children)
