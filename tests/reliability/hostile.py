"""Generators of hostile inputs: every format newsgraph reads, in odd encodings, cut short, bit-flipped,
compressed into bombs, under odd file names, and broken in the ways real crawls and dumps are.

Each generated input is a :class:`Case`: its file name (bytes, so names that are not UTF-8 can be
made), its bytes, and what a run must do with it: ``good`` inputs must be stored (their ``token``
is in a stored article's title), ``bad`` ones must give a coded error, and ``any`` ones may do
either, but never nothing. Everything is drawn from a seeded :class:`random.Random`, so a run is
repeatable. The texts are written for these tests."""

from __future__ import annotations

import codecs
import gzip
import json
import random
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Expect = Literal["good", "bad", "any"]

WORDS = (
    "council minister talks harbour river bridge election budget teachers strike court ruling "
    "farmers drought ceasefire delegates province railway hospital flood union wages"
).split()
PLACES = ("Geneva", "Lima", "Nairobi", "Oslo", "Zürich", "Kraków", "São Paulo", "Hanoi")


@dataclass(slots=True)
class Case:
    """One generated input."""

    name: bytes
    data: bytes
    expect: Expect
    #: For ``good`` inputs: a word that is in the stored article's title.
    token: str = ""

    def write(self, folder: Path) -> Path:
        path = folder / _fs(self.name)
        path.write_bytes(self.data)
        return path


def _fs(name: bytes) -> str:
    """The ``str`` Python uses for the file name ``name`` (bytes that are not UTF-8 as surrogates)."""
    return name.decode("utf-8", "surrogateescape")


def story(rng: random.Random, token: str) -> tuple[str, str]:
    """A short, original ``(title, body)``; ``token`` is in the title."""
    place = rng.choice(PLACES)
    title = f"{token.capitalize()} {rng.choice(WORDS).capitalize()} Talks Resume in {place}"
    sentences = [
        f"Delegates met in {place} on {rng.choice(['Monday', 'Tuesday', 'Friday'])} to discuss the "
        f"{rng.choice(WORDS)} and the {rng.choice(WORDS)}.",
        f"The {rng.choice(WORDS)} office said {rng.randint(2, 900)} people were affected.",
    ]
    return title, " ".join(sentences)


# ---------------------------------------------------------------------------------------------
# well-formed inputs of every format


def text_bytes(title: str, body: str, encoding: str = "utf-8") -> bytes:
    return f"{title}\n\n{body}\n".encode(encoding)


def jsonl_bytes(records: list[dict[str, object]], encoding: str = "utf-8") -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode(encoding)


def html_bytes(title: str, body: str, charset: str = "utf-8", declared: str | None = None) -> bytes:
    page = (
        f'<!doctype html><html><head><meta charset="{declared or charset}"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    return page.encode(charset)


def rss_bytes(items: list[tuple[str, str]], encoding: str = "utf-8") -> bytes:
    entries = "".join(f"<item><title>{t}</title><description>{b}</description></item>" for t, b in items)
    decl = encoding.removesuffix("-le").removesuffix("-be")
    return (
        f'<?xml version="1.0" encoding="{decl}"?><rss version="2.0"><channel><title>Desk</title>'
        f"{entries}</channel></rss>"
    ).encode(encoding)


def warc_record(
    url: str,
    payload: bytes,
    *,
    rec_type: str = "response",
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    extra: str = "",
) -> bytes:
    """One WARC record (a response with HTTP headers unless ``rec_type`` says otherwise)."""
    if rec_type == "response":
        ctype = f"Content-Type: {content_type}\r\n" if content_type else ""
        block = f"HTTP/1.1 {status}\r\n{ctype}\r\n".encode() + payload
    else:
        block = payload
    head = (
        f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url)) % 10**12}>\r\n"
        f"{extra}Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def bomb(size: int, fill: bytes = b"a", prefix: bytes = b"", suffix: bytes = b"") -> bytes:
    """One gzip member holding ``prefix`` + ``size`` bytes of ``fill`` + ``suffix``, about a
    thousandth of that on disk, made in a moment: each 16 MiB piece is compressed once and ended by
    a full flush (which resets the compressor), so every piece after it compresses to the same bytes
    and is written again instead of compressed again."""
    chunk = 16 * 2**20
    piece = (fill * (chunk // len(fill) + 1))[:chunk]
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [raw.compress(prefix + piece) + raw.flush(zlib.Z_FULL_FLUSH)]
    again = raw.compress(piece) + raw.flush(zlib.Z_FULL_FLUSH)
    count = max(size // chunk, 1)
    parts += [again] * (count - 1)
    parts.append(raw.compress(suffix) + raw.flush(zlib.Z_FINISH))
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(piece, crc)
    crc = zlib.crc32(suffix, crc)
    total = len(prefix) + count * chunk + len(suffix)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + b"".join(parts) + struct.pack("<II", crc, total & 0xFFFFFFFF)


# ---------------------------------------------------------------------------------------------
# the fuzz corpus

WIDE = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig")


def _good(rng: random.Random, n: int) -> Case:
    token = f"zq{n:05d}"
    title, body = story(rng, token)
    kind = rng.randrange(9)
    if kind == 0:
        return Case(f"{token}.txt".encode(), text_bytes(title, body), "good", token)
    if kind == 1:
        enc = rng.choice((*WIDE, "cp1252"))
        return Case(f"{token}_{enc}.txt".encode(), text_bytes(title, body, enc), "good", token)
    if kind == 2:
        enc = rng.choice(("utf-8", "utf-16", "utf-32", "utf-8-sig"))
        rec = {"title": title, "maintext": body, "authors": ["Ana Lima"], "date_publish": "2024-03-01"}
        return Case(f"{token}_{enc}.jsonl".encode(), jsonl_bytes([rec], enc), "good", token)
    if kind == 3:
        rec = {
            "title": title + " \udc80",
            "maintext": body,
            "authors": ["\ud800 Ana"],
            "url": f"http://x/{token}/\udcff",
        }
        data = (json.dumps(rec) + "\n").encode()  # ASCII JSON with lone-surrogate escapes
        return Case(f"{token}_surrogate.jsonl".encode(), data, "good", token)
    if kind == 4:
        enc = rng.choice(("utf-8", "cp1252", "utf-16"))
        return Case(f"{token}.html".encode(), html_bytes(title, body, enc), "good", token)
    if kind == 5:  # a page that declares a legacy charset but is UTF-8
        data = html_bytes(title, body, "utf-8", declared=rng.choice(("iso-8859-15", "windows-1252")))
        return Case(f"{token}_declared.html".encode(), data, "good", token)
    if kind == 6:
        enc = rng.choice(("utf-8", "utf-16", "utf-32"))
        return Case(f"{token}_{enc}.rss".encode(), rss_bytes([(title, body)], enc), "good", token)
    if kind == 7:
        page = html_bytes(title, body)
        data = warc_record(f"http://fuzz.example/{token}", page)
        return Case(
            f"{token}.warc".encode(), gzip.compress(data) if rng.random() < 0.5 else data, "good", token
        )
    odd = rng.choice(
        (b"bad\xff\xfe", b"sp ace", b"caf\xc3\xa9", b"-dash", b"new\nline", b"tab\there", b"x" * 200)
    )
    return Case(odd + f"_{token}.txt".encode(), text_bytes(title, body), "good", token)


def _bad(rng: random.Random, n: int) -> Case:
    token = f"bad{n:05d}"
    title, body = story(rng, token)
    kind = rng.randrange(16)
    name = token.encode()
    if kind == 0:
        return Case(name + b".txt", b"", "bad")
    if kind == 1:
        return Case(name + b".txt", b" \n\t\r\n" * rng.randint(1, 50), "bad")
    if kind == 2:
        return Case(
            name + rng.choice((b".txt", b".html", b".jsonl", b".rss", b".bin")),
            rng.randbytes(rng.randint(64, 3000)) + b"\0\0\0",
            "bad",
        )
    if kind == 3:  # gzip cut short
        data = gzip.compress(text_bytes(title, body))
        return Case(
            name + rng.choice((b".txt.gz", b".jsonl.gz", b".html.gz", b".rss.gz")),
            data[: rng.randint(2, len(data) - 9)],
            "bad",
        )
    if kind == 4:  # every line broken JSON
        lines = [b"{not json", b'{"title": "x"', b"[1, 2", b'"just a string"', b"{" * 2000 + b"}" * 2000]
        return Case(
            name + b".jsonl", b"\n".join(rng.sample(lines, rng.randint(1, len(lines)))) + b"\n", "bad"
        )
    if kind == 5:  # JSON objects with the wrong types
        recs = [{"title": ["list"], "maintext": 42}, {"maintext": None}, {"body": {"x": 1}}, {"text": []}]
        return Case(name + b".jsonl", jsonl_bytes(rng.sample(recs, 2)), "bad")
    if kind == 6:
        return Case(name + b".json", b'{"articles": []}', "bad")
    if kind == 7:  # HTML without any text
        page = rng.choice(
            (
                b"<html><body><div></div>",
                b"<html><script>var x = 1;</script></html>",
                b"<html><body>" + b"<div>" * 3000,
            )
        )
        return Case(name + b".html", page, "bad")
    if kind == 8:  # feeds without entries, or not XML; entities that expand (a headline only: any)
        if rng.random() < 0.3:
            laughs = (
                b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                b"<rss><channel><item><title>&c;</title></item></channel></rss>"
            )
            return Case(name + b".rss", laughs, "any")
        feed = rng.choice(
            (b'<rss version="2.0"><channel><title>x</title></channel></rss>', b"<rss><channel><item>")
        )
        return Case(name + b".rss", feed, "bad")
    if kind == 9:  # malformed WARC
        page = html_bytes(title, body)
        url = f"http://fuzz.example/{token}"
        rec = rng.choice(
            (
                warc_record(url, page, status="OK"),
                warc_record(url, page, status="garbage"),
                warc_record(url, b"software: x\r\n", rec_type="warcinfo"),
                warc_record(url, page).replace(b"WARC-Type: response\r\n", b""),
                warc_record(url, page).replace(b"WARC-Target-URI: " + url.encode() + b"\r\n", b""),
                warc_record(url, page).replace(b"Content-Length: ", b"Content-Length: x"),
                warc_record(url, page).replace(b"WARC/1.0", b"WARC/9.9"),
                warc_record(url, page, status="404 Not Found"),
                warc_record(url, page, content_type="image/png"),
                warc_record(url, page)[: rng.randint(40, 200)],
            )
        )
        return Case(
            name + rng.choice((b".warc", b".warc.gz")),
            gzip.compress(rec) if rng.random() < 0.3 else rec,
            "bad",
        )
    if kind == 10:  # a byte-order mark followed by bytes that are not in its encoding
        data = rng.choice(
            (
                codecs.BOM_UTF16_LE + b"\x00\xd8A\x00" * 8,  # lone surrogates
                codecs.BOM_UTF16_BE + b"\xdc\x00\x00A" * 8,
                codecs.BOM_UTF32_BE + b"\x00\x11\x00\x00" * 8,  # beyond U+10FFFF
            )
        )
        return Case(name + b".txt", data, "bad")
    if kind == 11:  # an ARC/WARC look-alike
        return Case(name + b".warc", b"filedesc://nothing here\n" + rng.randbytes(100), "bad")
    if kind == 12:
        return Case(name + b".xml", b"<?xml version='1.0'?><not-a-feed/>", "bad")
    if kind == 13:  # control characters only
        return Case(name + b".txt", bytes(rng.choice(range(1, 9)) for _ in range(300)), "bad")
    if kind == 14:
        return Case(name + b".warc.gz", b"\x1f\x8b" + rng.randbytes(200), "bad")
    return Case(name + b".jsonl", b"\n\n\n", "bad")


def _mutant(rng: random.Random, n: int) -> Case:
    """A good input cut short, with bytes flipped or inserted: stored or refused, never silent."""
    base = _good(rng, 50_000 + n)
    data = bytearray(base.data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(4)
        if not data:
            break
        at = rng.randrange(len(data))
        if op == 0:
            data[at] = rng.randrange(256)
        elif op == 1:
            data[at:at] = rng.randbytes(rng.randint(1, 8))
        elif op == 2:
            del data[at : at + rng.randint(1, 20)]
        else:
            del data[at:]
    return Case(b"mut_" + base.name, bytes(data), "any")


def fuzz_cases(n: int, seed: int = 17) -> Iterator[Case]:
    """``n`` inputs: about 3 in 10 good, 4 in 10 broken on purpose, 3 in 10 mutated at random."""
    rng = random.Random(seed)
    makers: list[tuple[float, Callable[[random.Random, int], Case]]] = [
        (0.3, _good),
        (0.7, _bad),
        (1.0, _mutant),
    ]
    for i in range(n):
        roll = rng.random()
        maker = next(m for p, m in makers if roll < p)
        yield maker(rng, i)
