"""The Kennisbank's pages as text: start page, one page per published policy, the archive, the
per-unit and per-control indexes, the search page, its index and the static assets.

Pure: a ``SiteData`` in, ``{site path: content}`` out, in a fixed order, so the same records
give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from nencheck.checks.scope import ALL_UNITS
from nencheck.i18n import _
from nencheck.render.labels import policy_state_label, policy_status_label
from nencheck.render.site_model import SiteData, SiteEntry, control_page, unit_page
from nencheck.render.site_search import search_index_js

ASSETS = ("site.css", "search.js")
TYPE_ORDER = ("policy", "protocol", "procedure", "work_instruction", "form", "other")
RECENT = 10


def type_heading(kind: str) -> str:
    headings = {
        "policy": _("Policies"),
        "protocol": _("Protocols"),
        "procedure": _("Procedures"),
        "work_instruction": _("Work instructions"),
        "form": _("Forms"),
        "other": _("Other documents"),
    }
    return headings.get(kind, kind)


def type_label(kind: str) -> str:
    labels = {
        "policy": _("Policy"),
        "protocol": _("Protocol"),
        "procedure": _("Procedure"),
        "work_instruction": _("Work instruction"),
        "form": _("Form"),
        "other": _("Other document"),
    }
    return labels.get(kind, kind)


def render_site(data: SiteData) -> dict[str, str | bytes]:
    """Every file of the site by its path (posix, relative to the site's root)."""
    from nencheck.render.templating import environment, render_template

    env = environment()
    env.globals.update(_site_globals(data))
    env.filters.update(
        {
            "isoday": date.fromisoformat,
            "filesize": _file_size,
            "day": cache(env.filters["day"]),  # thousands of pages, a few hundred dates
        }
    )

    def page(template: str, path: str, **context: Any) -> str:
        root = "../" * path.count("/")
        return render_template(env, f"site/{template}", {**_common(data, root), **context})

    pages: dict[str, str | bytes] = {}
    current = data.current()
    pages["index.html"] = page("index.html", "index.html", **_start(data, current))
    for entry in data.entries:
        pages[entry.page] = page("policy.html", entry.page, **_policy(data, entry))
    retired = data.with_state("retired")
    pages["archive.html"] = page(
        "archive.html", "archive.html", page_title=_("Archive"), current="archive", retired=retired
    )
    for unit_id, name in _units_in_use(data, current).items():
        path = unit_page(unit_id)
        pages[path] = page("listing.html", path, **_unit(unit_id, name, current))
    controls = _controls_in_use(data, current)
    pages["controls.html"] = page(
        "controls.html",
        "controls.html",
        page_title=_("Documents by control"),
        current="controls",
        controls=[(cid, data.controls.get(cid, ""), len(found)) for cid, found in controls.items()],
    )
    for control_id, found in controls.items():
        path = control_page(control_id)
        pages[path] = page("listing.html", path, **_control(data, control_id, found))
    pages["search.html"] = page(
        "search.html", "search.html", page_title=_("Search"), current="search"
    )
    pages["assets/search-index.js"] = search_index_js(data.entries, type_label, _unit_names(data))
    for asset in ASSETS:
        pages[f"assets/{asset}"] = _asset(asset)
    return pages


def _site_globals(data: SiteData) -> dict[str, Callable[..., Any]]:
    return {
        "state_label": policy_state_label,
        "status_label": policy_status_label,
        "type_label": type_label,
        "unit_name": lambda unit_id: data.units.get(unit_id, unit_id),
        "unit_href": unit_page,
        "control_href": control_page,
        "control_title": lambda control_id: data.controls.get(control_id, ""),
    }


def _common(data: SiteData, root: str) -> dict[str, Any]:
    return {
        "root": root,
        "organisation": data.organisation,
        "stamp": data.stamp,
        "current": "",
        "page_title": "",
    }


def _start(data: SiteData, current: list[SiteEntry]) -> dict[str, Any]:
    changed = sorted((entry for entry in current if entry.changed()), key=lambda e: e.id)
    changed.sort(key=lambda entry: entry.changed() or "", reverse=True)  # stable: ids stay A-Z
    units = _units_in_use(data, current)
    return {
        "page_title": _("Start"),
        "current": "index",
        "current_count": len(current),
        "recent": changed[:RECENT],
        "units": [(uid, name, len(_of_unit(uid, current))) for uid, name in units.items()],
        "attention": [entry for entry in current if entry.row.state == "overdue"],
        "types": _by_type(current),
    }


def _policy(data: SiteData, entry: SiteEntry) -> dict[str, Any]:
    policy = entry.row.policy
    replaced_by = data.replaced_by.get(policy.id, [])
    return {
        "page_title": f"{policy.title} ({policy.id})",
        "entry": entry,
        "supersedes": data.by_id.get(policy.supersedes) if policy.supersedes else None,
        "replaced_by": replaced_by,
    }


def _unit(unit_id: str, name: str, current: list[SiteEntry]) -> dict[str, Any]:
    own = [entry for entry in current if unit_id in entry.row.policy.units]
    shared = (
        []
        if unit_id == ALL_UNITS
        else [
            e
            for e in current
            if ALL_UNITS in e.row.policy.units and unit_id not in e.row.policy.units
        ]
    )
    return {
        "page_title": name,
        "current": "index",
        "heading": name,
        "subheading": "",
        "intro": _("The current documents of this unit."),
        "groups": _by_type(own),
        "shared": shared,
        "shared_heading": _("For the whole organisation"),
    }


def _control(data: SiteData, control_id: str, found: list[SiteEntry]) -> dict[str, Any]:
    title = data.controls.get(control_id, "")
    return {
        "page_title": f"{control_id} {title}".strip(),
        "current": "controls",
        "heading": _("Control {id}").format(id=control_id),
        "subheading": title,
        "intro": _("The current documents that put this control into practice."),
        "groups": _by_type(found),
        "shared": [],
        "shared_heading": "",
    }


def _of_unit(unit_id: str, current: list[SiteEntry]) -> list[SiteEntry]:
    return [e for e in current if unit_id in e.row.policy.units or ALL_UNITS in e.row.policy.units]


def _units_in_use(data: SiteData, current: list[SiteEntry]) -> dict[str, str]:
    """The units of nencheck.yaml (and any other a policy names), in the settings' order."""
    units = dict(data.units)
    for entry in current:
        for unit_id in entry.row.policy.units:
            units.setdefault(unit_id, unit_id)
    return units


def _unit_names(data: SiteData) -> Callable[[str], str]:
    return lambda unit_id: data.units.get(unit_id, unit_id)


def _controls_in_use(data: SiteData, current: list[SiteEntry]) -> dict[str, list[SiteEntry]]:
    """control id -> the current documents linked to it, in catalog order then the rest."""
    found: dict[str, list[SiteEntry]] = {}
    for entry in current:
        for control_id in entry.row.policy.controls:
            found.setdefault(control_id, []).append(entry)
    order = {control_id: index for index, control_id in enumerate(data.controls)}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def _by_type(entries: list[SiteEntry]) -> list[tuple[str, list[SiteEntry]]]:
    groups: list[tuple[str, list[SiteEntry]]] = []
    for kind in TYPE_ORDER:
        chosen = [entry for entry in entries if entry.row.policy.type.value == kind]
        chosen.sort(key=lambda entry: (entry.row.policy.title.casefold(), entry.id))
        if chosen:
            groups.append((type_heading(kind), chosen))
    return groups


def _file_size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return _("{size} bytes").format(size=size)
    if size < 1024 * 1024:
        return _("{size} kB").format(size=round(size / 1024))
    return _("{size} MB").format(size=f"{size / 1024 / 1024:.1f}")


def _asset(name: str) -> bytes:
    return resources.files("nencheck.render").joinpath(f"templates/site/{name}").read_bytes()
