"""Views of attributed text: a self-contained HTML page per document or corpus.

Use ``from quoteattr.render.html import render_html, render_corpus_html``.
"""
