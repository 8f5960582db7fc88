"""``nencheck site OUT``: the Kennisbank built from real repositories in temporary folders, read
back as files: links, escaping, drafts, --rev, reproducibility, reported links."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_cli
from tests.gitorg import commit_all, git
from tests.site.linkcheck import broken_links
from tests.site.site_org import HOSTILE, make_site_org


def build(repo: Path, out: Path, *args: str) -> str:
    result = run_cli("site", str(out), "--as-of", AS_OF, *args, repo=repo)
    assert result.exit_code == 0, result.output
    return result.stdout + result.stderr


def site_files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def search_index(out: Path) -> list[dict[str, str]]:
    text = (out / "assets/search-index.js").read_text("utf-8")
    prefix = "window.NENCHECK_INDEX = "
    assert text.startswith(prefix)
    return json.loads(text[len(prefix) :].rstrip().rstrip(";"))  # type: ignore[no-any-return]


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return make_site_org(tmp_path / "org")


def test_example_site_has_a_page_per_policy_and_every_link_resolves(
    example_git: Path, tmp_path: Path
) -> None:
    out = tmp_path / "public"
    output = build(example_git, out)
    assert "Kennisbank" in output or "Knowledge base" in output
    for page in ("index.html", "search.html", "archive.html", "controls.html"):
        assert (out / page).is_file(), page
    policies = sorted((example_git / "policies").rglob("*.yaml"))
    active_or_retired = [
        p for p in policies if re.search(r"^status: (active|retired)", p.read_text("utf-8"), re.M)
    ]
    assert len(list((out / "policy").glob("*.html"))) == len(active_or_retired)
    assert (out / "unit/HAP.html").is_file()
    assert broken_links(out) == []
    start = (out / "index.html").read_text("utf-8")
    assert '<html lang="nl">' in start
    assert 'href="policy/PROT-HAP-014.html"' in start


def test_a_policy_page_shows_the_record_the_history_and_the_document(
    org: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(org, out)
    page = (out / "policy/PROT-HAP-014.html").read_text("utf-8")
    assert "<h1>Triage bij pijn op de borst</h1>" in page
    assert 'data-state="overdue"' in page  # reviewed 2024-03-12 every 2y: due 2026-03-12
    assert "Review overdue." in page
    # the status is the record's (staff read "Status: due soon" as "not in force yet"); the
    # review's state stands beside its date
    assert "<dt>Status</dt><dd>Active</dd>" in page
    assert re.search(r"<dt>Next review</dt><dd><time [^>]+>[^<]+</time> \(overdue\)</dd>", page)
    assert "Medisch manager" in page and "Teamleider triage" in page
    assert 'href="../unit/HAP.html"' in page and 'href="../control/5.10.html"' in page
    assert 'href="../policy/PROT-HAP-009.html"' in page  # supersedes, retired: in the archive
    assert "<td>4.0</td><td>Voorbeeldorganisatie</td>" in page  # the one committed version
    assert "<table>" in page and "<td>U1</td>" in page  # a Markdown table
    assert '<a href="../policy/BEL-001.html">beleid</a>' in page
    assert '<span class="link-missing">concept</span>' in page  # a draft: words, no link
    assert '<span class="link-missing">typefout</span>' in page
    assert '<a href="../files/PROT-HAP-014/bijlage.txt">bijlage</a>' in page
    assert (out / "files/PROT-HAP-014/bijlage.txt").read_text(
        "utf-8"
    ) == "Bijlage bij het protocol.\n"
    assert 'href="#doc-verwijzingen"' in page
    pdf = (out / "policy/PROC-001.html").read_text("utf-8")
    assert 'href="../files/PROC-001/proc-001.pdf"' in pdf
    assert (out / "files/PROC-001/proc-001.pdf").read_bytes() == b"%PDF-1.4 fictief\n"
    assert 'href="https://example.org/richtlijn"' in (out / "policy/PROC-003.html").read_text(
        "utf-8"
    )
    assert "No document is linked" in (out / "policy/PROC-002.html").read_text("utf-8")
    assert broken_links(out) == []


def test_every_field_from_the_records_and_the_document_is_escaped(
    org: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(org, out)
    pages = {
        name: data.decode("utf-8")
        for name, data in site_files(out).items()
        if name.endswith(".html")
    }
    for name, text in pages.items():
        assert "<script>alert" not in text, name
        assert (
            "<img src=x" not in text and "<b>raad</b>" not in text and "<i>iedereen" not in text
        ), name
        assert 'href="javascript' not in text, name
        assert len(re.findall(r"<script\b", text)) == (2 if name == "search.html" else 0), name
    page = pages["policy/PROC-001.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "Bestuur &amp; &lt;b&gt;raad&lt;/b&gt;" in page
    document = pages["policy/PROT-HAP-014.html"]
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&quot;javascript:alert(3)&quot;&gt;"
        in document
    )
    titles = [entry["t"] for entry in search_index(out)]
    assert HOSTILE in titles  # data for textContent, never markup: search.js builds text nodes


def test_drafts_are_left_out_unless_asked_for_and_then_marked(org: Path, tmp_path: Path) -> None:
    plain, drafts = tmp_path / "plain", tmp_path / "drafts"
    build(org, plain)
    assert not (plain / "policy/PROT-HAP-020.html").exists()
    assert "PROT-HAP-020" not in (plain / "assets/search-index.js").read_text("utf-8")
    assert "PROT-HAP-020" not in "".join(p.read_text("utf-8") for p in plain.rglob("*.html"))
    build(org, drafts, "--include-drafts")
    page = (drafts / "policy/PROT-HAP-020.html").read_text("utf-8")
    assert 'data-state="draft"' in page and "banner-draft" in page
    assert 'href="policy/PROT-HAP-020.html"' in (drafts / "unit/HAP.html").read_text(
        "utf-8"
    ).replace("../", "")
    assert '<a href="../policy/PROT-HAP-020.html">concept</a>' in (
        drafts / "policy/PROT-HAP-014.html"
    ).read_text("utf-8")
    assert broken_links(drafts) == []


def test_retired_policies_are_in_the_archive_and_marked_in_the_search_index(
    org: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(org, out)
    archive = (out / "archive.html").read_text("utf-8")
    assert 'href="policy/PROT-HAP-009.html"' in archive and "Vervangen door PROT-HAP-014" in archive
    assert "PROT-HAP-009" not in (out / "index.html").read_text("utf-8")
    states = {entry["i"]: entry["s"] for entry in search_index(out)}
    assert states["PROT-HAP-009"] == "retired" and states["PROT-HAP-014"] == "overdue"
    texts = {entry["i"]: entry["x"] for entry in search_index(out)}
    assert "uitstraling en zweten" in texts["PROT-HAP-014"]


def test_a_link_to_an_unknown_id_is_reported_with_file_and_line(org: Path, tmp_path: Path) -> None:
    result = run_cli("site", str(tmp_path / "site"), "--as-of", AS_OF, repo=org)
    assert result.exit_code == 0, result.output
    warning = (
        "policies/documents/prot-hap-014.md:9: warning document-link-unknown: link to "
        "PROT-HAP-999: no policy has this id"
    )
    assert warning in result.stderr
    assert "1 warning:" in result.stdout
    assert "prot-hap-014.md:9: document-link-unknown" in result.stdout
    assert "PROT-HAP-020" not in result.stderr  # a draft exists: not unknown


def test_rev_builds_the_site_as_committed_then(org: Path, tmp_path: Path) -> None:
    first = git(org, "rev-parse", "HEAD").strip()
    record = org / "policies/hap/prot-hap-014.yaml"
    record.write_text(
        record.read_text("utf-8").replace('version: "4.0"', 'version: "5.0"'), "utf-8"
    )
    commit_all(org, "Protocol herzien: versie 5.0", "2026-10-01T10:00:00+02:00")
    now, then = tmp_path / "now", tmp_path / "then"
    build(org, now)
    build(org, then, "--rev", first)
    current = (now / "policy/PROT-HAP-014.html").read_text("utf-8")
    assert "<td>5.0</td><td>Protocol herzien: versie 5.0</td>" in current
    assert "<td>4.0</td><td>Voorbeeldorganisatie</td>" in current
    old = (then / "policy/PROT-HAP-014.html").read_text("utf-8")
    assert "<dd>4.0</dd>" in old and "Protocol herzien" not in old
    assert first[:12] in (then / "index.html").read_text("utf-8")


def test_the_same_input_gives_the_same_bytes(org: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    build(org, one)
    build(org, two)
    assert site_files(one) == site_files(two)
    build(org, one)  # rebuilt in place over the earlier site
    assert site_files(one) == site_files(two)


def test_english_with_lang_en(org: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(org, out, "--lang", "en")
    assert '<html lang="en">' in (out / "index.html").read_text("utf-8")


def test_a_folder_of_other_files_is_never_replaced(org: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", "utf-8")
    result = run_cli("site", str(out), "--as-of", AS_OF, repo=org)
    assert result.exit_code == 2
    assert "did not write" in result.stderr or "niet" in result.stderr
    assert (out / "notes.txt").read_text("utf-8") == "keep me"


def test_check_reports_the_unknown_link_too(org: Path) -> None:
    result = run_cli("check", "--as-of", AS_OF, "--format", "json", repo=org)
    links = [p for p in result.json()["problems"] if p["rule"] == "document-link-unknown"]
    assert [(p["file"], p["line"], p["id"], p["target"], p["severity"]) for p in links] == [
        ("policies/documents/prot-hap-014.md", 9, "PROT-HAP-014", "PROT-HAP-999", "warning")
    ]


def test_a_cached_document_is_rendered_again_when_its_link_now_resolves(
    org: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(org, out)  # fills the document cache
    assert '<span class="link-missing">typefout</span>' in (
        out / "policy/PROT-HAP-014.html"
    ).read_text("utf-8")
    record = (org / "policies/algemeen/proc-002.yaml").read_text("utf-8")
    (org / "policies/algemeen/prot-hap-999.yaml").write_text(
        record.replace("PROC-002", "PROT-HAP-999"), "utf-8"
    )
    output = build(org, out)
    assert "document-link-unknown" not in output
    page = (out / "policy/PROT-HAP-014.html").read_text("utf-8")
    assert '<a href="../policy/PROT-HAP-999.html">typefout</a>' in page


def test_as_recorded_builds_the_site_as_committed_on_the_date(org: Path, tmp_path: Path) -> None:
    record = org / "policies/hap/prot-hap-014.yaml"
    record.write_text(
        record.read_text("utf-8").replace('version: "4.0"', 'version: "5.0"'), "utf-8"
    )
    commit_all(org, "Protocol herzien: versie 5.0", "2026-10-01T10:00:00+02:00")
    out = tmp_path / "site"
    build(org, out, "--as-recorded")  # on 2026-11-23: after the revision
    assert "<dd>5.0</dd>" in (out / "policy/PROT-HAP-014.html").read_text("utf-8")
    result = run_cli("site", str(out), "--as-of", "2026-01-01", "--as-recorded", repo=org)
    assert result.exit_code == 0, result.output
    page = (out / "policy/PROT-HAP-014.html").read_text("utf-8")
    assert "<dd>4.0</dd>" in page and "Protocol herzien" not in page


def test_a_missing_document_and_a_link_to_a_missing_file_are_reported(
    org: Path, tmp_path: Path
) -> None:
    record = org / "policies/algemeen/proc-002.yaml"
    record.write_text(
        record.read_text("utf-8") + "document: policies/documents/weg.docx\n", "utf-8"
    )
    document = org / "policies/documents/prot-hap-014.md"
    document.write_text(document.read_text("utf-8") + "\nZie [het schema](schema.pdf).\n", "utf-8")
    out = tmp_path / "site"
    result = run_cli("site", str(out), "--as-of", AS_OF, repo=org)
    assert result.exit_code == 0, result.output
    assert (
        "policies/algemeen/proc-002.yaml:10: warning document-missing: the document "
        "policies/documents/weg.docx of PROC-002 is not in the repository"
    ) in result.stderr
    assert (
        "policies/documents/prot-hap-014.md:18: warning document-link-broken: link to "
        "schema.pdf: no such file beside the document"
    ) in result.stderr
    assert "3 warnings:" in result.stdout
    assert "is not in the repository" in (out / "policy/PROC-002.html").read_text("utf-8")
    assert broken_links(out) == []


def test_the_history_lists_a_commit_that_changed_only_the_document(
    org: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(org, out)
    page = (out / "policy/PROT-HAP-014.html").read_text("utf-8")
    # site_org's second commit wrote the Markdown document and left the record alone
    assert (
        '<td>4.0</td><td>Kennisbank: documenten <span class="meta">(the document only)</span></td>'
    ) in page


def test_check_rereads_a_document_only_when_it_changed(org: Path) -> None:
    import os

    def unknown_targets() -> list[str]:
        result = run_cli("check", "--as-of", AS_OF, "--format", "json", repo=org)
        return [
            p["target"] for p in result.json()["problems"] if p["rule"] == "document-link-unknown"
        ]

    document = org / "policies/documents/prot-hap-014.md"
    settled = document.stat().st_mtime - 60  # long before this run: its scan may be kept
    os.utime(document, (settled, settled))
    assert unknown_targets() == ["PROT-HAP-999"]
    assert (org / ".nencheck/cache/document-scans.bin").is_file()
    # The same size and time: the kept scan is used (the file is not read again) ...
    text = document.read_text("utf-8")
    document.write_text(text.replace("PROT-HAP-999", "PROT-HAP-998"), "utf-8")
    os.utime(document, (settled, settled))
    assert unknown_targets() == ["PROT-HAP-999"]
    # ... a change of time (any edit) makes it read again.
    os.utime(document, (settled + 1, settled + 1))
    assert unknown_targets() == ["PROT-HAP-998"]
