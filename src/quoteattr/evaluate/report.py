"""The report: per-corpus tables, the entity block, calibration, and the error listing."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import attrs

from .. import calibration
from .errors import ERROR_TITLES, ErrorCase, format_case
from .gold import ANONYMOUS_TYPES, KINDS
from .matching import LOOSE, STRICT
from .scores import CorpusScore


def pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


@attrs.define
class Report:
    """The scores overall and per corpus, and the errors behind them."""

    overall: CorpusScore = attrs.field(factory=CorpusScore)
    corpora: dict[str, CorpusScore] = attrs.field(factory=dict)
    errors: list[ErrorCase] = attrs.field(factory=list)
    threshold: float | None = None  # predictions below this confidence were left out

    def errors_of(self, type_: str) -> list[ErrorCase]:
        return [e for e in self.errors if e.type == type_]

    def to_dict(self, *, include_errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "overall": self.overall.to_dict(),
            "corpora": {name: s.to_dict() for name, s in self.corpora.items()},
            "error_counts": {t: len(self.errors_of(t)) for t in ERROR_TITLES},
            "confidence": _confidence_dict(self),
        }
        if include_errors:
            data["errors"] = [e.to_dict() for e in self.errors]
        return data

    def format(self) -> str:
        """A plain-text table: one row per corpus, then the overall row. Figures are %."""
        header: tuple[str, ...] = (
            "corpus",
            "P",
            "R",
            "F1",
            "strictF1",
            "spkMen",
            "e2eF1",
            "cueAcc",
            "R-dir",
            "R-ind",
            "R-mix",
            "docs",
            "gold",
            "pred",
        )
        rows = [header]
        named = [*sorted(self.corpora.items()), ("overall", self.overall)]
        for name, s in named:
            rows.append(
                (
                    name,
                    pct(s.precision),
                    pct(s.recall),
                    pct(s.f1),
                    pct(s.strict_f1),
                    pct(s.speaker_accuracy),
                    pct(s.e2e_f1),
                    pct(s.cue_accuracy),
                    *(pct(s.recall_by_kind(k)) for k in KINDS),
                    str(s.documents),
                    str(s.gold),
                    str(s.predicted),
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines = [
            "  ".join(
                cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                for i, cell in enumerate(row)
            ).rstrip()
            for row in rows
        ]
        rule = "-" * max(len(line) for line in lines)
        lines.insert(1, rule)
        lines.insert(len(lines) - 1, rule)
        lines.append("")
        lines += textwrap.wrap(
            f"P/R/F1: quotes matched one-to-one sharing >= {LOOSE:.0%} of both (strict: "
            f">= {STRICT:.0%}). spkMen: mention-level speaker accuracy over loose matches with "
            "a gold speaker (a mention of the predicted entity touches a gold one; entity "
            "level below). e2eF1: match + right speaker (mention level). cueAcc: over "
            "matches where both have a cue. R-dir/ind/mix: loose recall by gold kind.",
            width=100,
        )
        lines += self._format_entities(named)
        if self.overall.ignored:
            lines.append(f"{self.overall.ignored} predictions inside discard spans were ignored.")
        lines += _confidence_lines(self)
        return "\n".join(lines)

    @staticmethod
    def _format_entities(named: Sequence[tuple[str, CorpusScore]]) -> list[str]:
        """The entity-level block, for corpora whose gold says who each speaker is."""
        rows = [
            (
                name,
                pct(s.speaker_accuracy),
                pct(s.entity_accuracy),
                pct(s.canonical_accuracy("person")),
                pct(s.canonical_accuracy("organization")),
                pct(s.canonical_accuracy()),
                pct(s.person_named_rate()),
                str(sum(s.canonical_total.values())),
                str(sum(s.anonymous_total.get(t, 0) for t in ANONYMOUS_TYPES)),
            )
            for name, s in named
            if s.entity_total or s.canonical_total or s.anonymous_total
        ]
        if not rows:
            return []
        header = ("speakers", "spkMen", "spkEnt", "person", "org", "all", "anon->person",
                  "named", "anon")  # fmt: skip
        table = [header, *rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        lines = [
            "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))
            for r in table
        ]
        return [
            "",
            *lines,
            *textwrap.wrap(
                "Speakers judged on the entity. spkEnt: LitBank (speaker_entity_mentions): most "
                "of the predicted entity's name mentions are the gold character's; otherwise "
                "the canonical figure. person/org/all: matched quotes with a gold "
                "speaker_canonical whose predicted entity carries that name (case, "
                "punctuation, honorifics, titles and initials aside). anon->person: matched "
                "quotes from a group or unnamed source given a specific person. named/anon: "
                "how many quotes each figure is over.",
                width=100,
            ),
        ]

    def format_errors(self) -> str:
        """The errors as readable text, grouped: misses by kind, false alarms, wrong speakers."""
        out: list[str] = []
        for type_, (title, meaning) in ERROR_TITLES.items():
            cases = self.errors_of(type_)
            heading = f"{title}: {len(cases)} ({meaning})"
            out += [heading, "=" * len(heading), ""]
            groups: list[tuple[str | None, list[ErrorCase]]]
            if type_ == "miss":
                groups = [(k, [c for c in cases if c.kind == k]) for k in KINDS]
                groups += [(None, [c for c in cases if c.kind not in KINDS])]
            else:
                groups = [(None, cases)]
            for kind, group in groups:
                if kind is not None:
                    out.append(f"--- {kind} ({len(group)}) ---")
                    out.append("")
                for case in group:
                    out.extend(format_case(case))
        return "\n".join(out).rstrip() + "\n"


def _confidence_lines(report: Report) -> list[str]:
    """Precision by predicted category, then the calibration of the confidence per corpus."""
    named = [*sorted(report.corpora.items()), ("overall", report.overall)]
    lines: list[str] = []
    for title, table in (
        ("category", calibration.category_precision),
        ("kind", calibration.kind_precision),
    ):
        lines += ["", f"By {title} (predicted): precision % (matched/predicted)"]
        for name, s in named:
            cells = [
                f"{key} {pct(m / n if n else None)} ({m}/{n})"
                for key, (m, n) in table(s.outcomes).items()
            ]
            lines.append(f"  {name + ':':11s} " + "   ".join(cells))
    if report.threshold is not None:
        lines.append(f"Scores above are for quotes with confidence >= {report.threshold:g}.")
    lines += [
        "",
        "Calibration: % right (match + speaker entity) per confidence band (upper edge); ECE",
    ]
    for name, s in named:
        bands = calibration.calibration_bands(s.outcomes)
        cells = [f"{b.high:g}:{pct(b.precision)}" for b in bands if b.count]
        ece = calibration.expected_calibration_error(s.outcomes)
        ece_text = "-" if ece is None else f"{ece:.3f}"
        lines.append(f"  {name + ':':11s} {ece_text}  " + " ".join(cells))
    lines += ["", "At a threshold: P/R % of the quotes with confidence >= t"]
    for name, s in named:
        rows = calibration.threshold_table(s.outcomes, s.gold, _THRESHOLDS)
        cells = [f"{t:g}:{pct(p)}/{pct(r)}" for t, p, r, _ in rows]
        lines.append(f"  {name + ':':11s} " + "  ".join(cells))
    return lines


_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _confidence_dict(report: Report) -> dict[str, Any]:
    """The category and calibration figures of ``_confidence_lines`` as JSON-able data."""
    out: dict[str, Any] = {"threshold": report.threshold}
    for name, s in [*sorted(report.corpora.items()), ("overall", report.overall)]:
        out[name] = {
            "category_precision": {
                cat: {"matched": m, "predicted": n}
                for cat, (m, n) in calibration.category_precision(s.outcomes).items()
            },
            "kind_precision": {
                kind: {"matched": m, "predicted": n}
                for kind, (m, n) in calibration.kind_precision(s.outcomes).items()
            },
            "ece": calibration.expected_calibration_error(s.outcomes),
            "bands": [attrs.asdict(b) for b in calibration.calibration_bands(s.outcomes)],
            "at_threshold": [
                {"threshold": t, "precision": p, "recall": r, "kept": k}
                for t, p, r, k in calibration.threshold_table(s.outcomes, s.gold, _THRESHOLDS)
            ],
        }
    return out
