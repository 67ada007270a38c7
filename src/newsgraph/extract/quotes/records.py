"""The :class:`Quote` record the passes build and amend, and its JSON form (``as_dict``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token


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

    def as_dict(self, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": text[self.start : self.end],
            "kind": self.kind,
            "parts": [list(p) for p in self.parts or [(self.start, self.end)]],
            "cue": None,
            "speaker": self.speaker_id,
            "speaker_text": None,
            "speaker_start": None,
            "speaker_end": None,
            "via": self.via_id,
            "via_text": None,
            "via_start": None,
            "via_end": None,
        }
        if self.via is not None:
            out.update(via_text=self.via.text, via_start=self.via.start_char, via_end=self.via.end_char)
        if self.cue_span is not None:
            cs, ce = self.cue_span
            out["cue"] = {"text": text[cs:ce], "start": cs, "end": ce}
        elif self.cue is not None:
            out["cue"] = {
                "text": self.cue.text,
                "start": self.cue.idx,
                "end": self.cue.idx + len(self.cue.text),
            }
        if self.speaker is not None:
            ss, se = self.speaker_chars or (self.speaker.start_char, self.speaker.end_char)
            out.update(speaker_text=text[ss:se], speaker_start=ss, speaker_end=se)
        return out


def _token_range(doc: Doc, quote: Quote) -> range:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
