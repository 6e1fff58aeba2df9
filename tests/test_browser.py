"""The HTML views in a real browser: Debian's headless Chromium driven by playwright.

Needs ``pip install -e ".[browser]"`` and ``/usr/bin/chromium`` (``apt-get install chromium``;
``.ci/run`` installs both). Without them these tests skip, saying which is missing, except
under CI (``CI`` set), where a missing browser fails the run instead.

``python tests/test_browser.py`` writes the documentation's screenshot,
``docs/img/harbour_view.png``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quoteattr.render.html import render_corpus_html, render_html
from quoteattr.types import Attribution
from render_samples import XSS, interrupted_story, payload_attribution

ROOT = Path(__file__).resolve().parents[1]


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("QUOTEATTR_CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


@contextlib.contextmanager
def chromium_context(executable: str, *, width: int, height: int) -> Iterator[Any]:
    """A headless Chromium with a fresh profile, driven by playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver, tempfile.TemporaryDirectory() as profile:
        context = driver.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": width, "height": height},
        )
        yield context
        context.close()


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable('playwright is not installed: pip install -e ".[browser]"')
    executable = chromium_path()
    if executable is None:
        _unavailable("no chromium on PATH: apt-get install -y chromium")
    with chromium_context(executable, width=1280, height=900) as context:
        yield context


class Page:
    """A page opened from a file, recording console errors, page errors and dialogs."""

    def __init__(self, context: Any, path: Path) -> None:
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.on(
            "console",
            lambda m: (
                self.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.on("request", self._request)
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request: Any) -> None:
        if not request.url.startswith("file:"):
            self.problems.append(f"request: {request.url}")

    def js(self, expression: str, argument: Any = None) -> Any:
        return self.page.evaluate(expression, argument)

    def close(self) -> None:
        self.page.close()


def open_page(context: Any, tmp_path: Path, html: str, name: str = "view.html") -> Page:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return Page(context, path)


QUOTES = "[...document.querySelectorAll('mark.quote[data-quote]:not([data-cont])')]"
TEXT_OF = "document.querySelector('.qa-text').textContent"


@pytest.fixture(scope="module")
def harbour(attributor: Any) -> tuple[str, Attribution]:
    text = (ROOT / "examples" / "harbour_article.txt").read_text(encoding="utf-8")
    return text, attributor.analyze(text)


def test_harbour_view_loads_cleanly_with_one_mark_per_quote(
    browser: Any, tmp_path: Path, harbour: tuple[str, Attribution]
) -> None:
    text, result = harbour
    view = open_page(browser, tmp_path, render_html(result))
    assert view.js(TEXT_OF) == text
    speakers = view.js(f"{QUOTES}.map(el => el.dataset.speaker)")
    assert speakers == [q.speaker.id if q.speaker else "" for q in result.quotes]
    assert len(speakers) > 5
    view.js("1")  # let any late error surface
    assert view.problems == []
    view.close()


def test_legend_lists_speakers_with_their_counts(
    browser: Any, tmp_path: Path, harbour: tuple[str, Attribution]
) -> None:
    _, result = harbour
    view = open_page(browser, tmp_path, render_html(result))
    legend = view.js(
        "[...document.querySelectorAll('.qa-speaker')].map(li => "
        "[li.querySelector('.qa-name').firstChild.textContent, "
        "Number(li.querySelector('.qa-count').textContent)])"
    )
    expected: dict[str, int] = {}
    for quote in result.quotes:
        name = quote.speaker.name if quote.speaker else "No speaker identified"
        expected[name] = expected.get(name, 0) + 1
    assert dict(legend) == expected
    counts = [count for _, count in legend if _ != "No speaker identified"]
    assert counts == sorted(counts, reverse=True)
    view.close()


def _hidden(view: Page) -> list[bool]:
    return view.js(
        f"{QUOTES}.map(el => el.classList.contains('off') && "
        "getComputedStyle(el.querySelector('.frag') || el).backgroundColor === 'rgba(0, 0, 0, 0)')"
    )


def test_filters_hide_quotes(browser: Any, tmp_path: Path) -> None:
    story = interrupted_story()  # Ann Lee 0.85, Critics 0.70, nobody 0.30
    view = open_page(browser, tmp_path, render_html(story))
    assert _hidden(view) == [False, False, False]
    view.page.locator(".qa-speaker input").first.uncheck()
    assert _hidden(view) == [True, False, False]
    assert view.js("document.querySelector('.qa-shown-count').textContent") == "2"
    view.page.locator(".qa-speaker input").first.check()
    view.page.locator(".qa-min").fill("0.75")
    assert _hidden(view) == [False, True, True]
    assert view.js("document.querySelector('.qa-min-value').textContent") == "0.75"
    # a cue and a mention go with their quote
    assert view.js("document.querySelector('.mention[data-quote=\"1\"]').classList.contains('off')")
    assert view.problems == []
    view.close()


def test_hover_shows_the_speaker_card(browser: Any, tmp_path: Path) -> None:
    view = open_page(browser, tmp_path, render_html(interrupted_story()))
    view.page.hover("mark.quote[data-quote='0'] .frag >> nth=1")
    card = view.page.locator("#qa-card")
    assert card.is_visible()
    text = card.inner_text()
    assert "Ann Lee" in text and "mayor" in text and "female" in text
    assert "0.85" in text and "direct-interrupted" in text and "speech" in text
    view.page.mouse.move(5, 5)
    assert not card.is_visible()
    view.close()


def test_markup_in_article_and_speaker_renders_as_text(browser: Any, tmp_path: Path) -> None:
    attribution = payload_attribution()
    view = open_page(browser, tmp_path, render_html(attribution, title=XSS))
    assert view.js(TEXT_OF) == attribution.text.replace("\x00", "\ufffd")
    assert view.js("document.querySelectorAll('img').length") == 0
    assert view.js("document.querySelectorAll('script').length") == 2
    assert view.js("document.title") == XSS
    view.page.hover("mark.quote .frag")
    card = view.page.locator("#qa-card")
    assert card.locator("h4").inner_text() == XSS
    assert XSS in card.inner_text()  # the role and the rule, as text
    assert view.js("document.querySelector('#qa-card img, #qa-card script')") is None
    assert view.dialogs == []
    assert view.problems == []
    view.close()


def test_corpus_page_charts_links_and_filters(browser: Any, tmp_path: Path) -> None:
    documents = [("council.txt", interrupted_story()), (XSS, payload_attribution())]
    view = open_page(browser, tmp_path, render_corpus_html(documents, title="Two"))
    assert view.js("document.querySelectorAll('svg.qa-chart').length") == 3
    assert view.js("document.querySelectorAll('svg.qa-chart rect').length") >= 4
    view.page.click("a[href='#doc-2']")
    assert view.js("location.hash") == "#doc-2"
    assert view.js("document.querySelector('#doc-2 .qa-doc-title').textContent") == XSS
    second = view.page.locator("#doc-2 .qa-speaker input").first
    second.uncheck()
    assert view.js("document.querySelector('#doc-2 mark.quote').classList.contains('off')")
    assert not view.js("document.querySelector('#doc-1 mark.quote').classList.contains('off')")
    assert view.dialogs == [] and view.problems == []
    view.close()


def write_screenshot(out: Path) -> None:
    """The documentation's picture: the bundled article's view, one quote's card open."""
    import quoteattr

    text = (ROOT / "examples" / "harbour_article.txt").read_text(encoding="utf-8")
    page_file = Path(tempfile.mkdtemp()) / "harbour.html"
    page_file.write_text(render_html(quoteattr.analyze(text)), encoding="utf-8")
    executable = chromium_path()
    if executable is None:
        raise SystemExit("no chromium on PATH: apt-get install -y chromium")
    with chromium_context(executable, width=1200, height=1130) as context:
        page = context.new_page()
        page.goto(page_file.as_uri())
        page.hover("mark.quote[data-quote='2'] .frag >> nth=1")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))


if __name__ == "__main__":
    target = ROOT / "docs" / "img" / "harbour_view.png"
    write_screenshot(target)
    print(f"wrote {target}")
