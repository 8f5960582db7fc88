"""The management-review report: its figures are status's, its text is escaped, it fetches
nothing, it prints to A4, and a user's templates can replace nencheck's."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from nencheck.checks.review import age_bucket, management_review, reviews_by_month
from nencheck.checks.summary import status_summary
from nencheck.errors import NencheckError
from nencheck.i18n import set_language
from nencheck.model.records import Records
from nencheck.render import charts, report_html, report_markdown
from nencheck.render.dates import format_day, format_month
from nencheck.render.report_context import key_figures
from nencheck.render.soa_common import soa_view
from tests.render.figures import EXTERNAL, assert_figures_match, parse
from tests.render.small_org import SCRIPT_TITLE, write_small_org
from tests.render.test_soa import load

AS_OF = date(2026, 11, 23)


@pytest.fixture
def records(tmp_path: Path) -> Records:
    return load(write_small_org(tmp_path / "org"))


def html(records: Records, language: str = "en", template_dir: Path | None = None) -> str:
    set_language(language)
    review = management_review(records, AS_OF)
    return report_html.render(
        records, review, soa_view(records, review.soa, AS_OF, language), template_dir
    )


def markdown(records: Records, language: str = "en") -> str:
    set_language(language)
    review = management_review(records, AS_OF)
    return report_markdown.render(records, review, soa_view(records, review.soa, AS_OF, language))


def test_html_figures_equal_the_status_summary(records: Records) -> None:
    shown = assert_figures_match(html(records), status_summary(records, AS_OF).to_json())
    assert {
        "policies.overdue",
        "training.by_unit.HAP.rate",
        "controls.by_theme.people.total",
    } <= shown


def test_html_figures_are_the_known_ones_of_the_small_organisation(records: Records) -> None:
    figures = parse(html(records)).figures
    assert figures["policies.overdue"] == ["2", "2", "2"]  # tile, policies table, appendix
    assert figures["findings.overdue"][0] == "1"
    assert figures["training.by_unit.HAP.rate"] == ["0.5"]
    assert figures["incidents.breach_notification_late"][0] == "1"


def test_a_title_with_a_script_tag_renders_inert(records: Records) -> None:
    page = html(records)
    assert "<script" not in page.lower()
    assert "Wachtwoordbeleid &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; meer" in page
    assert "Kleine Praktijk &lt;b&gt;Test&lt;/b&gt;" in page
    assert "<b>Test</b>" not in page


def test_the_report_fetches_nothing(records: Records) -> None:
    page = html(records)
    assert not EXTERNAL.findall(page)
    assert "default-src 'none'" in page  # and the browser is told so
    assert "<script" not in page and "<link" not in page and "<img" not in page


def test_external_url_pattern_catches_what_it_should() -> None:
    for bad in (
        '<img src="https://x.example/a.png">',
        "<link href='//cdn.example/x.css'>",
        "@import 'x.css';",
        "background: url(http://x.example/i.png)",
    ):
        assert EXTERNAL.search(bad), bad
    assert not EXTERNAL.search('<svg xmlns="http://www.w3.org/2000/svg">')


def test_the_report_prints_to_a4_without_cutting_rows(records: Records) -> None:
    page = html(records)
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", page)
    assert re.search(r"tr\s*\{[^}]*break-inside:\s*avoid", page)
    assert re.search(r"thead\s*\{[^}]*display:\s*table-header-group", page)
    assert re.search(r"section \+ section\s*\{[^}]*break-before:\s*page", page)


def test_every_chart_is_inline_svg_with_its_figures(records: Records) -> None:
    parsed = parse(html(records))
    assert set(parsed.charts) == {
        "controls-by-theme",
        "policies-by-unit",
        "reviews-by-month",
        "findings-by-severity-age",
        "training-by-unit",
    }
    themes = {bar["data-key"]: int(bar["data-value"]) for bar in parsed.charts["controls-by-theme"]}
    assert themes == {
        "organizational": 43,
        "people": 9,
        "physical": 14,
        "technological": 35,
        "other": 1,
    }
    training = {bar["data-key"]: bar["data-value"] for bar in parsed.charts["training-by-unit"]}
    assert training == {"HAP": "0.5", "HCZ": "1.0", "overall": "0.6667"}
    months = [bar["data-key"] for bar in parsed.charts["reviews-by-month"]]
    assert months[0] == "2026-11" and months[-1] == "2027-10" and len(months) == 12


def test_reviews_by_month_leaves_out_overdue_reviews(records: Records) -> None:
    counts = {month.month.isoformat()[:7]: month.ids for month in reviews_by_month(records, AS_OF)}
    assert counts["2027-01"] == ["PROT-001"]
    assert sum(len(ids) for ids in counts.values()) == 1  # BEL-001 and BEL-002 are overdue


def test_open_findings_most_severe_first_with_their_age(records: Records) -> None:
    review = management_review(records, AS_OF)
    assert [(f.id, f.overdue, f.age_bucket) for f in review.open_findings] == [
        ("F-1", True, "up_to_1y"),
        ("F-2", False, "up_to_1y"),
    ]
    assert review.findings_by_age["major"]["up_to_1y"] == 1


@pytest.mark.parametrize(
    ("age", "bucket"),
    [
        (0, "up_to_3m"),
        (90, "up_to_3m"),
        (91, "up_to_6m"),
        (182, "up_to_6m"),
        (183, "up_to_1y"),
        (365, "up_to_1y"),
        (366, "over_1y"),
    ],
)
def test_age_bucket_boundaries(age: int, bucket: str) -> None:
    assert age_bucket(age) == bucket


def test_overdue_work_is_grouped_per_owner_most_first(records: Records) -> None:
    review = management_review(records, AS_OF)
    assert [(w.owner, [i.id for i in w.items]) for w in review.overdue_by_owner] == [
        ("ICT-beheer", ["BEL-002", "F-1", "EV-2026-001"]),
        ("Directie", ["BEL-001"]),
    ]
    assert review.training_overdue_by_unit == {"HAP": 1}


def test_markdown_shows_the_status_figures(records: Records) -> None:
    text = markdown(records)
    for figure in key_figures(status_summary(records, AS_OF)):
        assert f"| {figure.label} | {figure.display} |" in text, figure.path
    assert "| Huisartsenspoedpost | 2 | 1 | 50% ⚠ |" in text
    assert "<script" not in text
    assert "`██████████░░░░░░░░░░` |" in text  # HAP at 50% as a text bar


def test_dutch_report_writes_dates_the_dutch_way(records: Records) -> None:
    page = html(records, language="nl")
    assert '<html lang="nl">' in page
    assert "23 november 2026" in page
    assert "jan 2027" in page
    english = html(records, language="en")
    assert "23 November 2026" in english and '<html lang="en">' in english


def test_format_day_and_month() -> None:
    assert format_day(date(2026, 11, 23), "nl") == "23 november 2026"
    assert format_day(date(2026, 3, 1), "en") == "1 March 2026"
    assert format_day(None, "nl") == ""
    assert format_month(date(2026, 5, 1), "nl") == "mei 2026"


def test_a_user_template_replaces_nencheck_s_and_keeps_the_rest(
    records: Records, tmp_path: Path
) -> None:
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "report.html").write_text(
        '{% extends "base.html" %}{% block body %}<p id="mine">{{ organisation }}: '
        "{{ status.policies.overdue }}</p>{{ charts.training }}{% endblock %}",
        encoding="utf-8",
    )
    page = html(records, template_dir=mine)
    assert '<p id="mine">Kleine Praktijk &lt;b&gt;Test&lt;/b&gt;: 2</p>' in page
    assert 'data-chart="training-by-unit"' in page and "@page" in page


def test_a_mistake_in_a_user_template_is_a_clear_error(records: Records, tmp_path: Path) -> None:
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "report.html").write_text("line one\n{% if %}\n", encoding="utf-8")
    with pytest.raises(NencheckError, match=r"template .*report\.html, line 2"):
        html(records, template_dir=mine)
    (mine / "report.html").write_text("{{ no_such_variable }}", encoding="utf-8")
    with pytest.raises(NencheckError, match="no_such_variable"):
        html(records, template_dir=mine)
    with pytest.raises(NencheckError, match="no such directory"):
        html(records, template_dir=tmp_path / "absent")


@pytest.mark.parametrize(
    ("value", "ceiling"), [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (48, 50), (51, 100)]
)
def test_chart_scale_rounds_up_to_a_nice_number(value: float, ceiling: int) -> None:
    assert charts.nice_ceiling(value) == ceiling


def test_chart_labels_are_escaped() -> None:
    svg = charts.stacked_bars(
        "x", "<t>", [charts.Bar("k", "<b>&", [charts.Segment("s", 2, "#000")])], [("<l>", "#fff")]
    )
    assert (
        "<b>" not in svg
        and "&lt;b&gt;&amp;" in svg
        and "&lt;l&gt;" in svg
        and "<title>&lt;t&gt;</title>" in svg
    )


def test_script_title_fixture_is_in_the_overdue_list(records: Records) -> None:
    review = management_review(records, AS_OF)
    assert any(
        item.title == SCRIPT_TITLE for work in review.overdue_by_owner for item in work.items
    )


def test_the_appendix_lists_every_catalog_control_in_order(records: Records) -> None:
    page = html(records)
    appendix = page[page.index('<section id="soa">') :]
    ids = re.findall(r'data-control="([^"]+)"', appendix)
    assert ids == [*records.catalog.ids(), "EIG-1"]


def test_template_strings_can_be_extracted_for_the_message_catalog() -> None:
    from nencheck.render.templating import template_messages

    messages = {message for _name, _line, message in template_messages()}
    assert "Points for attention" in messages
    assert ("{count} day overdue", "{count} days overdue") in messages


def test_chart_hover_labels_are_translated_not_raw_keys(records: Records) -> None:
    """Hovering a segment shows '5 Organisatorisch · Geïmplementeerd: 2', not 'implemented: 2'."""
    document = html(records, "nl")
    titles = re.findall(r"<title>([^<]*)</title>", document)
    segments = [title for title in titles if " · " in title]
    assert segments, "no segment titles found"
    raw = re.compile(
        r"\b(implemented|partial|planned|not_started|not_applicable|missing|ok|"
        r"due_soon|overdue|up_to_3m|up_to_6m|up_to_1y|over_1y)\b"
    )
    assert [title for title in segments if raw.search(title)] == []
    assert any("Geïmplementeerd:" in title for title in segments)
