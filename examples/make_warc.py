# ruff: noqa: E501  (the article paragraphs are inline prose, one paragraph a line)
"""Rebuild examples/corpus/crawl.warc.gz: a small, deterministic WARC of a fictional news crawl.

The file holds a warcinfo record, one text/plain response (robots.txt) and two text/html
responses with full article pages. All article text is original and fictional, written for
newsgraph's examples. Run with the project's environment:

    .venv/bin/python examples/make_warc.py
"""

from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "corpus" / "crawl.warc.gz"
SITE = "https://harbourpost.example"

ROBOTS = """User-agent: *
Disallow: /search
Disallow: /account/
Crawl-delay: 5

Sitemap: https://harbourpost.example/sitemap-news.xml
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | The Harbour Post</title>
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{published}">
<meta name="author" content="{author}">
<link rel="canonical" href="{url}">
</head>
<body>
<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/middle-east">Middle East</a> <a href="/africa">Africa</a> <a href="/business">Business</a> <a href="/subscribe">Subscribe</a></nav>
<header class="masthead"><a href="/" class="logo">The Harbour Post</a></header>
<main>
<article>
<h1>{title}</h1>
<p class="byline">By {author} | {published_human}</p>
<figure><img src="{image}" alt=""><figcaption>{caption}</figcaption></figure>
{body}
</article>
<aside class="related"><h3>Read more</h3><ul>{related}</ul></aside>
</main>
<footer><p>&copy; 2025 The Harbour Post</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
<div class="cookie-consent">We use cookies for analytics. <button>Accept</button></div>
<script>window.hp = {{section: "{section}", id: "{slug}"}};</script>
</body>
</html>
"""

ARTICLES = [
    dict(
        slug="red-sea-tanker-drone-strike-crew-evacuated",
        section="middle-east",
        title="Drone Strikes Tanker in Red Sea off Yemen; Crew of 23 Evacuated",
        author="Nadia Haddad",
        published="2025-08-12T09:20:00+00:00",
        published_human="August 12, 2025",
        fetched="2025-08-12T10:04:31Z",
        image=SITE + "/img/2025/08/red-sea-tanker.jpg",
        caption="Smoke rises from a tanker in the Red Sea west of Hodeidah, Yemen, August 11, 2025. (AFP)",
        related=[
            "Shipping insurers raise Red Sea war-risk rates",
            "Suez Canal revenue falls for third quarter",
        ],
        body="""<p>A Greek-owned oil tanker was struck by a drone in the Red Sea on Monday, setting its deck on fire and forcing the evacuation of all 23 crew members, according to the British military's maritime trade agency and the ship's manager.</p>
<p>The Maltese-flagged vessel was about 70 nautical miles west of the Yemeni port of Hodeidah when it was hit, the United Kingdom Maritime Trade Operations centre said. A European naval patrol took the crew, 19 Filipinos and four Greeks, aboard a frigate and carried them to Djibouti, where they arrived on Tuesday morning.</p>
<p>&ldquo;The crew did everything right. They fought the fire for two hours before the master ordered them off,&rdquo; Captain Nikos Vardakis, a spokesman for the Piraeus-based manager, told reporters. He said the tanker was carrying about 150,000 tonnes of crude oil and that no leak had been detected so far.</p>
<h2>Houthis claim attack</h2>
<p>Yemen's Houthi movement said in a televised statement that it had targeted the ship because its owner's other vessels had called at Israeli ports. The group's military spokesman said attacks would continue "until the aggression stops."</p>
<p>The European Union's naval operation in the region, Aspides, said the burning tanker posed "a serious environmental threat" to the Red Sea and the Gulf of Aden. Its commander, Rear Admiral Lorenzo Falcone, told journalists that salvage teams were being assembled but could not approach while the fire was still burning.</p>
<p>Traffic through the Suez Canal remains about 50 percent below its 2023 level, according to figures from the Suez Canal Authority, as many shipping companies continue to send vessels around the Cape of Good Hope, adding 10 to 14 days to voyages between Asia and Europe.</p>
<p>The International Maritime Organization's secretary general said in a statement that seafarers "must never be targets" and called on all parties to respect freedom of navigation.</p>""",
    ),
    dict(
        slug="chad-closes-eastern-border-crossings-after-raid",
        section="africa",
        title="Chad Closes Eastern Border Crossings After Raid Kills Nine Near Adre",
        author="Fatime Abakar",
        published="2025-08-13T15:45:00+00:00",
        published_human="August 13, 2025",
        fetched="2025-08-13T17:12:09Z",
        image=SITE + "/img/2025/08/adre-crossing.jpg",
        caption="Sudanese refugees wait at the Adre crossing on the Chad-Sudan border. (Reuters)",
        related=["Refugee arrivals in eastern Chad pass 800,000", "UN warns of famine risk in Darfur"],
        body="""<p>N'DJAMENA &mdash; Chad closed three crossings on its eastern border with Sudan on Wednesday, a day after gunmen from across the frontier attacked a village near the town of Adre, killing at least nine people, the government said.</p>
<p>Chad's Minister of Public Security, General Mahamat Ousmane Djibrine, said in a statement read on national radio that the closure would last "until the security of our citizens is guaranteed." He said the army had sent reinforcements to the Ouaddai province and that two of the attackers had been arrested.</p>
<p>Local officials said the raiders stole more than 400 head of cattle and burned about 30 homes. At least 15 people were wounded, according to a doctor at Adre hospital who spoke on condition of anonymity because he was not authorised to speak to the press.</p>
<h2>Aid route at risk</h2>
<p>The Adre crossing is the main route for humanitarian supplies into Sudan's Darfur region. The World Food Programme said 46 trucks carrying about 1,200 tonnes of food were stuck on the Chadian side. &ldquo;Closing Adre, even for a few days, means hunger deepens on the other side,&rdquo; said Pauline Okello, the agency's deputy country director in N'Djamena.</p>
<p>Chad hosts more than 1.2 million Sudanese refugees, according to the UN refugee agency, most of them in camps in Ouaddai and Wadi Fira provinces. Aid groups told reporters last week that the camps had received only 22 percent of the $1.4 billion requested for the refugee response this year.</p>
<p>Sudan's foreign ministry said it regretted the closure and asked Chad to keep the crossing open for aid, while blaming the attack on "criminal militias" beyond its control.</p>""",
    ),
]


def rid(name: str) -> str:
    """A stable record id so that rebuilding gives the same file."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newsgraph-example:' + name)}>"


def render(a: dict) -> bytes:
    related = "".join(
        f'<li><a href="/{a["section"]}/related-{i}">{t}</a></li>' for i, t in enumerate(a["related"], 1)
    )
    url = f"{SITE}/{a['section']}/2025/08/{a['slug']}"
    html = PAGE.format(url=url, related=related, **{k: v for k, v in a.items() if k != "related"})
    return html.encode("utf-8")


def response(writer: WARCWriter, url: str, date: str, ctype: str, body: bytes) -> None:
    http = StatusAndHeaders(
        "200 OK",
        [("Content-Type", ctype), ("Content-Length", str(len(body))), ("Server", "nginx")],
        protocol="HTTP/1.1",
    )
    rec = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": rid(url)},
    )
    writer.write_record(rec)


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(
            OUT.name,
            {
                "software": "newsgraph examples/make_warc.py (warcio)",
                "format": "WARC File Format 1.1",
                "description": "Fictional news crawl for newsgraph examples; all text original.",
                "isPartOf": "newsgraph-example-crawl",
            },
        )
        info.rec_headers.replace_header("WARC-Date", "2025-08-12T10:00:00Z")
        info.rec_headers.replace_header("WARC-Record-ID", rid("warcinfo"))
        writer.write_record(info)
        response(
            writer, f"{SITE}/robots.txt", "2025-08-12T10:00:05Z", "text/plain; charset=utf-8", ROBOTS.encode()
        )
        for a in ARTICLES:
            url = f"{SITE}/{a['section']}/2025/08/{a['slug']}"
            response(writer, url, a["fetched"], "text/html; charset=utf-8", render(a))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
