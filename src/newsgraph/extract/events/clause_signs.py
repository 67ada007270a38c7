"""What the sentence around an event's trigger says about it, read from the parse: a question
rather than a report ("asked whether ..."), a topic of talk rather than a happening ("talks on a
ceasefire"), a generic statement rather than one happening ("81 percent of Democrats", "often"),
something said in passing or long ago rather than the news. Each is a sign the confidence
(:mod:`.confidence`) weighs."""

from __future__ import annotations

from spacy.tokens import Token

from ...resolve.actors import country_code, sector_of
from .. import plover
from ..annotations import doc_quotes, doc_words
from ..quotes.lexicon import reporting_lemmas
from ..thresholds import DEFAULT_MIN_CONFIDENCE as DEFAULT_MIN_CONFIDENCE
from .candidates import obliged_clause
from .drafts import Draft
from .syntax import after_dateline, inherited, lemma, phrase, subjects

_ASK = frozenset({"ask", "wonder", "question"})
_WH = frozenset({"whether", "if", "how", "why", "what", "when", "who", "where", "which"})


def is_question(d: Draft) -> bool:
    """The event's sentence is a question, or the event is asking a question ("asked whether",
    "asked about the talks, the minister said"). Demanding to know ("demanded how he could be so
    sure") is a demand for information (CAMEO 101), a REQUEST."""
    sent = d.trigger.sent
    if "?" in doc_words(sent.doc)[sent.start : sent.end]:  # the doc's words: no Token per word
        # "Why does Israel refuse to ...?" takes for granted that it does: a why-question
        # reports what it asks about
        return not (
            sent[0].lower_ == "why" or (len(sent) > 1 and sent[0].is_quote and sent[1].lower_ == "why")
        )
    if d.type != "REQUEST" or d.anchor.lemma_ not in _ASK:
        return False
    if reporters_question(d.anchor) or cues_a_question(d.anchor):
        return True
    return any(
        c.dep_ in ("ccomp", "advcl") and any(w.lower_ in _WH for w in c.children) for c in d.anchor.children
    )


def cues_a_question(verb: Token) -> bool:
    """ "'What does that mean?' Mr. Trump asked, repeating ...": the verb of asking is the cue of a
    quote that asks (its words end with a question mark), so it reports a question, however the
    sentence splitter and the parser cut the attribution from the quote."""
    if any(
        q.cue is not None and q.cue.start == verb.idx and q.text.rstrip(" \"'\u201d\u2019").endswith("?")
        for q in doc_quotes(verb.doc)
    ):
        return True
    # the attribution right after a quoted question: '...?" Mr. Trump asked', '...?" asked Smith'
    first = min([verb.i, *(t.i for s in subjects(verb)[0] for t in s.subtree)])
    before = [t for t in verb.doc[max(0, first - 3) : first] if not t.is_space]
    return len(before) >= 2 and before[-1].is_quote and before[-2].text.endswith("?")


def reporters_question(verb: Token) -> bool:
    """ "Asked about the talks, the minister said ...", "when asked to describe the device, he
    declined": a passive participle of asking that hangs on another clause, with no asker named,
    is the reporter's question to the subject of that clause, not a request the subject made; so
    is one in a phrase of time ("his comments came after being asked to defend it", "upon being
    asked about the deal": branch ``events19p``)."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "ccomp", "conj", "acl", "pcomp"):
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in kids):
        return False  # "she was asked by the party to ...": the party asks
    return not any(c.dep_ == "aux" for c in kids)


#: Prepositions that name what is talked about, and words of talking they hang from.
_TOPIC_PREPS = frozenset({"about", "on", "over", "regarding", "concerning"})
_TALK = frozenset(
    "tell ask speak talk say question interview comment remark write testify brief discuss debate answer "
    "respond query quiz press conversation discussion talks debate question interview remark comment "
    "claim assertion report story book article column essay speech rumor speculation theory joke".split()
)


def is_topic(d: Draft) -> bool:
    """The event is what people talk about: its trigger sits, within its own phrase (no clause
    between), in an "about", "on" or "over" phrase of a verb or noun of talking."""
    tok = d.trigger
    for _ in range(4):
        head = tok.head
        if head is tok or tok.dep_ in ("ccomp", "advcl", "relcl", "conj", "xcomp", "ROOT"):
            return False
        if tok.dep_ in ("pobj", "pcomp") and head.lower_ in _TOPIC_PREPS:
            return head.head.lemma_ in _TALK or head.head.lower_ in _TALK
        tok = head
    return False


#: Nouns of a share of people: "81 percent of Democrats", "most Republicans", "a majority of voters".
_SHARES = frozenset(
    "percent per cent % majority minority most many few half third quarter fraction share plurality "
    "number lot some all".split()
)


def _share(tok: Token) -> bool:
    """A noun of a share of people: "percent", "most", "a majority", also through "of" phrases
    ("an average of 81 percent of Democrats")."""
    for _ in range(3):
        if tok.ent_type_ == "PERCENT" or (tok.lower_ in _SHARES and tok.pos_ != "PROPN"):
            return True
        if _poll_share(tok):  # "six in 10 Republicans", "one in five voters"
            return True
        of = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if not of:
            return False
        tok = of[0]
    return False


_PRESENT = frozenset({"VBZ", "VBP"})
_EVERY = frozenset({"every", "each"})


def _every(tok: Token) -> bool:
    """A time phrase of repetition: "every day", "each week", "on every visit"."""
    if tok.dep_ in ("npadvmod", "tmod", "advmod"):
        return any(c.dep_ == "det" and c.lower_ in _EVERY for c in tok.children)
    if tok.dep_ == "prep":
        return any(p.dep_ == "pobj" and _every_noun(p) for p in tok.children)
    return False


def _every_noun(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") and any(
        c.dep_ == "det" and c.lower_ in _EVERY for c in tok.children
    )


def _timeless_act(d: Draft) -> bool:
    """A material act told in the simple present with no time of its own, outside the headline
    ("they attack us because they hate us", "Putin kills journalists"): news tells one happening
    of force or help in the past tense or with its day; the simple present tells what is usual."""
    verb = d.anchor
    if d.how != "verb" or d.verbal or verb.tag_ not in _PRESENT:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # "is attacking", "has attacked"
    if verb.sent.start == 0 or verb.sent.start == next((t.i for t in verb.doc if not t.is_space), 0):
        return False  # the headline: news headlines tell past events in the present
    return not any(t.ent_type_ in ("DATE", "TIME") for t in phrase(verb))


def is_generic(d: Draft) -> bool:
    """Not one happening: the doer is a share of a population, as polls and surveys report it
    ("81 percent of Democrats approve of Obama", "most Republicans support the bill"), or the
    verb tells a habit by an adverb of frequency ("governments often impose sanctions", "he
    usually meets them")."""
    if said_by_share(d.anchor):
        return True
    if d.how not in ("verb", "support"):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in plover.word_class("habitual") for c in d.anchor.children):
        return True
    if any(_every(c) for c in d.anchor.children):
        return True
    if _timeless_act(d):
        return True
    if d.type in ("SUPPORT", "AGREE") and (_votes_for_person(d.anchor) or _by_a_margin(d.anchor)):
        return True
    if d.type == "REJECT" and _votes_for_person(d.anchor):
        return True  # "Iowa voters rejected Cruz": a vote counted against him, no refusal
    if d.verbal and _poll_tally(d.anchor):
        return True
    return _shared_by(subjects(d.anchor)[0])


def _votes_for_person(verb: Token) -> bool:
    """An electorate backing (or rejecting) a candidate is a vote counted, not an act of support
    (nor a refusal): "Rust Belt states Indiana, Michigan and Ohio all supported Bush", "West
    Virginia ... supporting Dukakis by five points", "Iowa voters backed Sanders", "Iowa voters
    rejected Cruz" (a state or province, not a country or its capital, or voters, as doer; a person
    as object)."""
    agents = subjects(verb)[0] or inherited(verb)[0]  # "..., supporting Dukakis": the clause's
    people = [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"]
    if not agents or not people:
        return False
    return all(_electorate(a) for a in agents)


#: What a vote is won or lost by: "by a 40 percentage point margin", "by five points".
_MARGINS = frozenset({"margin", "point", "percent", "vote"})


def _by_a_margin(verb: Token) -> bool:
    """Backing measured by a margin is a vote counted, not one act of support: "in Michigan they
    supported her by a 40 percentage point margin", "backed the measure by five points" (the object
    of "by" is a margin or a count of points or votes; "supported him by sending troops" is not)."""
    return any(
        lemma(p) in _MARGINS and (lemma(p) == "margin" or any(k.dep_ == "nummod" for k in p.children))
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
    )


def _poll_tally(verb: Token) -> bool:
    """The clause gives a poll's head-to-head shares, "72 percent to 8 percent" ("Democrats favored
    Clinton, 72 percent to 8 percent, while Republicans favored Trump, 82 percent to 6 percent"):
    a survey's counted preferences, not one act of support or blame. A share that changes ("cut
    from 25 percent to 10 percent") is no tally."""
    near = {verb.i, *(c.i for c in verb.children if c.dep_ in _JOINED)}
    if verb.dep_ in _JOINED:
        near.add(verb.head.i)  # "..., while Republicans favored Trump, 82 percent to 6": the
        # parser hangs the second tally on the first clause's verb
    sent = verb.sent
    for tok in sent:
        if not _percent(tok) or tok.head.lower_ == "from" or tok.i + 2 >= sent.end:
            continue
        # "46 percent to 32 percent", however the parser hangs the "to"
        pair = tok.nbor(1).lower_ == "to" and any(
            _percent(t) for t in tok.doc[tok.i + 2 : min(tok.i + 5, sent.end)]
        )
        holder = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if pair and holder is not None and holder.i in near:
            return True
    return False


#: Links of clauses told side by side: "X favored A, while Y favored B".
_JOINED = frozenset({"conj", "advcl"})


def _percent(tok: Token) -> bool:
    return tok.lower_ in ("percent", "%", "cent", "points") or (
        tok.ent_type_ == "PERCENT" and tok.pos_ == "NOUN"
    )


def _electorate(tok: Token) -> bool:
    if lemma(tok) in plover.word_class("electorate"):
        return True
    if tok.ent_type_ != "GPE":
        return False
    start = tok
    while start.i > 0 and start.nbor(-1).ent_type_ == "GPE" and start.nbor(-1).ent_iob_ != "B":
        start = start.nbor(-1)
    name = tok.doc[start.i : tok.i + 1].text
    return country_code(name) is None


def _poll_share(tok: Token) -> bool:
    """A share as polls give it: a percentage or a ratio ("47 percent of Cuban Americans", "six
    in 10 Republicans"), not a part of a named group ("most of the Senate Republicans")."""
    for _ in range(2):
        if tok.ent_type_ == "PERCENT" or tok.lower_ in ("percent", "%", "cent"):
            return True
        if tok.like_num and any(
            c.dep_ == "prep" and c.lower_ in ("in", "out") and any(p.like_num for p in c.subtree)
            for c in tok.children
        ):
            return True
        nums = [c for c in tok.children if c.dep_ == "nummod"]
        if not nums:
            return False
        tok = nums[0]  # "six in 10 Republicans": the noun counted by a ratio
    return False


def _shared_by(agents: list[Token]) -> bool:
    for a in agents:
        if _share(a):
            return True
        quantified = any(c.dep_ in ("nummod", "amod", "det") and c.lower_ in _SHARES for c in a.children)
        if quantified and a.tag_ in ("NNS", "NNPS"):
            return True  # "most Republicans", "many voters"
    return False


def said_by_share(anchor: Token) -> bool:
    """What the event's clause says is said by a share of a population, as polls report it: "47
    percent of Cuban Americans saying they will support Clinton", "six in 10 Republicans said
    the party should ...": an opinion counted, not one happening."""
    tok = anchor
    reporting = reporting_lemmas()
    for _ in range(5):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in _CLAUSE_LINKS:
            return False
        if lemma(head) in reporting:
            sayers = [head.head] if head.dep_ == "acl" else subjects(head)[0]  # "47 percent ... saying"
            return any(_poll_share(a) for a in sayers)
        tok = head
    return False


_TIME_MARKS = frozenset({"after", "since", "before", "when"})
_SPANS = frozenset({"year", "decade", "century", "month", "generation"})


def _long_ago(verb: Token) -> bool:
    """A clause dated by a distance in years from the news ("18 years after Washington invaded",
    "decades since the army seized power"): what it tells is history."""
    if verb.dep_ != "advcl":
        return False
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in _TIME_MARKS]
    near = [*verb.children, *(k for m in marks for k in m.children)]
    return bool(marks) and any(lemma(t) in _SPANS and t.dep_ in ("npadvmod", "nmod") for t in near)


#: Links by which a clause hangs on the clause above it (what it says, what it is for, "and").
_CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "conj", "advcl", "acomp"})


def said_in_passing(anchor: Token) -> bool:
    """The clause of ``anchor`` hangs, through what is said or done in it ("who said voters should
    ...", "which has urged X and criticized Y"), on a relative clause of a noun: it tells about
    someone in passing, not what the sentence reports. A document's relative clause says what the
    document says ("a resolution which calls on Turkey to ..."): not in passing."""
    tok = anchor
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "on occasions where he said ...", "the day when": when it happened, not who it was
            when = head.ent_type_ in ("DATE", "TIME") or any(c.tag_ == "WRB" for c in tok.children)
            # what is done to a document ("an ad that attacks Clinton and is funded by Rove's
            # PAC") is not what it says
            says = lemma(head) in plover.word_class("document") and not _passive(anchor)
            return not when and not says
        if tok.dep_ not in _CLAUSE_LINKS and tok.dep_ not in ("pcomp", "prep"):
            return False  # ("has thrown restraint to the winds in denouncing": through "in")
        tok = head
    return False


#: Relative pronouns that stand for the noun a relative clause hangs on.
_RELATIVE = frozenset({"which", "that", "who", "whom"})


def judged_in_relative(verb: Token) -> bool:
    """A judgement made in a relative clause of the thing judged, by a subject of its own: "Trump's
    plan, which Warren called reckless", "remarks that Clinton described as racist" (session 17,
    events18r). The clause tells what someone said of the thing, not who someone is ("Warren, who
    called the plan reckless" stays in passing: its relative pronoun is the speaker; so do people
    judged in a relative clause on them, "workers whom the House has recognized as heroes")."""
    if verb.dep_ != "relcl" or not a_thing(verb.head):
        return False  # ("workers who this House has recognized as heroes": people told of)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None and subject.lower_ not in _RELATIVE and subject.pos_ in ("PROPN", "NOUN", "PRON")
    )


def _passive(verb: Token) -> bool:
    """The verb is passive ("is funded by", "was signed"): its subject is what is acted on."""
    return any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children)


def is_background(d: Draft) -> bool:
    """The event's verb describes someone in passing: a relative or participial clause of a noun,
    or a clause that hangs on one (:func:`said_in_passing`)."""
    if d.how == "evaluation" and judged_in_relative(d.anchor):
        return False
    obliged = obliged_clause(d.anchor.head) if d.how == "deontic" else None
    if obliged is not None and obliged.i == d.anchor.i:
        return said_in_passing(d.anchor.head.head)  # "it's time for X to ...": the clause of "be"
    if d.how in ("deontic", "evaluation"):
        return said_in_passing(d.anchor)
    if d.how not in ("verb", "support"):
        return False
    head = d.anchor.head
    if d.anchor.dep_ == "acl" and lemma(head) in plover.word_class("document"):
        # "a statement condemning ...": what the statement says; unless the statement is itself
        # told in passing ("her sister, who had given speeches criticizing the government")
        return said_in_passing(head) or (head.dep_ == "dobj" and said_in_passing(head.head))
    if _long_ago(d.anchor):
        return True  # "18 years after Washington invaded the country": history, not news
    if d.anchor.dep_ == "xcomp" and head.lemma_ == "use" and not any(c.dep_ == "dobj" for c in head.children):
        return True  # "used to support": what someone once did, not news
    if after_dateline(d.anchor):
        return False  # "KABUL, Afghanistan (AP) — The minister accused ...": the report itself
    if d.anchor.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return True
    return said_in_passing(d.anchor)


#: Verbs that threaten or endanger, by the sense their subject and object give them.
_ENDANGERING = frozenset({"threaten", "menace", "imperil", "endanger", "jeopardize", "jeopardise"})


def a_thing(tok: Token) -> bool:
    """A common noun that names no actor: no name, pronoun, entity, nor a noun of a group or an
    office ("the attacks", "our way of life", "the GOP's lead"; not "the government", "police")."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or lemma(tok) in plover.word_class("relation"):
        return False  # ("his Israeli counterpart" names someone)
    return sector_of(tok.lemma_) is None and sector_of(tok.lower_) is None


def endangers(d: Draft) -> bool:
    """A danger, not a threat: "threaten" said of a thing ("the attacks on our police threaten our
    very way of life") or of what someone has ("could threaten the GOP's lead in the House",
    "threatens Israel's security") names nothing the doer will do to anyone (manual, THREATEN: a
    threat of an act, aimed at someone). "Threatened to close the strait", "threatened Israel with
    retaliation", "threatened a lawsuit" (an event noun, or a noun of word class ``menace``:
    "threatened legal action") and "threatened the protesters" are threats."""
    verb = d.anchor
    if d.how != "verb" or lemma(verb) not in _ENDANGERING:
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("xcomp", "ccomp") for c in kids):
        return any(a_thing(s) for s in subjects(verb)[0])  # "the crisis threatens to spread"
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in kids):
        return False  # "threatened Serbia with air strikes": what will be done is named
    objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    acts = plover.word_class("menace")
    # "threatening a major lawsuit", "threatened legal action": the act threatened is named
    return bool(objects) and all(
        a_thing(o) and lemma(o) not in plover.nouns() and lemma(o) not in acts for o in objects
    )


def said_in_a_noun(d: Draft) -> bool:
    """A demand ("X should ...", "X must ...") told as the content of a noun of what someone said,
    named in passing: "after a series of controversies, including Mr. Trump's assertion that Russia
    should hack ...", "his suggestion that ... drew criticism". The noun mentions a statement, as an
    event noun mentions an act; what is reported as said is its object ("repeated his view that Iran
    must stop", "made the argument that"), and a document says what it says ("a statement that")."""
    if d.how != "deontic":
        return False
    tok = d.anchor
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ not in ("acl", "ccomp") or head.pos_ != "NOUN" or head.i == d.trigger.i:
        return False  # ("Trump needs to deliver" with "needs" read as a noun: the demand itself)
    return lemma(head) not in plover.word_class("document") and head.dep_ not in ("dobj", "attr", "oprd")


def in_talked_of_thing(d: Draft, start: int) -> bool:
    """The character ``start`` lies in the object of a verb of talking that is a thing, not an
    actor: "discuss the United States' longest war", "discussed China's trade policy" name what is
    talked about, and its owner is no party to the talk ("discussed it with China" names one)."""
    if d.how != "verb":
        return False
    for obj in d.anchor.children:
        if obj.dep_ != "dobj" or not a_thing(obj):
            continue
        # the noun and what stands before it ("the United States' longest war"); what follows
        # may be the partner the parser hung on it ("discussed the war with Xi")
        if obj.left_edge.idx <= start < obj.idx + len(obj):
            return True
    return False


#: Parties to a talk that are the press: an outlet interviewing, no side of a consultation.
_PRESS = frozenset({"JRN"})


def is_press(d: Draft, party: dict[str, object]) -> bool:
    """The party is a news outlet ("speaking with The Des Moines Register editorial board", "sat
    down with CNN"): the press interviewing someone, not a side of a consultation (manual,
    CONSULT: meetings and talks of political actors). A journalist named as a person ("Megyn
    Kelly met with Trump") is still a party."""
    if party.get("sector") not in _PRESS:
        return False
    start = party.get("start")
    if not isinstance(start, int):
        return False
    span = d.trigger.doc.char_span(start, int(str(party.get("end") or start)), alignment_mode="expand")
    # a named outlet, not a journalist ("Kelly") nor a pronoun standing for one
    return (
        span is not None
        and any(t.ent_type_ == "ORG" for t in span)
        and not any(t.ent_type_ == "PERSON" or t.pos_ == "PRON" for t in span)
    )


#: Possessive pronouns: what the subject has ("her record", "his business deals").
_POSSESSIVE = frozenset("my your his her its our their".split())


def of_ones_own(d: Draft) -> bool:
    """The verb's object is the doer's own ("defended her record as secretary of state", "had to
    defend several of his business deals", "is defending his executive actions"): one stands up
    for oneself, as in "defended herself", not for another actor or another's policy (manual,
    SUPPORT). Someone else's ("defended the state's launch", "Obama's decision") is support; so
    is praise of a person one has ("congratulate my opponent"): only a row whose object condition
    names things (a record, a decision, a deal) reads its object this way."""
    things = any(
        c.kind in ("obj", "dobj")
        and not c.negated
        and not any(v.startswith("@") or v == "*" for v in c.values)
        for c in d.entry.conditions
    )
    if d.how != "verb" or not things:
        return False
    for obj in (c for c in d.anchor.children if c.dep_ == "dobj"):
        # "several of his business deals": the owner is in the "of" phrase
        heads = [obj, *(p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)]
        for head in heads:
            kids = list(head.children)
            if any(k.dep_ == "poss" and k.lower_ in _POSSESSIVE for k in kids) or any(
                k.lower_ == "own" for k in kids
            ):
                return True
    return False


def states_that(verb: Token) -> bool:
    """The verb's complement is a finite clause with its own subject ("agreed that the plan was
    flawed", "conceded that he lost"), not an infinitive ("agreed to meet")."""
    for c in verb.children:
        if c.dep_ != "ccomp" or (c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)):
            continue
        if any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children):
            return True
    return False


def complains_of_things(verb: Token) -> bool:
    """The verb's finite complement is about things, not people: its subject is a common noun
    naming no actor ("that the costs are higher"), not a person, office or name."""
    found = False
    for c in verb.children:
        if c.dep_ != "ccomp" or not states_that_clause(c):
            continue
        for subj in (k for k in c.children if k.dep_ in ("nsubj", "nsubjpass")):
            if subj.pos_ != "NOUN" or subj.ent_type_ or sector_of(subj.lemma_) or sector_of(subj.lower_):
                return False
            found = True
    return found


def states_that_clause(clause: Token) -> bool:
    """A finite clause with its own subject (see ``states_that``)."""
    if clause.tag_ == "VB" and any(a.lower_ == "to" for a in clause.children):
        return False
    return any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in clause.children)
