"""Speakers the layout of the text gives: "Name: words" lines (headlines, transcripts,
newsletters) and a signature under a quotation standing alone."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .records import Quote
from .speakers import _Mentions

#: "Name: what they said" at the start of a line: headlines, transcripts, interviews.
_COLON_LINE = re.compile(r"(?m)^[ \t]*([A-Z][\w.’'\- ]{0,40}?):[ \t]+(?=\S)")


#: A newsletter's item: "Pollsters agree - Carl Bialik: “...”" (a headline, a dash, the source).
_HEADED_COLON_LINE = re.compile(r"(?m)^[^\n:“”\"]{3,120}? [-—–] ([A-Z][\w.’' ]{1,40}?):[ \t]+(?=[“\"])")


def _colon_lines(doc: Doc, text: str, quotes: list[Quote], mentions: _Mentions) -> list[Quote]:
    """ "Issa: Clinton's honesty is in question", "Q: ...", "A: ...": the rest of the line is the
    words of the one named before the colon (a quote already there takes that speaker)."""
    for m in [*_COLON_LINE.finditer(text), *_HEADED_COLON_LINE.finditer(text)]:
        if len(m.group(1).split()) > 5:
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or not (
            re.fullmatch(r"[A-Z]{1,3}", m.group(1).strip())
            or (
                any(t.pos_ == "PROPN" or t.ent_type_ or (t.is_title and t.pos_ == "NOUN") for t in name)
                and name[0].pos_ not in ("ADP", "ADV", "SCONJ", "CCONJ")
            )
        ):
            continue  # "For example: ...", "Still: ...": no one named
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        start, end = m.end(), line_end
        while end > start and text[end - 1] in " \t":
            end -= 1
        if len(text[start:end].split()) < 2:
            continue
        source = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        if source is None or colon is None:
            continue
        inner = [q for q in quotes if start <= q.start and q.end <= end and q.kind == "direct"]
        if any(q.start < start < q.end or q.start < end < q.end for q in quotes):
            continue
        if any(q.cue is not None and q.speaker is not None and q.cue.idx >= start for q in inner):
            continue  # a sentence with its own attribution ("...," he told CNN)
        speaker_id = mentions.resolve(source)
        whole = [q for q in inner if q.kind == "direct" and q.end - q.start >= 0.8 * (end - start)]
        if whole:  # the line is a quotation: it is theirs
            for q in whole:
                # (a headline's words before "- Name:" are no attribution of their own)
                if q.speaker is None or q.cue is None or m.re is _HEADED_COLON_LINE:
                    q.speaker, q.speaker_id, q.cue, q.cue_span = source, speaker_id, colon[0], None
            continue
        quotes = [q for q in quotes if q not in inner]
        quote = Quote(start, end, "mixed" if inner else "direct", colon[0], source, speaker_id)
        quotes.append(quote)
    return quotes


#: A signature under a quotation: "\n\n-President Obama, tweeting after the speech."
_SIGNATURE = re.compile(
    r"[”\"'’»]*[ \t\xa0]*(?:\n+[ \t\xa0]*)?(?:[-—–―]{1,2}[ \t\xa0]*([A-Z][^,\n]{1,60}?)(?=,|\.?\n|\.?$)"
    r"|(?<=[^\n]\n)([A-Z][^,\n.”\"]{0,40}(?:\.[^,\n.”\"]{1,40}){0,4})\.?[”\"]?[ \t]*(?=\n|$))"
)


def _signed(doc: Doc, text: str, quotes: list[Quote], mentions: _Mentions) -> None:
    """A quotation standing alone, signed with a dash and a name after it or on the next line, is
    the signer's (pull quotes, "quotables", readers' voices: "“...” ― Christina Lastra.")."""
    for q in quotes:
        if q.kind != "direct" or q.cue is not None:
            continue
        m = _SIGNATURE.match(text, q.end)
        group = 1 if m is not None and m.group(1) else 2
        if m is None or len(m.group(group).split()) > 6:
            continue
        source = doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
        # a name alone on the very next line signs the quote too ("S.C. Rep. Jim Clyburn."), not a
        # headline in capitals after a blank line ("GAZA SITUATION 'DIRE'")
        names = group == 1 or (
            source is not None
            and all(t.pos_ in ("PROPN", "PUNCT") for t in source)
            and not all(t.is_upper for t in source if t.is_alpha)
        )
        if source is not None and names and any(t.pos_ == "PROPN" for t in source):
            q.speaker, q.speaker_id = source, mentions.resolve(source)
            q.speaker_chars = (m.start(group), m.end(group))
