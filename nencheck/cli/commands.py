"""The one table of nencheck's commands: name, where it lives, and its one-line summary.

``nencheck --help`` lists the commands from here without importing them (start-up stays fast);
each summary is also the first paragraph of the command's own help (tests/cli/test_help.py
checks that they agree), marked ``N_()`` so both are one message in the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass

from nencheck.i18n import N_


@dataclass(frozen=True)
class Entry:
    name: str
    target: str  # "module:attribute", imported only when the command runs or shows its help
    summary: str  # English; translated where it is shown


COMMANDS: tuple[Entry, ...] = (
    Entry("init", "nencheck.cli.init:init", N_("Scaffold a new compliance repository.")),
    Entry(
        "check",
        "nencheck.cli.check:check",
        N_("Validate all records and apply the rules (for CI)."),
    ),
    Entry(
        "status",
        "nencheck.cli.status:status",
        N_("Dashboard: controls, policies, findings, evidence, training, incidents."),
    ),
    Entry(
        "due",
        "nencheck.cli.due:due",
        N_("What is overdue, or falls due within --within, sorted by date."),
    ),
    Entry(
        "policy",
        "nencheck.cli.policy:policy",
        N_("The policy register: list, show, review, new, retire, history, diff, import."),
    ),
    Entry(
        "control",
        "nencheck.cli.control:control",
        N_("Controls: show one with everything linked to it; import an SoA."),
    ),
    Entry(
        "finding", "nencheck.cli.finding:finding", N_("The findings register across all audits.")
    ),
    Entry(
        "training",
        "nencheck.cli.training:training",
        N_("Awareness training: completion per unit and module; import learning-platform exports."),
    ),
    Entry(
        "evidence",
        "nencheck.cli.evidence:evidence",
        N_("Evidence: store files with their sha256 and a record."),
    ),
    Entry(
        "verify",
        "nencheck.cli.evidence:verify",
        N_(
            "Recompute the sha256 of every evidence file; report changed, missing and "
            "unreferenced files."
        ),
    ),
    Entry(
        "incident",
        "nencheck.cli.incident:incident",
        N_("The incident register, with the notification deadlines."),
    ),
    Entry(
        "soa",
        "nencheck.cli.soa:soa",
        N_("The Statement of Applicability (Verklaring van Toepasselijkheid)."),
    ),
    Entry(
        "report",
        "nencheck.cli.report:report",
        N_("The management-review report (HTML or Markdown)."),
    ),
    Entry(
        "notify",
        "nencheck.cli.notify:notify",
        N_("E-mail each owner their own list of overdue and soon-due items."),
    ),
    Entry(
        "schema",
        "nencheck.cli.schema:schema",
        N_("Print the JSON Schema of a record kind (all kinds when KIND is omitted)."),
    ),
    Entry(
        "network",
        "nencheck.cli.network:network",
        N_("One view over the compliance repositories of many organisations (network.yaml)."),
    ),
    Entry(
        "site",
        "nencheck.cli.site:site",
        N_("Write the Kennisbank: a static website of every current document, for all staff."),
    ),
    Entry(
        "risk",
        "nencheck.cli.risk:risk",
        N_("The risk register: assessment, treatment plan and acceptance."),
    ),
)

# `policy` subcommands that live in other modules (the editing commands and the import).
POLICY_COMMANDS: tuple[Entry, ...] = (
    Entry("review", "nencheck.cli.policy_edit:review", N_("Record a review and commit it.")),
    Entry("new", "nencheck.cli.policy_edit:new", N_("Create a policy file (draft by default).")),
    Entry("retire", "nencheck.cli.policy_edit:retire", N_("Retire a policy with date and reason.")),
    Entry(
        "import",
        "nencheck.cli.policy_import:policy_import",
        N_("Import a protocol register (.xlsx or .csv): one policy file per row, one commit."),
    ),
)
