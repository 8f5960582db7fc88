"""Evaluating the members: each in a worker process of its own (``ProcessPoolExecutor``), with
its own settings, rules, language and parse cache, on one date; results as plain values.

A member that cannot be reached or read yields an outcome with the reason, never an exception:
the rest of the network is still evaluated.

One broken file never takes a member out of the network (SPEC, "One broken file never takes the
dashboard down"): a member whose nencheck.yaml is readable but some of whose record files are
not is evaluated on its readable records, as ``nencheck status`` would. Such a member is **ok**
(``ok`` means: evaluated, its figures count in the totals and the mirror statistics); its
``error`` says which files its figures exclude, its ``data_errors`` and its status document's
``unreadable`` list them, and the network is not ``complete``, so the command still exits 2. A
member that cannot be reached, is not a repository, or whose nencheck.yaml (or catalog) cannot
be read is not ok: it has no figures.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from nencheck.checks.problem import Problem
from nencheck.errors import DataError, DataErrors, NencheckError
from nencheck.i18n import set_language
from nencheck.model.records import Records


@dataclass(frozen=True)
class Job:
    """What to do for one member; picklable, sent to a worker process."""

    id: str
    name: str
    repo: str
    rev: str | None
    base: Path  # member paths are relative to network.yaml's folder
    as_of: date
    as_recorded: bool = False
    today: date | None = None  # today's real date (from the CLI): later event dates are errors
    lang: str | None = None  # --lang: every member's output in this language
    message_lang: str = "nl"  # messages about the member: the network's language (or --lang)
    check: bool = False  # also apply the rules (network check)
    report_lang: str | None = None  # also draw the management report's charts, in this language
    fetch: bool = True  # fetch git members already in the cache
    use_cache: bool = True  # the parse cache


@dataclass
class MemberOutcome:
    id: str
    name: str
    error: str | None = None  # why the member could not be read, or which files it left out
    data_errors: list[DataError] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # files its figures exclude
    status: dict[str, Any] | None = None  # exactly what `nencheck status --format json` prints
    problems: list[Problem] = field(default_factory=list)
    fail_on: list[str] = field(default_factory=list)
    cases: dict[str, dict[str, Any]] = field(default_factory=dict)  # junit cases, for check
    charts: dict[str, str] = field(default_factory=dict)  # management report charts (SVG)
    figures: list[Any] = field(default_factory=list)  # the report's key figures (KeyFigure)

    @property
    def ok(self) -> bool:
        """Evaluated: its figures count, perhaps without some unreadable files."""
        return self.status is not None

    @property
    def complete(self) -> bool:
        """Evaluated on every one of its files, without any data error."""
        return self.ok and self.error is None and not self.data_errors


def status_document(records: Records, as_of: date) -> dict[str, Any]:
    """The member's ``status --format json`` document, from the code path `status` uses."""
    from nencheck.checks.summary import status_summary

    summary: Any = status_summary(records, as_of)
    to_json = getattr(summary, "to_json", None)  # the typed summary, once it has landed
    document: dict[str, Any] = to_json() if callable(to_json) else summary
    return document


def evaluate_member(job: Job) -> MemberOutcome:
    """Read and evaluate one member (in a worker process)."""
    from nencheck.store.read.loader import load_repository

    outcome = MemberOutcome(job.id, job.name)
    set_language(job.message_lang)
    try:
        root, source, reader = _open(job)
        result = load_repository(source, reader, today=job.today)
        if result.records is None:  # nencheck.yaml or its catalog: nothing can be evaluated
            raise DataErrors(result.errors)
        if result.errors:  # evaluated on its readable records (degraded)
            outcome.data_errors = sorted(result.errors)
            outcome.unreadable = list(result.unreadable)
            outcome.error = _degraded_text(outcome.data_errors, outcome.unreadable)
        records = result.records
        set_language(job.lang or records.settings.language)
        outcome.status = status_document(records, job.as_of)
        if job.check:
            _check(outcome, job, root, records)
        if job.report_lang:
            set_language(job.report_lang)
            outcome.charts = _charts(records, job.as_of)
            outcome.figures = _key_figures(records, job.as_of)
    except DataErrors as failure:
        outcome.data_errors = failure.errors
        outcome.error = _data_error_text(failure.errors)
    except NencheckError as failure:
        outcome.error = str(failure)
    return outcome


def _open(job: Job) -> tuple[Path, Any, Any]:
    from nencheck.network.members import member_root
    from nencheck.store.read.choice import file_reader, open_source

    root = member_root(job.repo, job.base, job.rev, fetch=job.fetch)
    from nencheck.network.members import is_git_url

    rev = None if is_git_url(job.repo) else job.rev  # a git member is checked out at its rev
    source = open_source(root, rev=rev, as_recorded_on=job.as_of if job.as_recorded else None)
    return root, source, file_reader(root, enabled=job.use_cache)


def _data_error_text(errors: list[DataError]) -> str:
    from nencheck.i18n import ngettext

    first = str(errors[0]) if errors else ""
    return ngettext(
        "{count} data error: {first}", "{count} data errors, the first: {first}", len(errors)
    ).format(count=len(errors), first=first)


SHOWN_FILES = 5  # a member's error names this many unreadable files, then "…"


def _degraded_text(errors: list[DataError], unreadable: list[str]) -> str:
    """Which files a member's figures exclude (its data errors are listed beside it)."""
    from nencheck.i18n import ngettext

    if not unreadable:  # errors that leave every file's records in (none today; to be safe)
        return _data_error_text(errors)
    files = ", ".join(unreadable[:SHOWN_FILES]) + (", …" if len(unreadable) > SHOWN_FILES else "")
    return ngettext(
        "figures exclude {count} unreadable file: {files}",
        "figures exclude {count} unreadable files: {files}",
        len(unreadable),
    ).format(count=len(unreadable), files=files)


def _check(outcome: MemberOutcome, job: Job, root: Path, records: Records) -> None:
    from nencheck.checks.evaluate import evaluate
    from nencheck.render.junit import checked_records

    outcome.problems = evaluate(records, job.as_of, extra_rules=_history_rules(job, root, records))
    outcome.fail_on = list(records.settings.fail_on)
    outcome.cases = checked_records(records)


def _history_rules(job: Job, root: Path, records: Records) -> list[Any]:
    """``policy-changed-unversioned`` on the commits up to what was read (as ``check`` does)."""
    from functools import partial

    from nencheck.checks.policy_changes import rule_policy_changed_unversioned
    from nencheck.network.members import is_git_url
    from nencheck.store.git.file_changes import gather_changes
    from nencheck.store.git.revision import revision_on

    try:
        start = job.rev if job.rev and not is_git_url(job.repo) else "HEAD"
        if job.as_recorded:
            start = revision_on(root, job.as_of, start)
        changes = gather_changes(root, records, start, use_cache=job.use_cache)
    except NencheckError:
        return []
    if changes is None:
        return []
    return [partial(rule_policy_changed_unversioned, changes=changes)]


def _charts(records: Records, as_of: date) -> dict[str, str]:
    from nencheck.checks.review import management_review
    from nencheck.i18n import current_language
    from nencheck.render.report_context import report_context
    from nencheck.render.report_html import build_charts
    from nencheck.render.soa_common import soa_view

    review = management_review(records, as_of)
    soa = soa_view(records, review.soa, as_of, current_language())
    return build_charts(review, soa, report_context(records, review, soa))


def _key_figures(records: Records, as_of: date) -> list[Any]:
    """The management report's key figures, worded in the report's language."""
    from nencheck.checks.summary import status_summary
    from nencheck.render.report_context import key_figures

    return list(key_figures(status_summary(records, as_of)))


def _warm_imports() -> None:
    """Import what every worker needs before the pool forks, so workers share it."""
    import nencheck.checks.summary
    import nencheck.store.cache.parse_cache
    import nencheck.store.read.loader  # noqa: F401


def evaluate_members(
    jobs: list[Job],
    workers: int | None = None,
    on_done: Callable[[MemberOutcome], None] | None = None,
) -> list[MemberOutcome]:
    """Every member's outcome, in the order of ``jobs``. ``workers``: processes (default: one per
    CPU); 1 evaluates in this process, one member after the other."""
    count = min(workers or os.cpu_count() or 1, len(jobs))
    if count <= 1:
        outcomes = []
        for job in jobs:
            outcomes.append(evaluate_member(job))
            if on_done:
                on_done(outcomes[-1])
        return outcomes
    _warm_imports()
    found: dict[str, MemberOutcome] = {}
    pool = ProcessPoolExecutor(max_workers=count)
    try:
        futures: dict[Future[MemberOutcome], Job] = {
            pool.submit(evaluate_member, job): job for job in jobs
        }
        for future in as_completed(futures):
            outcome = future.result()
            found[futures[future].id] = outcome
            if on_done:
                on_done(outcome)
    except BaseException:
        # Ctrl-C (or a bug): drop the members not started instead of waiting for them all
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return [found[job.id] for job in jobs]
