"""Small hand-made attributions the HTML view tests share (texts written for the tests)."""

from __future__ import annotations

from quoteattr.types import Attribution, Category, Entity, Mention, Quote, Span

#: Markup that would run if any text reached the page unescaped.
XSS = '<script>alert(1)</script> and "><img src=x onerror=alert(1)> & </script>'


def interrupted_story() -> Attribution:
    """An interrupted quote whose cue and mention sit between its fragments, plus a second
    speaker and a quote nobody is credited with."""
    text = (
        '"We will build it," Mayor Ann Lee said on Monday, "and we will pay for it."\n'
        "Critics said the cost had doubled. Nobody knows why, it seems."
    )

    def span(part: str, after: int = 0) -> Span:
        start = text.index(part, after)
        return Span(start, start + len(part), part)

    lee_mention = span("Mayor Ann Lee")
    lee = Entity(
        "E1",
        "Ann Lee",
        role=("mayor",),
        gender="female",
        mentions=(Mention(lee_mention.start, lee_mention.end, lee_mention.text),),
    )
    critics = Entity("E2", "Critics", kind="group", named=False)
    first, second = span("We will build it,"), span("and we will pay for it.")
    build = Quote(
        first.start,
        second.end,
        text[first.start : second.end],
        "direct",
        (first, second),
        cue=span("said"),
        speaker_mention=Mention(lee_mention.start, lee_mention.end, lee_mention.text),
        speaker=lee,
        confidence=0.85,
        rule="direct-interrupted",
        category=Category.SPEECH,
    )
    cost = span("the cost had doubled")
    critic_said = span("said", cost.start - 6)
    critics_mention = span("Critics")
    doubled = Quote(
        cost.start,
        cost.end,
        cost.text,
        "indirect",
        (cost,),
        cue=critic_said,
        speaker_mention=Mention(
            critics_mention.start, critics_mention.end, critics_mention.text, "nominal"
        ),
        speaker=critics,
        confidence=0.7,
        rule="speech-clause",
    )
    why = span("Nobody knows why")
    unknown = Quote(
        why.start, why.end, why.text, "indirect", (why,), confidence=0.3, rule="evidence-clause"
    )
    return Attribution(text, (build, doubled, unknown), (lee, critics))


def payload_attribution() -> Attribution:
    """Markup everywhere: in the article, in the speaker's name and role, in the rule."""
    text = f"{XSS}\r\nThe editor said {XSS} was fine.\x00"
    said = text.index("said")
    content = text.index(XSS, said)
    who = Entity("E1", XSS, role=(XSS,), mentions=(Mention(0, 8, text[0:8]),))
    quote = Quote(
        content,
        content + len(XSS),
        XSS,
        "indirect",
        (Span(content, content + len(XSS), XSS),),
        cue=Span(said, said + 4, "said"),
        speaker_mention=Mention(said - 7, said - 1, text[said - 7 : said - 1]),
        speaker=who,
        confidence=0.6,
        rule=XSS,
    )
    return Attribution(text, (quote,), (who,))
