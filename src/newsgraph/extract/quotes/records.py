"""The :class:`Quote` record the passes build and amend, and its JSON form (``as_dict``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..facts import QuoteFact, TextSpan


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    kind: str
    cue: Token | None = None
    speaker: Span | None = None
    speaker_id: str | None = None
    #: the cue's characters when it is more than one token ("according to")
    cue_span: tuple[int, int] | None = None
    #: the quoted pieces when an attribution splits the quote ("“A,” he said. “B.”")
    parts: list[tuple[int, int]] | None = None
    #: who passed the words on: "..., Sanders said, according to CNN"; "RIA quoted him as saying"
    via: Span | None = None
    via_id: str | None = None
    #: the speaker's characters when they do not fall on token edges ("-Michelle Marks")
    speaker_chars: tuple[int, int] | None = None

    def fact(self, text: str, confidence: float) -> QuoteFact:
        """The quote as the typed record the doc carries (``text`` is the doc's text), with how
        likely it is to be right."""
        cue: TextSpan | None = None
        if self.cue_span is not None:
            cs, ce = self.cue_span
            cue = TextSpan(text[cs:ce], cs, ce)
        elif self.cue is not None:
            cue = TextSpan(self.cue.text, self.cue.idx, self.cue.idx + len(self.cue.text))
        speaker: tuple[str | None, int | None, int | None] = (None, None, None)
        if self.speaker is not None:
            ss, se = self.speaker_chars or (self.speaker.start_char, self.speaker.end_char)
            speaker = (text[ss:se], ss, se)
        via = self.via
        return QuoteFact(
            start=self.start,
            end=self.end,
            text=text[self.start : self.end],
            kind=self.kind,
            parts=tuple(self.parts or [(self.start, self.end)]),
            cue=cue,
            speaker=self.speaker_id,
            speaker_text=speaker[0],
            speaker_start=speaker[1],
            speaker_end=speaker[2],
            via=self.via_id,
            via_text=via.text if via is not None else None,
            via_start=via.start_char if via is not None else None,
            via_end=via.end_char if via is not None else None,
            confidence=confidence,
        )


def _token_range(doc: Doc, quote: Quote) -> range:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
