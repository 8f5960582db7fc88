#!/usr/bin/env python3
"""(Re)generate the example organisation "Huisartsenzorg Voorbeeldregio" in the repository root.

The nencheck repository is itself a complete, fictional compliance repository (SPEC: "The
project's own repository is itself a complete example organisation"). This script writes it:

    nencheck.yaml  controls/  policies/  evidence/

and nothing else. It first deletes exactly those four paths, so it is idempotent, and it is
deterministic: all variation comes from ``random.Random(7510)`` (one fresh generator per record
kind, so editing one table does not reshuffle the others).

The data is designed to look right when evaluated on DESIGN_DATE (2026-11-23): about ten active
policies overdue for review, some eighteen due within 60 days, a few drafts and retired ones,
open findings of which some overdue, four expired evidence items, training compliance around
85 % with HAP and DIA clearly below target, a late breach notification and a late calamity report.
Nothing in it is a *data error* on any date: the date only changes which rules fire.

Everything is invented: organisation, roles, numbers, events. No real person or organisation.
Medical texts are placeholders, not guidelines.

Usage (Python 3.11, stdlib + PyYAML):

    python scripts/generate_example.py            # writes into the repository root
    python scripts/generate_example.py OTHER_DIR  # an empty dir, or an earlier generated copy

After writing it reads every file back, checks ids and references, and prints a summary.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import random
import shutil
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

SEED = 7510
DESIGN_DATE = date(2026, 11, 23)  # the "today" the example is tuned for (not a validity limit)
DUE_SOON_DAYS = 60
ORGANISATION = "Huisartsenzorg Voorbeeldregio"
MAIL_DOMAIN = "voorbeeldregio.example"

GENERATED_PATHS = ("nencheck.yaml", "controls", "policies", "evidence")

# --------------------------------------------------------------------------------------------
# Organisation
# --------------------------------------------------------------------------------------------

UNITS = [
    ("HAP", "Huisartsenspoedpost"),
    ("HCZ", "Huisartsen Chronische Zorg"),
    ("GGZ", "GGZ-ondersteuning"),
    ("DIA", "Diagnostisch Centrum"),
    ("MC", "Medisch Centrum"),
    ("PO", "Praktijkondersteuning"),
    ("STAF", "Staf en bestuursbureau"),
]
UNIT_IDS = [unit_id for unit_id, _name in UNITS]

# Every role that appears as an `owner:` anywhere, with the mailbox `nencheck notify` uses.
OWNERS = {
    "Bestuurder": "bestuur",
    "Informatiebeveiligingsfunctionaris": "ibf",
    "Privacy officer / FG": "fg",
    "Kwaliteitsfunctionaris": "kwaliteit",
    "Manager ICT": "manager.ict",
    "ICT-beheer": "ictbeheer",
    "Manager HR": "hr",
    "Facilitair coördinator": "facilitair",
    "Manager bedrijfsvoering": "bedrijfsvoering",
    "Communicatieadviseur": "communicatie",
    "Voorzitter VIM-commissie": "vim",
    "Medisch manager HAP": "medisch.hap",
    "Operationeel manager HAP": "operationeel.hap",
    "Teamleider triage": "triage",
    "Coördinator ketenzorg": "ketenzorg",
    "Teamleider GGZ": "ggz",
    "Laboratoriumcoördinator": "lab",
    "Manager Diagnostisch Centrum": "dc",
    "Praktijkmanager MC": "mc",
    "Coördinator praktijkondersteuning": "po",
}

# --------------------------------------------------------------------------------------------
# Control catalog: nen7510-2024 = ISO/IEC 27002:2022 (93) + NEN 7510-2:2024 healthcare (8).
# Identifiers and short titles only (used for the comment line of each control file).
# --------------------------------------------------------------------------------------------

CATALOG_TEXT = """
5.1 Policies for information security
5.2 Information security roles and responsibilities
5.3 Segregation of duties
5.4 Management responsibilities
5.5 Contact with authorities
5.6 Contact with special interest groups
5.7 Threat intelligence
5.8 Information security in project management
5.9 Inventory of information and other associated assets
5.10 Acceptable use of information and other associated assets
5.11 Return of assets
5.12 Classification of information
5.13 Labelling of information
5.14 Information transfer
5.15 Access control
5.16 Identity management
5.17 Authentication information
5.18 Access rights
5.19 Information security in supplier relationships
5.20 Addressing information security within supplier agreements
5.21 Managing information security in the ICT supply chain
5.22 Monitoring, review and change management of supplier services
5.23 Information security for use of cloud services
5.24 Information security incident management planning and preparation
5.25 Assessment and decision on information security events
5.26 Response to information security incidents
5.27 Learning from information security incidents
5.28 Collection of evidence
5.29 Information security during disruption
5.30 ICT readiness for business continuity
5.31 Legal, statutory, regulatory and contractual requirements
5.32 Intellectual property rights
5.33 Protection of records
5.34 Privacy and protection of PII
5.35 Independent review of information security
5.36 Compliance with policies, rules and standards for information security
5.37 Documented operating procedures
6.1 Screening
6.2 Terms and conditions of employment
6.3 Information security awareness, education and training
6.4 Disciplinary process
6.5 Responsibilities after termination or change of employment
6.6 Confidentiality or non-disclosure agreements
6.7 Remote working
6.8 Information security event reporting
7.1 Physical security perimeters
7.2 Physical entry
7.3 Securing offices, rooms and facilities
7.4 Physical security monitoring
7.5 Protecting against physical and environmental threats
7.6 Working in secure areas
7.7 Clear desk and clear screen
7.8 Equipment siting and protection
7.9 Security of assets off-premises
7.10 Storage media
7.11 Supporting utilities
7.12 Cabling security
7.13 Equipment maintenance
7.14 Secure disposal or re-use of equipment
8.1 User endpoint devices
8.2 Privileged access rights
8.3 Information access restriction
8.4 Access to source code
8.5 Secure authentication
8.6 Capacity management
8.7 Protection against malware
8.8 Management of technical vulnerabilities
8.9 Configuration management
8.10 Information deletion
8.11 Data masking
8.12 Data leakage prevention
8.13 Information backup
8.14 Redundancy of information processing facilities
8.15 Logging
8.16 Monitoring activities
8.17 Clock synchronization
8.18 Use of privileged utility programs
8.19 Installation of software on operational systems
8.20 Networks security
8.21 Security of network services
8.22 Segregation of networks
8.23 Web filtering
8.24 Use of cryptography
8.25 Secure development life cycle
8.26 Application security requirements
8.27 Secure system architecture and engineering principles
8.28 Secure coding
8.29 Security testing in development and acceptance
8.30 Outsourced development
8.31 Separation of development, test and production environments
8.32 Change management
8.33 Test information
8.34 Protection of information systems during audit testing
5.38 Analysis and specification of information security requirements (healthcare)
5.39 Unique identification of care recipients
5.40 Validation of displayed or printed data
5.41 Publicly available health information
5.42 Communication in emergencies
5.43 External reporting of incidents
6.9 Management training
8.35 Zero-trust principles for network segments
"""
CATALOG = [tuple(line.split(" ", 1)) for line in CATALOG_TEXT.strip().splitlines()]
THEME_FOLDERS = {"5": "5-organisatorisch", "6": "6-mensen", "7": "7-fysiek", "8": "8-technologisch"}
THEME_OWNERS = {
    "5": "Informatiebeveiligingsfunctionaris",
    "6": "Manager HR",
    "7": "Facilitair coördinator",
    "8": "Manager ICT",
}
THEME_JUSTIFICATION = {
    "5": "Volgt uit de risicoanalyse informatiebeveiliging en de eisen van NEN 7510.",
    "6": "Medewerkers werken dagelijks met medische persoonsgegevens.",
    "7": "Patiëntgegevens en apparatuur bevinden zich op onze eigen locaties.",
    "8": "Onze zorgprocessen steunen volledig op HIS, triagesysteem en ketenzorgsysteem.",
}

# The Statement of Applicability. A control not listed here is applicable and implemented,
# owned by the theme's owner for all units. Links may also come from the policy / evidence side.
CONTROLS: dict[str, dict[str, Any]] = {
    "5.1": dict(
        owner="Bestuurder",
        policies=["BEL-IB-001"],
        justification="Vastgesteld informatiebeveiligingsbeleid is de basis van het ISMS.",
    ),
    "5.2": dict(owner="Bestuurder"),
    "5.4": dict(owner="Bestuurder", evidence=["EV-2025-033"]),
    "5.6": dict(
        notes="Lid van het sectorale CERT en het regionale overleg van "
        "informatiebeveiligers; lidmaatschap en verslagen nog niet vastgelegd."
    ),
    "5.7": dict(
        status="planned",
        notes="Abonnement op dreigingsinformatie van het sectorale CERT gepland voor Q1 2027.",
    ),
    "5.9": dict(
        status="partial",
        owner="Manager ICT",
        notes="Assetregister ICT compleet; medische apparatuur nog niet (F-2026-CERT-02).",
    ),
    "5.12": dict(
        status="partial",
        notes="Classificatieschema vastgesteld, nog niet in alle "
        "documentsjablonen verwerkt (F-2026-CERT-05).",
    ),
    "5.13": dict(
        status="partial", notes="Labeling alleen in het documentplatform, niet in e-mail."
    ),
    "5.14": dict(policies=["PROC-IB-006"]),
    "5.15": dict(
        policies=["BEL-IB-005"],
        evidence=["EV-2026-010", "EV-2026-019"],
        justification="Toegang tot patiëntgegevens is kernrisico.",
    ),
    "5.18": dict(notes="Jaarlijkse review autorisaties 2026 loopt achter (F-2026-CERT-01)."),
    "5.21": dict(
        status="planned",
        owner="Manager ICT",
        notes="Eisen voor de ICT-toeleveringsketen worden meegenomen bij de "
        "aanbesteding werkplekbeheer 2027.",
    ),
    "5.22": dict(
        status="partial",
        evidence=["EV-2026-021"],
        notes="Beoordeling van HIS-leverancier gedaan; overige kritieke leveranciers volgen.",
    ),
    "5.23": dict(
        status="partial",
        owner="Manager ICT",
        notes="Cloudbeleid vastgesteld; exitstrategie per dienst nog niet uitgewerkt.",
    ),
    "5.24": dict(owner="Privacy officer / FG", policies=["PROC-IB-001", "PROC-IB-002"]),
    "5.30": dict(
        status="partial",
        owner="Manager ICT",
        notes="Uitwijk voor het triagesysteem getest; voor het ketenzorgsysteem nog niet.",
    ),
    "5.31": dict(owner="Privacy officer / FG"),
    "5.33": dict(owner="Privacy officer / FG"),
    "5.34": dict(
        owner="Privacy officer / FG",
        evidence=["EV-2025-021"],
        justification="Verwerking van gezondheidsgegevens (AVG art. 9, WGBO).",
    ),
    "5.35": dict(owner="Kwaliteitsfunctionaris"),
    "5.36": dict(owner="Kwaliteitsfunctionaris"),
    "5.37": dict(owner="Kwaliteitsfunctionaris"),
    "5.38": dict(
        status="partial",
        evidence=["EV-2026-029"],
        notes="Beveiligingseisen voor nieuwe zorgtoepassingen nog niet standaard in "
        "het aanschafproces.",
    ),
    "5.39": dict(
        units=["HAP", "HCZ", "DIA", "MC"],
        owner="Kwaliteitsfunctionaris",
        justification="Verwisseling van patiënten is een bekend risico bij "
        "monsterafname en uitslagen.",
    ),
    "5.40": dict(units=["DIA", "MC", "HAP"], owner="Laboratoriumcoördinator"),
    "5.41": dict(owner="Communicatieadviseur"),
    "5.42": dict(owner="Operationeel manager HAP", units=["HAP", "MC"]),
    "5.43": dict(owner="Privacy officer / FG"),
    "6.3": dict(owner="Informatiebeveiligingsfunctionaris", evidence=["EV-2026-008"]),
    "6.7": dict(
        status="partial",
        owner="Manager ICT",
        notes="Thuiswerkbeleid geldt; beveiligde werkplek thuis nog niet voor alle POH-GGZ.",
    ),
    "6.8": dict(owner="Informatiebeveiligingsfunctionaris"),
    "6.9": dict(
        status="planned",
        owner="Bestuurder",
        notes="Training informatiebeveiliging voor bestuur en MT gepland (F-2026-CERT-04).",
    ),
    "7.4": dict(
        status="partial",
        units=["HAP", "MC", "DIA"],
        notes="Camerabewaking en alarmopvolging bij HAP en MC; DIA volgt bij verbouwing.",
    ),
    "7.11": dict(units=["HAP", "MC", "DIA"], evidence=["EV-2025-035"]),
    "7.12": dict(
        units=["HAP", "MC", "DIA"],
        notes="Bekabeling loopt door afgesloten technische ruimtes; nog niet vastgelegd.",
    ),
    "7.14": dict(
        status="partial",
        owner="ICT-beheer",
        notes="Vernietiging via gecertificeerde verwerker; losse USB-sticks in praktijken "
        "nog niet geborgd.",
    ),
    "8.1": dict(
        status="partial",
        notes="Werkplekbeheer centraal; losse werkplekken in aangesloten praktijken nog niet.",
    ),
    "8.2": dict(
        status="partial",
        owner="ICT-beheer",
        notes="MFA voor beheeraccounts ingevoerd; periodieke review nog niet aantoonbaar.",
    ),
    "8.4": dict(
        applicable=False,
        justification="Geen eigen softwareontwikkeling: wij beheren geen "
        "broncode; applicaties zijn standaardpakketten.",
    ),
    "8.9": dict(
        status="partial",
        notes="Standaardconfiguratie werkplekken vastgelegd; netwerkcomponenten nog niet.",
    ),
    "8.11": dict(
        status="not_started",
        notes="Pseudonimisering van ketenzorgdata voor spiegelinformatie nog te regelen.",
    ),
    "8.12": dict(
        status="planned", notes="DLP-regels voor e-mail gepland bij migratie mailomgeving."
    ),
    "8.13": dict(owner="ICT-beheer", evidence=["EV-2026-002", "EV-2026-025"]),
    "8.15": dict(
        policies=["BEL-IB-012", "PROC-IB-004"],
        justification="Logging van inzage in patiëntdossiers is verplicht (NEN 7513).",
    ),
    "8.16": dict(
        status="planned", notes="Centrale logcorrelatie (SIEM) in aanbesteding (F-2025-EXT-05)."
    ),
    "8.22": dict(status="partial", notes="Gastnetwerk HAP nog niet gescheiden (F-2025-EXT-03)."),
    "8.23": dict(
        status="not_started",
        notes="Webfilter valt onder nieuwe werkplekomgeving 2027; "
        "risico tijdelijk geaccepteerd (F-2025-EXT-06).",
    ),
    "8.25": dict(
        applicable=False,
        justification="Geen eigen softwareontwikkeling; eisen aan "
        "leveranciers lopen via 8.26 en 5.20.",
    ),
    "8.28": dict(
        applicable=False,
        justification="Geen eigen softwareontwikkeling: wij schrijven geen programmacode.",
    ),
    "8.30": dict(
        applicable=False,
        justification="Geen uitbestede ontwikkeling; wij nemen alleen "
        "standaardsoftware en SaaS-diensten af.",
    ),
    "8.31": dict(
        status="partial",
        notes="Leverancier HIS levert een testomgeving; voor het "
        "ketenzorgsysteem ontbreekt die nog.",
    ),
    "8.33": dict(
        applicable=False,
        justification="Wij beheren geen test- of acceptatieomgevingen "
        "met eigen gegevens; leveranciers testen "
        "contractueel met synthetische gegevens.",
    ),
    "8.34": dict(
        status="planned",
        notes="Afspraken over audittests in productie worden opgenomen in de pentestopdracht 2026.",
    ),
    "8.35": dict(status="not_started", notes="Visiedocument zero trust in concept (BEL-IB-031)."),
}

# Two implemented controls are deliberately left without any linked policy or evidence,
# to demonstrate the rule `control-unsupported`.
UNSUPPORTED_ON_PURPOSE = {"5.6", "7.12"}

# --------------------------------------------------------------------------------------------
# Policies: folder per unit; defaults per folder; one row per document
# --------------------------------------------------------------------------------------------

FOLDERS = {
    # id infix: (folder, default owner, default approver, default units, label for comments)
    "ALG": ("algemeen", "Kwaliteitsfunctionaris", "Bestuurder", ["all"], "algemeen"),
    "IB": (
        "ib",
        "Informatiebeveiligingsfunctionaris",
        "Bestuurder",
        ["all"],
        "informatiebeveiliging",
    ),
    "HAP": ("hap", "Teamleider triage", "Medisch manager HAP", ["HAP"], "HAP"),
    "HCZ": ("hcz", "Coördinator ketenzorg", "Kaderhuisarts ketenzorg", ["HCZ"], "ketenzorg"),
    "GGZ": ("ggz", "Teamleider GGZ", "Kaderhuisarts GGZ", ["GGZ"], "GGZ"),
    "DIA": ("dia", "Laboratoriumcoördinator", "Manager Diagnostisch Centrum", ["DIA"], "DIA"),
    "MC": ("mc", "Praktijkmanager MC", "Huisarts-directeur MC", ["MC"], "MC"),
    "PO": (
        "po",
        "Coördinator praktijkondersteuning",
        "Manager bedrijfsvoering",
        ["PO"],
        "praktijkondersteuning",
    ),
}
TYPES = {
    "BEL": "policy",
    "PROT": "protocol",
    "PROC": "procedure",
    "WI": "work_instruction",
    "FORM": "form",
    "OVR": "other",
}
TYPE_LABELS = {
    "policy": "Beleid",
    "protocol": "Protocol",
    "procedure": "Procedure",
    "work_instruction": "Werkinstructie",
    "form": "Formulier",
    "other": "Document",
}
DEFAULT_INTERVAL = {
    "policy": "3y",
    "protocol": "2y",
    "procedure": "2y",
    "work_instruction": "1y",
    "form": "3y",
    "other": "2y",
}


@dataclass
class P:
    """One policy row. `state` steers the review date relative to DESIGN_DATE:
    'overdue', 'soon' (within 60 days) or 'ok' (default)."""

    id: str
    title: str
    owner: str | None = None
    every: str | None = None
    state: str = "ok"
    status: str = "active"
    controls: list[str] = field(default_factory=list)
    units: list[str] | None = None
    doc: bool = False
    audience: list[str] = field(default_factory=list)
    supersedes: str | None = None
    retired: date | None = None
    retired_reason: str | None = None
    history: bool = False
    notes: str | None = None
    approved_by: str | None = None
    # explicit values instead of generated ones
    version: str | None = None
    approved: date | None = None
    last_reviewed: date | None = None
    next_review: date | None = None
    reviews: list[tuple[date, str, str, str]] | None = None


POLICIES: list[P] = [
    # --- algemeen ---------------------------------------------------------------------------
    P("BEL-ALG-001", "Kwaliteitshandboek", history=True, audience=["alle medewerkers"]),
    P("BEL-ALG-002", "Klachtenregeling cliënten (Wkkgz)", every="2y", doc=True),
    P("BEL-ALG-003", "Regeling Veilig Incident Melden (VIM)", owner="Voorzitter VIM-commissie"),
    P(
        "BEL-ALG-004",
        "Meldcode huiselijk geweld en kindermishandeling",
        every="2y",
        audience=["huisartsen", "triagisten", "POH-GGZ"],
    ),
    P("BEL-ALG-006", "Scholingsbeleid", owner="Manager HR", controls=["6.3"]),
    P("BEL-ALG-007", "Beleid agressie en ongewenst gedrag", owner="Manager HR"),
    P(
        "BEL-ALG-008",
        "Bedrijfshulpverlening (BHV)",
        owner="Facilitair coördinator",
        controls=["7.5"],
    ),
    P(
        "BEL-ALG-009",
        "Integriteitscode en klokkenluidersregeling",
        owner="Bestuurder",
        approved_by="Raad van toezicht",
        controls=["6.4"],
    ),
    P(
        "BEL-ALG-010",
        "Inkoop- en contractbeleid",
        owner="Manager bedrijfsvoering",
        controls=["5.19", "5.20"],
    ),
    P(
        "PROC-ALG-001",
        "Calamiteitenprocedure en melding aan de IGJ",
        controls=["5.5", "5.43"],
        doc=True,
        history=True,
    ),
    P(
        "PROC-ALG-002",
        "Inwerkprogramma nieuwe medewerkers",
        owner="Manager HR",
        controls=["6.2", "6.3"],
    ),
    P(
        "PROC-ALG-003",
        "Directiebeoordeling (managementreview)",
        owner="Bestuurder",
        approved_by="Raad van toezicht",
        every="1y",
        controls=["5.4", "5.35"],
    ),
    P("PROC-ALG-004", "Interne audits", controls=["5.35", "5.36"]),
    P("PROC-ALG-005", "Documentbeheer en versiebeheer", controls=["5.37"], doc=True),
    P(
        "PROC-ALG-006",
        "Ontruimingsplan",
        owner="Facilitair coördinator",
        every="1y",
        controls=["7.5"],
    ),
    P(
        "PROC-ALG-007",
        "Verzoeken om inzage, afschrift en correctie van het dossier",
        owner="Privacy officer / FG",
        controls=["5.34"],
    ),
    P(
        "PROC-ALG-008",
        "Toestemming voor gegevensuitwisseling via het LSP",
        owner="Privacy officer / FG",
        controls=["5.14", "5.34"],
    ),
    P(
        "PROC-ALG-009",
        "Publicatie van patiëntinformatie op de website",
        owner="Communicatieadviseur",
        controls=["5.41"],
    ),
    P(
        "PROC-ALG-011",
        "Crisiscommunicatie bij calamiteiten en grote storingen",
        owner="Communicatieadviseur",
        controls=["5.29", "5.42"],
    ),
    P("PROT-ALG-001", "Prikaccidenten en bloedcontact", audience=["alle zorgmedewerkers"]),
    P(
        "PROT-ALG-002",
        "Hygiëne en infectiepreventie",
        state="soon",
        doc=True,
        audience=["alle zorgmedewerkers"],
    ),
    P("PROT-ALG-003", "Reanimatie en AED-gebruik", owner="Medisch manager HAP", every="1y"),
    P("FORM-ALG-001", "Meldformulier incident (VIM)", owner="Voorzitter VIM-commissie"),
    P(
        "OVR-ALG-001",
        "Organogram en mandaatregeling",
        owner="Bestuurder",
        approved_by="Raad van toezicht",
        controls=["5.2", "5.3"],
    ),
    # --- informatiebeveiliging ---------------------------------------------------------------
    P(
        "BEL-IB-001",
        "Informatiebeveiligingsbeleid",
        owner="Informatiebeveiligingsfunctionaris",
        every="1y",
        controls=["5.1", "5.2", "5.4", "5.36"],
        doc=True,
        audience=["alle medewerkers"],
        version="5.0",
        approved=date(2025, 12, 10),
        last_reviewed=date(2025, 12, 10),
        next_review=date(2026, 12, 15),
        reviews=[
            (date(2023, 12, 12), "Bestuurder", "3.0", "Aangepast aan ISO 27002:2022"),
            (date(2024, 12, 11), "Bestuurder", "4.0", "Aangepast aan NEN 7510:2024"),
            (date(2025, 12, 10), "Bestuurder", "5.0", "Vastgesteld in de directiebeoordeling"),
        ],
        notes="Vaststelling gekoppeld aan de directiebeoordeling van december.",
    ),
    P(
        "BEL-IB-002",
        "Rollen en verantwoordelijkheden informatiebeveiliging",
        controls=["5.2", "5.3"],
    ),
    P(
        "BEL-IB-003",
        "Gebruik van internet en e-mail",
        status="retired",
        controls=["5.10"],
        retired=date(2025, 1, 31),
        retired_reason="Opgegaan in BEL-IB-025 Acceptabel gebruik van ICT-middelen",
    ),
    P("BEL-IB-004", "Classificatie en labeling van informatie", controls=["5.12", "5.13"]),
    P(
        "BEL-IB-005",
        "Toegangsbeleid patiëntgegevens",
        controls=["5.15", "5.18", "8.3"],
        doc=True,
        history=True,
    ),
    P(
        "BEL-IB-006",
        "Identiteits- en accountbeheer",
        owner="Manager ICT",
        controls=["5.16", "5.18"],
    ),
    P(
        "BEL-IB-007",
        "Wachtwoordbeleid",
        every="2y",
        state="soon",
        controls=["5.17", "8.5"],
        doc=True,
        audience=["alle medewerkers"],
    ),
    P("BEL-IB-008", "Informatiebeveiliging bij leveranciers", controls=["5.19", "5.20", "5.22"]),
    P("BEL-IB-009", "Gebruik van clouddiensten", owner="Manager ICT", controls=["5.23"]),
    P("BEL-IB-010", "Back-upbeleid", owner="Manager ICT", controls=["8.13", "8.14"], doc=True),
    P("BEL-IB-011", "Cryptografiebeleid", owner="Manager ICT", controls=["8.24"]),
    P(
        "BEL-IB-012",
        "Logging en monitoring",
        owner="Manager ICT",
        controls=["8.15", "8.16", "8.17"],
    ),
    P(
        "BEL-IB-013",
        "Patch- en kwetsbaarhedenbeheer",
        owner="Manager ICT",
        every="1y",
        controls=["8.7", "8.8"],
        doc=True,
    ),
    P(
        "BEL-IB-014",
        "Mobiele apparaten en thuiswerken",
        state="overdue",
        controls=["6.7", "7.9", "8.1"],
        audience=["alle medewerkers"],
    ),
    P("BEL-IB-015", "Clean desk en clear screen", controls=["7.7"], audience=["alle medewerkers"]),
    P(
        "BEL-IB-016",
        "Bewaartermijnen en vernietiging van dossiers",
        owner="Privacy officer / FG",
        controls=["5.33", "8.10"],
    ),
    P(
        "BEL-IB-017",
        "Privacybeleid (AVG)",
        owner="Privacy officer / FG",
        controls=["5.31", "5.34"],
        doc=True,
        history=True,
    ),
    P(
        "BEL-IB-018",
        "Continuïteit van de ICT-dienstverlening",
        owner="Manager ICT",
        controls=["5.29", "5.30", "7.11", "8.14"],
    ),
    P(
        "BEL-IB-019",
        "Netwerkbeveiliging en segmentatie",
        owner="Manager ICT",
        controls=["8.20", "8.21", "8.22"],
    ),
    P(
        "BEL-IB-020",
        "Fysieke beveiliging van locaties",
        owner="Facilitair coördinator",
        controls=["7.1", "7.2", "7.3", "7.6", "7.8"],
    ),
    P(
        "BEL-IB-021",
        "Wijzigings- en configuratiebeheer",
        owner="Manager ICT",
        controls=["8.9", "8.19", "8.32"],
    ),
    P(
        "BEL-IB-022",
        "Screening, geheimhouding en sancties",
        owner="Manager HR",
        controls=["6.1", "6.2", "6.4", "6.6"],
    ),
    P(
        "BEL-IB-023",
        "Informatiebeveiliging in projecten en bij aanschaf",
        controls=["5.8", "8.26", "8.27", "8.29"],
    ),
    P(
        "BEL-IB-025",
        "Acceptabel gebruik van ICT-middelen",
        controls=["5.10", "6.2"],
        supersedes="BEL-IB-003",
        audience=["alle medewerkers"],
        version="1.0",
        approved=date(2025, 1, 31),
        last_reviewed=date(2025, 1, 31),
    ),
    P(
        "BEL-IB-030",
        "Gebruik van AI-toepassingen en chatbots",
        status="draft",
        controls=["5.10", "5.34"],
        doc=True,
        notes="Concept; bespreking in het MT van december 2026.",
    ),
    P(
        "BEL-IB-031",
        "Zero-trust netwerkarchitectuur (visiedocument)",
        status="draft",
        owner="Manager ICT",
        controls=["8.22", "8.35"],
    ),
    P(
        "PROC-IB-001",
        "Meldprocedure datalekken",
        owner="Privacy officer / FG",
        state="soon",
        every="1y",
        controls=["5.5", "5.24", "5.25", "5.26", "5.43", "6.8"],
        doc=True,
        history=True,
        audience=["alle medewerkers"],
    ),
    P(
        "PROC-IB-002",
        "Afhandeling van beveiligingsincidenten",
        controls=["5.24", "5.25", "5.26", "5.27", "5.28"],
        doc=True,
    ),
    P(
        "PROC-IB-003",
        "In-, door- en uitstroom: accounts en middelen",
        owner="Manager ICT",
        controls=["5.11", "5.18", "6.5"],
    ),
    P(
        "PROC-IB-004",
        "Logcontrole inzage patiëntdossiers (NEN 7513)",
        every="1y",
        controls=["5.15", "8.15"],
        doc=True,
    ),
    P("PROC-IB-005", "Restoretest back-up", owner="ICT-beheer", every="1y", controls=["8.13"]),
    P(
        "PROC-IB-006",
        "Veilig uitwisselen van patiëntgegevens per e-mail",
        controls=["5.14", "8.12", "8.24"],
        doc=True,
        audience=["alle medewerkers"],
    ),
    P(
        "PROC-IB-007",
        "Vernietiging van gegevensdragers en apparatuur",
        owner="ICT-beheer",
        controls=["7.10", "7.14", "8.10"],
    ),
    P(
        "PROC-IB-008",
        "Beheer van beheeraccounts",
        owner="ICT-beheer",
        state="overdue",
        every="1y",
        controls=["8.2", "8.18"],
    ),
    P(
        "PROC-IB-009",
        "Installatie van software en bescherming tegen malware",
        owner="ICT-beheer",
        controls=["8.7", "8.19"],
    ),
    P(
        "PROC-IB-010",
        "Patiëntidentificatie en controle van gegevens in het HIS",
        owner="Kwaliteitsfunctionaris",
        controls=["5.39", "5.40"],
    ),
    P("PROC-IB-011", "Risicoanalyse informatiebeveiliging", every="1y", controls=["5.7", "5.38"]),
    P(
        "PROC-IB-012",
        "Noodcommunicatie bij uitval van ICT",
        owner="Manager ICT",
        controls=["5.29", "5.42"],
    ),
    P("WI-IB-001", "Werkinstructie phishing melden", controls=["6.8"]),
    P(
        "WI-IB-002",
        "Werkinstructie tweestapsverificatie instellen",
        owner="ICT-beheer",
        controls=["8.5"],
        doc=True,
    ),
    P("FORM-IB-002", "Geheimhoudingsverklaring", owner="Manager HR", controls=["6.6"]),
    P("FORM-IB-003", "Aanvraagformulier autorisatie HIS", owner="ICT-beheer", controls=["5.18"]),
    # --- HAP: huisartsenspoedpost ------------------------------------------------------------
    P("PROT-HAP-001", "Triage bij buikpijn", audience=["triagisten", "huisartsen"]),
    P(
        "PROT-HAP-002",
        "Triage bij kortademigheid",
        state="soon",
        doc=True,
        audience=["triagisten", "huisartsen"],
    ),
    P("PROT-HAP-003", "Triage bij koorts bij kinderen", history=True),
    P("PROT-HAP-004", "Triage bij wonden en verwondingen"),
    P("PROT-HAP-005", "Triage bij neurologische uitval (verdenking CVA/TIA)", state="overdue"),
    P(
        "PROT-HAP-006",
        "Triage bij suïcidale uitingen en acute psychiatrie",
        owner="Medisch manager HAP",
        approved_by="Bestuurder",
    ),
    P("PROT-HAP-007", "Triage bij allergische reactie en anafylaxie"),
    P("PROT-HAP-008", "Triage bij bloedverlies in de zwangerschap"),
    P(
        "PROT-HAP-009",
        "Triage bij pijn op de borst (NTS-versie 2019)",
        status="retired",
        retired=date(2024, 3, 12),
        retired_reason="Vervangen door PROT-HAP-014 na herziening van de triagewijzer",
    ),
    P("PROT-HAP-010", "Triage bij kwetsbare ouderen", state="overdue"),
    P("PROT-HAP-011", "Terugbelprotocol", state="soon", doc=True, every="1y"),
    P(
        "PROT-HAP-012",
        "Verwijzing naar de spoedeisende hulp",
        owner="Medisch manager HAP",
        approved_by="Bestuurder",
    ),
    P(
        "PROT-HAP-013",
        "Samenwerking met de ambulancedienst (A1/A2-inzet)",
        owner="Medisch manager HAP",
        approved_by="Bestuurder",
    ),
    P(
        "PROT-HAP-014",
        "Triage bij pijn op de borst",
        every="2y",
        doc=True,
        audience=["triagisten", "huisartsen"],
        supersedes="PROT-HAP-009",
        version="4.0",
        approved=date(2024, 3, 12),
        last_reviewed=date(2025, 3, 18),
        next_review=date(2026, 11, 23),
        reviews=[
            (
                date(2024, 3, 12),
                "Medisch manager HAP",
                "4.0",
                "Nieuwe versie na herziening van de triagewijzer",
            ),
            (date(2025, 3, 18), "Teamleider triage", "4.0", "Inhoudelijk ongewijzigd"),
        ],
        notes="Herziening vervroegd: landelijke herziening van de triagewijzer verwacht.",
    ),
    P(
        "PROT-HAP-015",
        "Visites en de rijdende huisarts",
        owner="Medisch manager HAP",
        approved_by="Bestuurder",
    ),
    P(
        "PROT-HAP-016",
        "Medicatieverstrekking op de huisartsenpost",
        owner="Medisch manager HAP",
        approved_by="Bestuurder",
        history=True,
    ),
    P(
        "PROT-HAP-017",
        "Opiaten in de visiteauto (Opiumwet)",
        owner="Medisch manager HAP",
        approved_by="Bestuurder",
        every="1y",
    ),
    P(
        "PROT-HAP-018",
        "Lijkschouw en overlijden buiten kantoortijd",
        owner="Medisch manager HAP",
        approved_by="Bestuurder",
    ),
    P(
        "PROT-HAP-019",
        "Triage bij hitteklachten",
        status="draft",
        notes="Concept voor de zomer van 2027; afstemming met de GGD loopt.",
    ),
    P(
        "PROC-HAP-001",
        "Telefonische bereikbaarheid spoedlijn",
        owner="Operationeel manager HAP",
        every="1y",
        state="soon",
        doc=True,
    ),
    P(
        "PROC-HAP-002",
        "Dienstrooster en waarneming huisartsen",
        owner="Operationeel manager HAP",
        every="6m",
    ),
    P("PROC-HAP-003", "Waarneembericht naar de eigen huisarts", controls=["5.14"]),
    P(
        "PROC-HAP-004",
        "Noodprocedure bij uitval van telefonie en HIS",
        owner="Operationeel manager HAP",
        every="1y",
        controls=["5.29", "5.42"],
        doc=True,
    ),
    P(
        "PROC-HAP-005",
        "Supervisie van triagisten door de regiearts",
        owner="Medisch manager HAP",
        approved_by="Bestuurder",
    ),
    P(
        "PROC-HAP-006",
        "Beheer visiteauto en medische tas",
        owner="Operationeel manager HAP",
        state="overdue",
        every="1y",
    ),
    P("PROC-HAP-007", "Omgaan met agressie aan de balie", owner="Operationeel manager HAP"),
    P(
        "PROC-HAP-008",
        "Bewaren en terugluisteren van gespreksopnames",
        owner="Operationeel manager HAP",
        controls=["5.33", "8.15"],
    ),
    P("WI-HAP-001", "Werkinstructie inloggen triagesysteem met zorgpas", controls=["5.17", "8.5"]),
    P("WI-HAP-002", "Werkinstructie controle noodkoffer en AED", every="6m"),
    P("WI-HAP-004", "Werkinstructie ECG maken op de post", state="soon"),
    P("FORM-HAP-001", "Checklist visiteauto", owner="Operationeel manager HAP"),
    P("FORM-HAP-002", "Overdrachtsformulier dienstwissel"),
    # --- HCZ: ketenzorg ------------------------------------------------------------------------
    P(
        "PROT-HCZ-001",
        "Ketenzorg diabetes mellitus type 2",
        doc=True,
        every="2y",
        version="6.1",
        approved=date(2025, 4, 8),
        last_reviewed=date(2025, 4, 8),
        next_review=date(2027, 3, 1),
        history=True,
        notes="Herziening afgestemd op het verschijnen van de nieuwe landelijke standaard.",
    ),
    P("PROT-HCZ-002", "Ketenzorg COPD", state="soon"),
    P("PROT-HCZ-003", "Ketenzorg astma"),
    P("PROT-HCZ-004", "Cardiovasculair risicomanagement (CVRM)", history=True),
    P("PROT-HCZ-005", "Zorg voor kwetsbare ouderen", state="overdue"),
    P("PROT-HCZ-006", "Voetonderzoek bij diabetes"),
    P("PROT-HCZ-007", "Starten met insuline"),
    P(
        "PROT-HCZ-009",
        "Ketenzorg hartfalen",
        status="draft",
        notes="Concept; wacht op afspraken met de cardiologen in de regio.",
    ),
    P("PROC-HCZ-001", "Medicatieoverdracht", state="soon", doc=True, units=["HCZ", "MC", "HAP"]),
    P(
        "PROC-HCZ-002",
        "Papieren dossiervoering ketenzorg",
        status="retired",
        retired=date(2024, 9, 30),
        retired_reason="Dossiervoering volledig digitaal in het ketenzorgsysteem",
    ),
    P("PROC-HCZ-003", "Gegevensuitwisseling met ketenpartners", controls=["5.14", "5.34"]),
    P("PROC-HCZ-004", "Jaarcontrole en oproepsysteem"),
    P("WI-HCZ-001", "Werkinstructie inhalatie-instructie", audience=["POH-somatiek"]),
    P(
        "WI-HCZ-003",
        "Werkinstructie patiënt aanmelden in het ketenzorgsysteem",
        controls=["5.39"],
        supersedes="PROC-HCZ-002",
        version="1.1",
        approved=date(2025, 9, 15),
        last_reviewed=date(2026, 9, 14),
        reviews=[
            (
                date(2024, 9, 30),
                "Kaderhuisarts ketenzorg",
                "1.0",
                "Eerste versie bij de overgang naar het ketenzorgsysteem",
            ),
            (
                date(2025, 9, 15),
                "Kaderhuisarts ketenzorg",
                "1.1",
                "Schermafbeeldingen bijgewerkt na update",
            ),
            (date(2026, 9, 14), "Coördinator ketenzorg", "1.1", "Inhoudelijk ongewijzigd"),
        ],
    ),
    P("FORM-HCZ-001", "Individueel zorgplan"),
    P("FORM-HCZ-002", "Toestemmingsformulier deelname ketenzorg", controls=["5.34"]),
    # --- GGZ ------------------------------------------------------------------------------------
    P("PROT-GGZ-001", "Werkwijze POH-GGZ in de huisartsenpraktijk"),
    P(
        "PROT-GGZ-002",
        "Suïcidepreventie en risicotaxatie",
        every="1y",
        doc=True,
        version="3.2",
        approved=date(2026, 6, 12),
        last_reviewed=date(2026, 6, 12),
        next_review=date(2027, 6, 30),
        audience=["POH-GGZ", "huisartsen", "triagisten"],
        notes="Herziening afgestemd op de regionale zorgstandaard suïcidepreventie.",
    ),
    P(
        "PROT-GGZ-003",
        "Consulten op afstand tijdens coronamaatregelen",
        status="retired",
        retired=date(2024, 5, 31),
        retired_reason="Tijdelijke regeling vervallen; opgenomen in "
        "PROT-GGZ-008 Beeldbellen met cliënten",
    ),
    P("PROT-GGZ-004", "Verwijzing naar de specialistische GGZ", state="soon"),
    P("PROT-GGZ-005", "Kortdurende begeleiding bij angst en somberheid"),
    P("PROT-GGZ-006", "Middelengebruik en verslaving"),
    P(
        "PROT-GGZ-008",
        "Beeldbellen met cliënten",
        controls=["6.7", "8.21"],
        supersedes="PROT-GGZ-003",
        version="1.0",
        approved=date(2024, 5, 31),
        last_reviewed=date(2026, 5, 29),
        reviews=[
            (date(2024, 5, 31), "Kaderhuisarts GGZ", "1.0", "Eerste versie; vervangt PROT-GGZ-003"),
            (date(2026, 5, 29), "Teamleider GGZ", "1.0", "Inhoudelijk ongewijzigd"),
        ],
    ),
    P("PROC-GGZ-001", "Intake door de POH-GGZ"),
    P(
        "PROC-GGZ-002",
        "Dossiervoering en privacy POH-GGZ",
        state="soon",
        controls=["5.15", "5.34"],
        doc=True,
    ),
    P("PROC-GGZ-003", "Intervisie en casuïstiekbespreking"),
    P("PROC-GGZ-004", "Acute GGZ en crisisdienst buiten kantoortijd", units=["GGZ", "HAP"]),
    P("PROC-GGZ-005", "Inzet van e-healthmodules", controls=["5.23"]),
    P("FORM-GGZ-001", "Behandelovereenkomst POH-GGZ"),
    P("FORM-GGZ-002", "Signaleringsplan"),
    # --- DIA: diagnostisch centrum ----------------------------------------------------------------
    P("PROT-DIA-001", "Bloedafname (venapunctie)", state="soon", audience=["laboranten"]),
    P("PROT-DIA-002", "Bloedafname bij kinderen"),
    P(
        "PROT-DIA-003",
        "Echografie van het abdomen",
        owner="Manager Diagnostisch Centrum",
        approved_by="Bestuurder",
    ),
    P(
        "PROT-DIA-005",
        "Stralingshygiëne bij röntgenonderzoek",
        owner="Manager Diagnostisch Centrum",
        approved_by="Bestuurder",
        every="1y",
    ),
    P(
        "PROC-DIA-001",
        "Aanvragen en uitslagen via beveiligde berichtuitwisseling",
        controls=["5.14", "5.40"],
        supersedes="WI-DIA-001",
        version="1.1",
        approved=date(2025, 6, 30),
        last_reviewed=date(2025, 6, 30),
    ),
    P(
        "PROC-DIA-002",
        "Patiëntidentificatie bij monsterafname",
        controls=["5.39"],
        doc=True,
        history=True,
    ),
    P("PROC-DIA-003", "Kwaliteitscontrole van analyzers", controls=["7.13"], every="1y"),
    P(
        "PROC-DIA-004",
        "Doorgeven van kritieke uitslagen",
        controls=["5.40"],
        doc=True,
        version="2.3",
        approved=date(2025, 9, 1),
        last_reviewed=date(2025, 9, 1),
        every="2y",
        next_review=date(2026, 8, 31),
        notes="Herziening vervroegd na de interne audit van juni 2026.",
    ),
    P("PROC-DIA-005", "Transport en opslag van monsters"),
    P(
        "PROC-DIA-006",
        "Onderhoud en keuring van medische apparatuur",
        owner="Manager Diagnostisch Centrum",
        approved_by="Bestuurder",
        controls=["7.8", "7.13"],
    ),
    P(
        "WI-DIA-001",
        "Werkinstructie faxen van uitslagen",
        status="retired",
        retired=date(2025, 6, 30),
        retired_reason="Faxverkeer uitgefaseerd; uitslagen alleen nog "
        "via beveiligde berichtuitwisseling",
    ),
    P("WI-DIA-002", "Werkinstructie spirometrie", state="soon", doc=True),
    P("WI-DIA-003", "Werkinstructie enkel-armindex", state="overdue"),
    P("WI-DIA-004", "Werkinstructie INR-bepaling met sneltest"),
    P("WI-DIA-005", "Werkinstructie 24-uursbloeddrukmeting"),
    P("WI-DIA-006", "Werkinstructie centrifuge en kalibratie", state="overdue"),
    P("FORM-DIA-002", "Registratieformulier koelkasttemperatuur", every="2y"),
    # --- MC: medisch centrum ----------------------------------------------------------------------
    P("PROT-MC-001", "Herhaalrecepten en medicatiebewaking", history=True),
    P("PROT-MC-002", "Wondzorg"),
    P("PROT-MC-003", "Vaccinaties en griepprik", every="1y"),
    P("PROT-MC-004", "Kleine chirurgische verrichtingen", state="overdue"),
    P("PROC-MC-001", "Balie: patiëntidentificatie en inschrijving", controls=["5.39"]),
    P("PROC-MC-002", "Telefonische triage overdag door de doktersassistent"),
    P("PROC-MC-003", "Beheer van koelkast en vaccins", state="soon", every="1y", doc=True),
    P("PROC-MC-004", "Samenwerking met apotheek en fysiotherapie", controls=["5.14"]),
    P(
        "PROC-MC-005",
        "Sleutelplan en toegang tot het gebouw",
        owner="Facilitair coördinator",
        controls=["7.2", "7.3"],
    ),
    P("WI-MC-001", "Werkinstructie sterilisatie met de autoclaaf"),
    P("WI-MC-002", "Werkinstructie uitstrijkje baarmoederhals", state="soon"),
    P(
        "WI-MC-004",
        "Werkinstructie patiëntportaal activeren",
        status="draft",
        controls=["5.17"],
        notes="Concept; ingang na livegang van het nieuwe patiëntportaal.",
    ),
    P("FORM-MC-001", "Toestemmingsformulier kleine chirurgie"),
    P(
        "FORM-MC-002",
        "Checklist afsluiten gebouw",
        owner="Facilitair coördinator",
        controls=["7.3"],
    ),
    # --- PO: praktijkondersteuning ----------------------------------------------------------------
    P(
        "BEL-PO-001",
        "Dienstverleningsovereenkomst aangesloten praktijken",
        owner="Manager bedrijfsvoering",
        approved_by="Bestuurder",
        controls=["5.20"],
    ),
    P(
        "BEL-PO-002",
        "Verwerkersovereenkomst aangesloten praktijken",
        owner="Privacy officer / FG",
        controls=["5.20", "5.34"],
    ),
    P("PROC-PO-001", "Ondersteuning bij praktijkaccreditatie"),
    P(
        "PROC-PO-002",
        "Praktijkbezoeken informatiebeveiliging",
        state="soon",
        every="1y",
        controls=["5.35", "5.36"],
        doc=True,
    ),
    P(
        "PROC-PO-003",
        "Aansluiten van een nieuwe praktijk op de ICT van de zorggroep",
        controls=["5.18", "8.1"],
    ),
    P("PROC-PO-004", "Helpdesk praktijkondersteuning"),
    P("PROT-PO-001", "Modelprotocol telefonische triage doktersassistent"),
    P("PROT-PO-002", "Modelprotocol herhaalrecepten"),
    P("WI-PO-002", "Werkinstructie beveiligd mailen", controls=["5.14", "8.24"], doc=True),
    P("WI-PO-003", "Werkinstructie werken op afstand via VPN", controls=["6.7", "8.5"]),
    P(
        "WI-PO-004",
        "Werkinstructie Windows 10-werkplekken",
        status="retired",
        retired=date(2026, 10, 14),
        retired_reason="Windows 10 buiten ondersteuning; alle werkplekken zijn gemigreerd",
    ),
    P("FORM-PO-001", "Checklist praktijkbezoek", controls=["5.36"]),
    P("FORM-PO-002", "Zelfevaluatie informatiebeveiliging praktijk", controls=["5.36"]),
]

REVIEW_NOTES_SAME = [
    "Inhoudelijk ongewijzigd",
    "Inhoudelijk ongewijzigd",
    "Alleen contactgegevens bijgewerkt",
    "Geen wijzigingen nodig",
]
REVIEW_NOTES_NEW = [
    "Aangepast aan de nieuwe landelijke richtlijn",
    "Herzien na interne audit",
    "Werkwijze aangepast na incidentevaluatie",
    "Nieuwe versie vastgesteld",
]

# Short fictional texts for the ~30 policies with a document (policies/documents/<id>.md):
# purpose, then the steps.
DOCUMENTS: dict[str, tuple[str, list[str]]] = {
    "BEL-ALG-002": (
        "Cliënten kunnen laagdrempelig een klacht indienen en krijgen binnen zes weken "
        "een oordeel, zoals de Wkkgz vraagt.",
        [
            "Klachten worden binnen vijf werkdagen bevestigd.",
            "De klachtenfunctionaris bemiddelt; de cliënt kan naar de geschilleninstantie.",
            "Jaarlijks analyseert de kwaliteitsfunctionaris alle klachten.",
        ],
    ),
    "PROC-ALG-001": (
        "Een calamiteit wordt binnen drie werkdagen gemeld bij de IGJ en "
        "onderzocht volgens een vaste methode.",
        [
            "Iedere medewerker meldt direct aan de dienstdoende leidinggevende.",
            "De bestuurder beslist over de melding en meldt binnen drie werkdagen.",
            "Een onderzoekscommissie rapporteert binnen acht weken.",
        ],
    ),
    "PROC-ALG-005": (
        "Alle protocollen en beleidsdocumenten hebben een eigenaar, een versie en "
        "een herzieningsdatum, vastgelegd in nencheck.",
        [
            "Nieuwe versies worden via een wijzigingsvoorstel (pull request) beoordeeld.",
            "De vaststelling staat in het veld approved_by / approved.",
            "Verlopen documenten worden maandelijks aan de eigenaar gemeld.",
        ],
    ),
    "PROT-ALG-002": (
        "Medewerkers voorkomen overdracht van micro-organismen tussen patiënten, "
        "medewerkers en omgeving.",
        [
            "Handhygiëne volgens de vijf momenten.",
            "Persoonlijke beschermingsmiddelen bij contact met lichaamsvochten.",
            "Reiniging van werkplekken en instrumenten volgens het schoonmaakschema.",
        ],
    ),
    "BEL-IB-001": (
        "Huisartsenzorg Voorbeeldregio beschermt de vertrouwelijkheid, integriteit en "
        "beschikbaarheid van patiëntgegevens volgens NEN 7510.",
        [
            "De bestuurder is eindverantwoordelijk; de informatiebeveiligingsfunctionaris "
            "coördineert.",
            "Risico's worden jaarlijks geanalyseerd en in de directiebeoordeling besproken.",
            "Iedere medewerker volgt jaarlijks de verplichte awarenessmodules.",
        ],
    ),
    "BEL-IB-005": (
        "Medewerkers krijgen alleen toegang tot patiëntgegevens die zij voor hun taak "
        "nodig hebben.",
        [
            "Autorisaties volgen uit de functie (rolgebaseerde toegang).",
            "Inzage zonder behandelrelatie is verboden en wordt gecontroleerd via de logging.",
            "Leidinggevenden beoordelen autorisaties jaarlijks.",
        ],
    ),
    "BEL-IB-007": (
        "Wachtwoorden en tweestapsverificatie beschermen de toegang tot onze systemen.",
        [
            "Minimaal veertien tekens; een wachtzin wordt aangeraden.",
            "Tweestapsverificatie is verplicht voor toegang van buiten het netwerk.",
            "Wachtwoorden worden nooit gedeeld, ook niet met ICT-beheer.",
        ],
    ),
    "BEL-IB-010": (
        "Gegevens kunnen na verlies of versleuteling door ransomware worden hersteld.",
        [
            "Dagelijkse back-up, versleuteld en op een gescheiden locatie.",
            "Eén kopie is onveranderbaar (immutable) gedurende dertig dagen.",
            "Ieder kwartaal een restoretest, vastgelegd als bewijs.",
        ],
    ),
    "BEL-IB-013": (
        "Bekende kwetsbaarheden worden tijdig verholpen.",
        [
            "Kritieke updates binnen veertien dagen, overige binnen dertig dagen.",
            "Maandelijkse patchrapportage aan de manager ICT.",
            "Jaarlijks een externe toets door een onafhankelijk bureau.",
        ],
    ),
    "BEL-IB-017": (
        "Wij verwerken persoonsgegevens van patiënten en medewerkers rechtmatig, "
        "behoorlijk en transparant.",
        [
            "Het verwerkingsregister wordt door de FG bijgehouden.",
            "Voor nieuwe verwerkingen met hoog risico wordt een DPIA uitgevoerd.",
            "Verzoeken van betrokkenen worden binnen een maand afgehandeld.",
        ],
    ),
    "BEL-IB-030": (
        "Concept: kaders voor het gebruik van AI-toepassingen en chatbots.",
        [
            "Geen patiëntgegevens in openbare AI-diensten.",
            "Gebruik alleen goedgekeurde toepassingen met verwerkersovereenkomst.",
            "Uitkomsten worden altijd door een zorgverlener beoordeeld.",
        ],
    ),
    "PROC-IB-001": (
        "Een datalek wordt snel beoordeeld en zo nodig binnen 72 uur gemeld bij de "
        "Autoriteit Persoonsgegevens (AVG art. 33).",
        [
            "Meld ieder vermoeden direct bij de privacy officer / FG.",
            "De FG beoordeelt het risico en registreert het lek in nencheck.",
            "Bij hoog risico worden ook de betrokken patiënten geïnformeerd.",
        ],
    ),
    "PROC-IB-002": (
        "Beveiligingsincidenten worden eenduidig geregistreerd, beoordeeld, "
        "afgehandeld en geëvalueerd.",
        [
            "Melding via de servicedesk of de informatiebeveiligingsfunctionaris.",
            "Classificatie binnen vier uur; bij hoge prioriteit een crisisteam.",
            "Evaluatie en verbeteracties binnen een maand na afsluiting.",
        ],
    ),
    "PROC-IB-004": (
        "Ongeoorloofde inzage in patiëntdossiers wordt ontdekt en aangepakt.",
        [
            "Ieder kwartaal een steekproef en gerichte controles op bekende patiënten.",
            "Afwijkingen worden met de leidinggevende besproken.",
            "Resultaten worden vastgelegd als bewijs (evidence/records).",
        ],
    ),
    "PROC-IB-006": (
        "Patiëntgegevens worden alleen via beveiligde kanalen verstuurd.",
        [
            "Gebruik de beveiligde e-maildienst of berichtuitwisseling in het HIS.",
            "Controleer de ontvanger voordat u verstuurt.",
            "Verkeerd verzonden? Meld het direct als mogelijk datalek.",
        ],
    ),
    "WI-IB-002": (
        "Stapsgewijs tweestapsverificatie instellen op de smartphone.",
        [
            "Installeer de authenticator-app uit de app-store van uw toestel.",
            "Scan de QR-code op het aanmeldportaal.",
            "Bewaar de herstelcodes op een veilige plek.",
        ],
    ),
    "PROT-HAP-002": (
        "Fictieve uitwerking voor de triage van kortademigheid.",
        [
            "Vraag naar ernst, begin en begeleidende klachten.",
            "Bepaal de urgentie met de triagewijzer.",
            "Overleg bij twijfel met de regiearts.",
        ],
    ),
    "PROT-HAP-011": (
        "Patiënten worden binnen de afgesproken tijd teruggebeld.",
        [
            "Terugbelverzoeken worden op urgentie in de wachtrij gezet.",
            "Na twee mislukte pogingen volgt overleg met de regiearts.",
            "Iedere poging wordt vastgelegd in het triagesysteem.",
        ],
    ),
    "PROT-HAP-014": (
        "Fictieve uitwerking voor de triage van pijn op de borst.",
        [
            "Stel de ABCDE-vragen en vraag naar uitstraling en zweten.",
            "Bij alarmsymptomen direct de ambulance inzetten (A1).",
            "Leg de afweging vast en overleg met de regiearts.",
        ],
    ),
    "PROC-HAP-001": (
        "De spoedlijn is 24/7 bereikbaar; 90 % van de oproepen wordt binnen "
        "30 seconden aangenomen.",
        [
            "Bezetting volgens het dienstrooster met minimaal twee triagisten.",
            "Bij drukte schakelt de teamleider extra capaciteit in.",
            "Bereikbaarheidscijfers worden maandelijks besproken.",
        ],
    ),
    "PROC-HAP-004": (
        "De post blijft bereikbaar en werkt door bij uitval van telefonie of HIS.",
        [
            "Schakel over op de noodlijn en het uitwijknummer.",
            "Registreer op papier met het noodformulier en voer later in.",
            "Informeer de regiearts en de manager ICT.",
        ],
    ),
    "PROT-HCZ-001": (
        "Fictieve uitwerking van de ketenzorg voor diabetes mellitus type 2.",
        [
            "Driemaandelijkse controles door de POH-somatiek.",
            "Jaarcontrole met voetonderzoek en oogfundusscreening.",
            "Afspraken vastgelegd in het individueel zorgplan.",
        ],
    ),
    "PROC-HCZ-001": (
        "Bij overdracht tussen zorgverleners is het actuele medicatieoverzicht beschikbaar.",
        [
            "Raadpleeg het medicatieoverzicht voor iedere overdracht.",
            "Wijzigingen worden dezelfde dag gedeeld met de apotheek.",
            "Bij twijfel overleg met de voorschrijver.",
        ],
    ),
    "PROT-GGZ-002": (
        "Fictieve uitwerking voor het signaleren en bespreken van suïcidaliteit.",
        [
            "Vraag altijd expliciet naar suïcidale gedachten.",
            "Maak samen met de cliënt een veiligheidsplan.",
            "Overleg dezelfde dag met de huisarts bij verhoogd risico.",
        ],
    ),
    "PROC-GGZ-002": (
        "Het dossier van de POH-GGZ is alleen toegankelijk voor wie de cliënt behandelt.",
        [
            "Gespreksaantekeningen staan in het afgeschermde GGZ-deel van het HIS.",
            "Gegevens worden alleen met toestemming van de cliënt gedeeld.",
            "Inzage wordt gelogd en ieder kwartaal gecontroleerd.",
        ],
    ),
    "PROC-DIA-002": (
        "Ieder monster hoort aantoonbaar bij de juiste patiënt.",
        [
            "Vraag naam en geboortedatum; laat de patiënt zelf antwoorden.",
            "Controleer tegen het aanvraagformulier en het etiket.",
            "Etiketteer in het bijzijn van de patiënt.",
        ],
    ),
    "PROC-DIA-004": (
        "Kritieke uitslagen bereiken direct de verantwoordelijke arts.",
        [
            "De laborant belt de aanvrager of de dienstdoende huisarts.",
            "Het gesprek wordt met tijdstip vastgelegd.",
            "Geen gehoor binnen 30 minuten: escaleer naar de huisartsenpost.",
        ],
    ),
    "WI-DIA-002": (
        "Fictieve werkinstructie voor een spirometrie met reversibiliteitstest.",
        [
            "Kalibreer de spirometer aan het begin van de dag.",
            "Laat minimaal drie reproduceerbare blaaspogingen uitvoeren.",
            "Herhaal de meting na het toedienen van de luchtwegverwijder.",
        ],
    ),
    "PROC-MC-003": (
        "Vaccins worden bewaard tussen 2 en 8 °C.",
        [
            "Dagelijkse registratie van minimum- en maximumtemperatuur.",
            "Bij afwijking: vaccins apart zetten en overleggen met de apotheek.",
            "Jaarlijkse controle van de koelkast door de leverancier.",
        ],
    ),
    "PROC-PO-002": (
        "Jaarlijks bezoek aan de aangesloten praktijken om de informatiebeveiliging "
        "te beoordelen en te verbeteren.",
        [
            "Bezoek met de checklist FORM-PO-001.",
            "Bevindingen worden met de praktijkhouder besproken.",
            "Verbeterpunten worden vastgelegd en gevolgd.",
        ],
    ),
    "WI-PO-002": (
        "Patiëntgegevens worden tussen praktijken en ketenpartners alleen via de "
        "beveiligde e-maildienst verstuurd.",
        [
            "Kies in het e-mailprogramma de optie 'beveiligd verzenden'.",
            "De ontvanger identificeert zich met een sms-code.",
            "Stuur geen patiëntgegevens naar privé-adressen van collega's.",
        ],
    ),
}

# --------------------------------------------------------------------------------------------
# Evidence items; `file` names a small text file written under evidence/files/ with its hash.
# --------------------------------------------------------------------------------------------

EVIDENCE = [
    dict(
        id="EV-2024-007",
        title="Verslag directiebeoordeling 2024",
        controls=["5.4", "5.35"],
        collected=date(2024, 12, 12),
        valid_for="1y",
        owner="Bestuurder",
        file="directiebeoordeling-2024.md",
    ),
    dict(
        id="EV-2024-011",
        title="Steekproef VOG nieuwe medewerkers 2024",
        controls=["6.1"],
        collected=date(2024, 10, 1),
        valid_until=date(2026, 10, 1),
        owner="Manager HR",
        notes="Opvolger: EV-2026-006.",
    ),
    dict(
        id="EV-2025-005",
        title="Review autorisatiematrix HIS 2025",
        controls=["5.15", "5.18"],
        collected=date(2025, 4, 2),
        valid_for="1y",
        owner="Informatiebeveiligingsfunctionaris",
        file="autorisatiereview-his-2025.txt",
        notes="Review 2026 nog niet uitgevoerd (zie F-2026-CERT-01).",
    ),
    dict(
        id="EV-2025-008",
        title="Ontruimingsoefening huisartsenspoedpost 2025",
        controls=["7.5"],
        collected=date(2025, 5, 14),
        valid_until=date(2026, 12, 31),
        owner="Facilitair coördinator",
        units=["HAP"],
    ),
    dict(
        id="EV-2025-012",
        title="Licentieoverzicht software 2025",
        controls=["5.32"],
        collected=date(2025, 6, 30),
        valid_for="2y",
        owner="Manager ICT",
    ),
    dict(
        id="EV-2025-014",
        title="Restoretest back-up Q3 2025",
        controls=["8.13"],
        collected=date(2025, 9, 12),
        valid_for="1y",
        owner="ICT-beheer",
        file="restoretest-2025q3.txt",
    ),
    dict(
        id="EV-2025-017",
        title="Rapport externe toets informatiebeveiliging 2025 (samenvatting)",
        controls=["5.35", "8.8", "8.20"],
        collected=date(2025, 10, 8),
        valid_until=date(2026, 12, 31),
        owner="Informatiebeveiligingsfunctionaris",
        file="externe-toets-2025-samenvatting.md",
        notes="Volgende externe toets gepland in december 2026.",
    ),
    dict(
        id="EV-2025-021",
        title="DPIA ketenzorgsysteem",
        controls=["5.34", "5.38"],
        collected=date(2025, 2, 18),
        valid_for="3y",
        owner="Privacy officer / FG",
        units=["HCZ"],
        file="dpia-ketenzorgsysteem-2025.md",
    ),
    dict(
        id="EV-2025-023",
        title="Overzicht verwerkersovereenkomsten",
        controls=["5.20", "5.34"],
        collected=date(2025, 11, 28),
        valid_for="1y",
        owner="Privacy officer / FG",
    ),
    dict(
        id="EV-2025-026",
        title="ISO 27001-certificaat hostingpartij HIS",
        controls=["5.19", "5.23"],
        collected=date(2025, 7, 1),
        valid_until=date(2028, 6, 30),
        owner="Manager ICT",
    ),
    dict(
        id="EV-2025-029",
        title="Register wet- en regelgeving 2025",
        controls=["5.31"],
        collected=date(2025, 12, 1),
        valid_for="1y",
        owner="Privacy officer / FG",
    ),
    dict(
        id="EV-2025-031",
        title="Jaarverslag VIM-commissie en incidentevaluatie 2025",
        controls=["5.24", "5.27"],
        collected=date(2025, 12, 15),
        valid_for="1y",
        owner="Kwaliteitsfunctionaris",
    ),
    dict(
        id="EV-2025-033",
        title="Verslag directiebeoordeling 2025",
        controls=["5.4", "5.35"],
        collected=date(2025, 12, 10),
        valid_for="1y",
        owner="Bestuurder",
        file="directiebeoordeling-2025.md",
    ),
    dict(
        id="EV-2025-035",
        title="Test noodstroom en UPS huisartsenspoedpost 2025",
        controls=["7.11"],
        collected=date(2025, 11, 30),
        valid_for="1y",
        owner="Facilitair coördinator",
        units=["HAP"],
    ),
    dict(
        id="EV-2025-037",
        title="Capaciteitsrapportage netwerk en opslag 2025",
        controls=["8.6"],
        collected=date(2025, 12, 18),
        valid_for="1y",
        owner="ICT-beheer",
    ),
    dict(
        id="EV-2025-039",
        title="Acceptatietest HIS-release 2025.4",
        controls=["8.29", "8.32"],
        collected=date(2025, 12, 3),
        valid_for="1y",
        owner="ICT-beheer",
        file="acceptatietest-his-2025-4.txt",
    ),
    dict(
        id="EV-2026-002",
        title="Restoretest back-up Q1 2026",
        controls=["8.13"],
        collected=date(2026, 3, 19),
        valid_for="1y",
        owner="ICT-beheer",
        file="restoretest-2026q1.txt",
    ),
    dict(
        id="EV-2026-004",
        title="Steekproef ondertekende geheimhoudingsverklaringen 2026",
        controls=["6.2", "6.6"],
        collected=date(2026, 2, 9),
        valid_for="1y",
        owner="Manager HR",
    ),
    dict(
        id="EV-2026-006",
        title="Steekproef VOG nieuwe medewerkers 2026",
        controls=["6.1"],
        collected=date(2026, 1, 20),
        valid_for="2y",
        owner="Manager HR",
    ),
    dict(
        id="EV-2026-008",
        title="Deelname-export awarenessplatform Q1 2026",
        controls=["6.3"],
        collected=date(2026, 4, 3),
        valid_for="1y",
        owner="Informatiebeveiligingsfunctionaris",
    ),
    dict(
        id="EV-2026-010",
        title="Logcontrole inzage patiëntdossiers Q1 2026",
        controls=["5.15", "8.15"],
        collected=date(2026, 4, 15),
        valid_for="1y",
        owner="Informatiebeveiligingsfunctionaris",
        file="logcontrole-2026q1.md",
    ),
    dict(
        id="EV-2026-012",
        title="Clean-desk-rondgang HAP en MC 2026",
        controls=["7.7"],
        collected=date(2026, 5, 12),
        valid_for="1y",
        owner="Facilitair coördinator",
        units=["HAP", "MC"],
        file="cleandesk-rondgang-2026.txt",
    ),
    dict(
        id="EV-2026-013",
        title="Patchrapportage werkplekken mei 2026",
        controls=["8.8"],
        collected=date(2026, 6, 2),
        valid_for="6m",
        owner="ICT-beheer",
    ),
    dict(
        id="EV-2026-015",
        title="Dekkingsrapport antimalware 2026",
        controls=["8.7"],
        collected=date(2026, 6, 2),
        valid_for="1y",
        owner="ICT-beheer",
    ),
    dict(
        id="EV-2026-017",
        title="Ontruimingsoefening Medisch Centrum 2026",
        controls=["7.5"],
        collected=date(2026, 6, 18),
        valid_for="2y",
        owner="Facilitair coördinator",
        units=["MC"],
    ),
    dict(
        id="EV-2026-019",
        title="Logcontrole inzage patiëntdossiers Q2 2026",
        controls=["5.15", "8.15"],
        collected=date(2026, 7, 14),
        valid_for="1y",
        owner="Informatiebeveiligingsfunctionaris",
        file="logcontrole-2026q2.md",
    ),
    dict(
        id="EV-2026-021",
        title="Leveranciersbeoordeling HIS-leverancier 2026",
        controls=["5.19", "5.22"],
        collected=date(2026, 7, 30),
        valid_for="1y",
        owner="Informatiebeveiligingsfunctionaris",
    ),
    dict(
        id="EV-2026-022",
        title="Keuringsrapport medische apparatuur Diagnostisch Centrum 2026",
        controls=["7.13"],
        collected=date(2026, 8, 4),
        valid_for="1y",
        owner="Manager Diagnostisch Centrum",
        units=["DIA"],
    ),
    dict(
        id="EV-2026-023",
        title="Rapportage tweestapsverificatie 2026",
        controls=["5.17", "8.5"],
        collected=date(2026, 8, 11),
        valid_for="1y",
        owner="ICT-beheer",
        file="mfa-dekking-2026.txt",
    ),
    dict(
        id="EV-2026-024",
        title="Verslag calamiteitenonderzoek INC-2026-009",
        controls=["5.27"],
        collected=date(2026, 6, 26),
        valid_for="2y",
        owner="Kwaliteitsfunctionaris",
        units=["MC"],
    ),
    dict(
        id="EV-2026-025",
        title="Restoretest back-up Q3 2026",
        controls=["8.13"],
        collected=date(2026, 9, 17),
        valid_for="1y",
        owner="ICT-beheer",
        file="restoretest-2026q3.txt",
    ),
    dict(
        id="EV-2026-027",
        title="Kwartaalcontrole toegangspassen serverruimte Q3 2026",
        controls=["7.1", "7.2"],
        collected=date(2026, 10, 5),
        valid_for="6m",
        owner="Facilitair coördinator",
    ),
    dict(
        id="EV-2026-029",
        title="Risicoanalyse informatiebeveiliging 2026",
        controls=["5.7", "5.38"],
        collected=date(2026, 9, 25),
        valid_for="1y",
        owner="Informatiebeveiligingsfunctionaris",
        file="risicoanalyse-2026.md",
    ),
    dict(
        id="EV-2026-031",
        title="Vernietigingscertificaten afgevoerde apparatuur 2026",
        controls=["7.10", "7.14", "8.10"],
        collected=date(2026, 10, 20),
        valid_for="2y",
        owner="ICT-beheer",
    ),
    dict(
        id="EV-2026-033",
        title="Oefening noodprocedure uitval telefonie HAP 2026",
        controls=["5.29", "5.42"],
        collected=date(2026, 10, 28),
        valid_for="1y",
        owner="Operationeel manager HAP",
        units=["HAP"],
        file="oefening-uitval-telefonie-2026.md",
    ),
    dict(
        id="EV-2026-035",
        title="Logcontrole inzage patiëntdossiers Q3 2026",
        controls=["8.15"],
        collected=date(2026, 10, 13),
        valid_for="1y",
        owner="Informatiebeveiligingsfunctionaris",
    ),
    dict(
        id="EV-2026-036",
        title="Zelfevaluaties informatiebeveiliging aangesloten praktijken 2026",
        controls=["5.36"],
        collected=date(2026, 9, 30),
        valid_for="1y",
        owner="Coördinator praktijkondersteuning",
        units=["PO"],
    ),
    dict(
        id="EV-2026-038",
        title="Patchrapportage werkplekken oktober 2026",
        controls=["8.8"],
        collected=date(2026, 11, 3),
        valid_for="6m",
        owner="ICT-beheer",
        file="patchrapportage-2026-10.txt",
    ),
]

EVIDENCE_FILES: dict[str, str] = {
    "directiebeoordeling-2024.md": """# Directiebeoordeling 2024 (samenvatting)

Datum: 12 december 2024. Aanwezig: bestuurder, informatiebeveiligingsfunctionaris,
privacy officer / FG, kwaliteitsfunctionaris, manager ICT.

- Informatiebeveiligingsbeleid herzien naar NEN 7510:2024 (BEL-IB-001 versie 4.0).
- Vier datalekken gemeld, alle binnen de termijn.
- Doel 2025: awareness-deelname boven 90 %.

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
    "directiebeoordeling-2025.md": """# Directiebeoordeling 2025 (samenvatting)

Datum: 10 december 2025.

- Informatiebeveiligingsbeleid vastgesteld (BEL-IB-001 versie 5.0).
- Externe toets 2025: drie majeure bevindingen, waarvan twee afgerond.
- Eén datalek te laat gemeld (INC-2025-029): meldroute aangescherpt.
- Awareness-deelname 86 %: extra aandacht voor de huisartsenspoedpost.

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
    "autorisatiereview-his-2025.txt": """Review autorisatiematrix HIS 2025
Uitgevoerd: 2 april 2025 door de informatiebeveiligingsfunctionaris met de leidinggevenden.
Accounts beoordeeld: 412. Ingetrokken: 17 (uit dienst). Rol aangepast: 9.
Geen accounts met ongeoorloofde rechten aangetroffen.
(fictief voorbeeld)
""",
    "restoretest-2025q3.txt": """Restoretest back-up Q3 2025
Datum: 12 september 2025. Uitgevoerd door ICT-beheer.
Hersteld: HIS-database testkopie, fileshare staf, mailbox (steekproef 3).
Resultaat: geslaagd, hersteltijd 2 uur 40 minuten (norm 4 uur).
(fictief voorbeeld)
""",
    "restoretest-2026q1.txt": """Restoretest back-up Q1 2026
Datum: 19 maart 2026. Uitgevoerd door ICT-beheer.
Hersteld: triagesysteem (testomgeving), fileshare HCZ.
Resultaat: geslaagd, hersteltijd 3 uur 5 minuten (norm 4 uur).
(fictief voorbeeld)
""",
    "restoretest-2026q3.txt": """Restoretest back-up Q3 2026
Datum: 17 september 2026. Uitgevoerd door ICT-beheer.
Hersteld: volledige server ketenzorgsysteem vanaf de onveranderbare kopie.
Resultaat: geslaagd, hersteltijd 3 uur 50 minuten (norm 4 uur).
(fictief voorbeeld)
""",
    "externe-toets-2025-samenvatting.md": """# Externe toets informatiebeveiliging 2025 — samenvatting

Uitgevoerd van 29 september tot 8 oktober 2025 door een extern testbureau.
Scope: internetkoppelingen, interne netwerken van HAP en MC, werkplekken, beheeraccounts.

| nr | bevinding | ernst |
|----|-----------|-------|
| 01 | Patchbeleid werkplekken niet aantoonbaar | minor |
| 02 | Verouderde TLS-configuratie webportaal | major |
| 03 | Gastnetwerk HAP niet gescheiden van zorgnetwerk | major |
| 04 | Beheeraccounts zonder tweestapsverificatie | minor |
| 05 | Geen centrale logcorrelatie | verbetering |
| 06 | Geen webfilter op werkplekken | observatie |

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
    "dpia-ketenzorgsysteem-2025.md": """# DPIA ketenzorgsysteem (samenvatting)

Verwerking: gegevens van patiënten in de ketenzorgprogramma's diabetes, COPD, astma en CVRM.
Grondslag: behandelovereenkomst (WGBO) en uitdrukkelijke toestemming voor deelname.
Restrisico na maatregelen: laag. Advies FG: verwerking kan doorgaan.

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
    "acceptatietest-his-2025-4.txt": """Acceptatietest HIS-release 2025.4
Datum: 3 december 2025. Testomgeving van de leverancier, synthetische testpatiënten.
Getest: rollen en autorisaties, logging van inzage, medicatiemodule, berichtuitwisseling.
Resultaat: akkoord voor productie op 8 december 2025.
(fictief voorbeeld)
""",
    "logcontrole-2026q1.md": """# Logcontrole inzage patiëntdossiers Q1 2026

- Steekproef: 60 inzagen, 12 gerichte controles op medewerkers als patiënt.
- Afwijkingen: 1 (inzage zonder behandelrelatie, zie INC-2026-003).

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
    "logcontrole-2026q2.md": """# Logcontrole inzage patiëntdossiers Q2 2026

- Steekproef: 60 inzagen, 10 gerichte controles.
- Afwijkingen: geen.

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
    "cleandesk-rondgang-2026.txt": """Clean-desk-rondgang HAP en MC, 12 mei 2026
Gecontroleerde werkplekken: 34. Onvergrendelde schermen: 1. Patiëntgegevens op papier: 2.
Bevindingen besproken in het teamoverleg van 19 mei 2026.
(fictief voorbeeld)
""",
    "mfa-dekking-2026.txt": """Rapportage tweestapsverificatie augustus 2026
Accounts met MFA: 398 van 404 (98,5 %). Beheeraccounts: 14 van 14.
Zonder MFA: 6 functionele accounts (apparatuur), gecompenseerd met netwerkbeperking.
(fictief voorbeeld)
""",
    "risicoanalyse-2026.md": """# Risicoanalyse informatiebeveiliging 2026 (samenvatting)

Belangrijkste risico's:

1. Uitval van telefonie of triagesysteem op de huisartsenspoedpost.
2. Ransomware via werkplekken in aangesloten praktijken.
3. Ongeoorloofde inzage in patiëntdossiers.

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
    "oefening-uitval-telefonie-2026.md": """# Oefening noodprocedure uitval telefonie HAP

Datum: 28 oktober 2026, 02:00-02:45 uur (rustig moment).
Overschakeling naar de noodlijn binnen 4 minuten; alle oproepen aangenomen.
Verbeterpunt: nummer van de uitwijklocatie stond niet in de dienstmap.

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
    "patchrapportage-2026-10.txt": """Patchrapportage werkplekken oktober 2026
Werkplekken: 286. Volledig bijgewerkt: 279 (97,6 %). Kritieke updates ouder dan 14 dagen: 0.
(fictief voorbeeld)
""",
    "interne-audit-2025-rapport.md": """# Interne audit 2025: huisartsenspoedpost en Medisch Centrum

Datum: 15 april 2025. Auditoren: interne auditoren van het kwaliteitsteam.
Zes bevindingen, waarvan één majeur (gedeeld account aan de balie).

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
    "certificatie-audit-2026-rapport.md": """# Hercertificeringsaudit NEN 7510 2026 (samenvatting)

Datum: 16-18 maart 2026. Resultaat: certificaat verlengd onder voorwaarde van opvolging van
de majeure bevinding over de periodieke review van autorisaties.

Fictief voorbeeld van Huisartsenzorg Voorbeeldregio.
""",
}

# --------------------------------------------------------------------------------------------
# Audits and findings
# --------------------------------------------------------------------------------------------

AUDITS = [
    dict(
        id="AUD-2025-INT",
        title="Interne audit 2025: huisartsenspoedpost en Medisch Centrum",
        type="internal",
        date=date(2025, 4, 15),
        auditor="Interne auditoren kwaliteitsteam",
        units=["HAP", "MC"],
        report="interne-audit-2025-rapport.md",
        findings=[
            dict(
                title="Clear screen niet consequent toegepast op triagewerkplekken",
                severity="minor",
                controls=["7.7"],
                owner="Teamleider triage",
                due=date(2025, 7, 1),
                status="closed",
                closed=date(2025, 6, 20),
                resolution="Automatische schermvergrendeling na vijf minuten ingesteld.",
            ),
            dict(
                title="Herzieningsdatum van vijf HAP-protocollen verstreken",
                severity="minor",
                controls=["5.37"],
                owner="Kwaliteitsfunctionaris",
                due=date(2025, 9, 30),
                status="closed",
                closed=date(2025, 9, 22),
                resolution="Protocollen herzien; herzieningen worden nu met nencheck bewaakt.",
            ),
            dict(
                title="Koelkasttemperatuur vaccins niet dagelijks geregistreerd",
                severity="minor",
                owner="Praktijkmanager MC",
                due=date(2025, 6, 30),
                status="closed",
                closed=date(2025, 6, 10),
                resolution="Registratie opgenomen in de dagstart van de doktersassistenten.",
            ),
            dict(
                title="Sleutelplan Medisch Centrum niet actueel",
                severity="observation",
                controls=["7.2", "7.3"],
                owner="Facilitair coördinator",
                due=date(2025, 10, 31),
                status="closed",
                closed=date(2025, 11, 4),
                resolution="Sleutelplan bijgewerkt; uitgifte via de facilitaire balie.",
            ),
            dict(
                title="Meldprocedure datalekken onvoldoende bekend bij medewerkers",
                severity="improvement",
                controls=["5.24", "6.8"],
                owner="Informatiebeveiligingsfunctionaris",
                due=date(2025, 12, 31),
                status="closed",
                closed=date(2026, 1, 15),
                evidence=["EV-2026-008"],
                resolution="Awarenessmodule AW-02 aangevuld met de meldroute.",
            ),
            dict(
                title="Gedeeld inlogaccount bij de balie van het Medisch Centrum",
                severity="major",
                controls=["5.16", "5.17"],
                owner="Manager ICT",
                due=date(2025, 6, 30),
                status="closed",
                closed=date(2025, 6, 27),
                resolution="Persoonlijke accounts met zorgpas ingevoerd; gedeeld account "
                "opgeheven.",
            ),
        ],
    ),
    dict(
        id="AUD-2025-EXT",
        title="Externe toets informatiebeveiliging 2025",
        type="pentest",
        date=date(2025, 10, 8),
        auditor="Extern testbureau (onafhankelijk)",
        units=["all"],
        report="externe-toets-2025-samenvatting.md",
        findings=[
            dict(
                title="Patchbeleid werkplekken niet aantoonbaar",
                severity="minor",
                controls=["8.8"],
                owner="ICT-beheer",
                due=date(2026, 1, 31),
                status="closed",
                closed=date(2026, 1, 20),
                evidence=["EV-2026-013", "EV-2026-038"],
                resolution="Maandelijkse patchrapportage ingevoerd.",
            ),
            dict(
                title="Verouderde TLS-configuratie op het webportaal",
                severity="major",
                controls=["8.21", "8.24"],
                owner="Manager ICT",
                due=date(2025, 12, 15),
                status="closed",
                closed=date(2025, 11, 28),
                resolution="Alleen TLS 1.2 en 1.3 toegestaan; hertest geslaagd.",
            ),
            dict(
                title="Gastnetwerk HAP niet gescheiden van het zorgnetwerk",
                severity="major",
                controls=["8.20", "8.22"],
                owner="Manager ICT",
                due=date(2026, 3, 31),
                status="in_progress",
                notes="Nieuwe switches besteld; levering vertraagd tot januari 2027.",
            ),
            dict(
                title="Beheeraccounts zonder tweestapsverificatie",
                severity="minor",
                controls=["8.2", "8.5"],
                owner="ICT-beheer",
                due=date(2026, 2, 28),
                status="closed",
                closed=date(2026, 4, 14),
                evidence=["EV-2026-023"],
                resolution="Tweestapsverificatie verplicht voor alle beheeraccounts.",
            ),
            dict(
                title="Geen centrale logcorrelatie (SIEM)",
                severity="improvement",
                controls=["8.16"],
                owner="Manager ICT",
                due=date(2026, 12, 31),
                status="in_progress",
                notes="Aanbesteding loopt.",
            ),
            dict(
                title="Geen webfilter op werkplekken",
                severity="observation",
                controls=["8.23"],
                owner="Manager ICT",
                due=date(2026, 6, 30),
                status="accepted",
                resolution="Risico geaccepteerd door de bestuurder tot de nieuwe "
                "werkplekomgeving in 2027.",
            ),
        ],
    ),
    dict(
        id="AUD-2026-CERT",
        title="Hercertificeringsaudit NEN 7510 2026",
        type="certification",
        date=date(2026, 3, 18),
        auditor="Certificerende instelling (geaccrediteerd)",
        units=["all"],
        report="certificatie-audit-2026-rapport.md",
        findings=[
            dict(
                title="Periodieke review van autorisaties in het HIS niet tijdig uitgevoerd",
                severity="major",
                controls=["5.15", "5.18"],
                owner="Informatiebeveiligingsfunctionaris",
                due=date(2026, 6, 18),
                status="open",
                notes="Review gepland, nog niet uitgevoerd.",
            ),
            dict(
                title="Assetregister onvolledig voor medische apparatuur",
                severity="minor",
                controls=["5.9"],
                owner="Manager ICT",
                due=date(2026, 9, 30),
                status="in_progress",
            ),
            dict(
                title="Leveranciersbeoordelingen niet voor alle kritieke leveranciers",
                severity="minor",
                controls=["5.19", "5.22"],
                owner="Informatiebeveiligingsfunctionaris",
                due=date(2026, 9, 18),
                status="closed",
                closed=date(2026, 8, 5),
                evidence=["EV-2026-021"],
                resolution="Beoordeling HIS-leverancier uitgevoerd; jaarplanning vastgesteld.",
            ),
            dict(
                title="Geen training informatiebeveiliging voor bestuur en MT",
                severity="observation",
                controls=["6.9"],
                owner="Bestuurder",
                due=date(2027, 3, 31),
                status="open",
            ),
            dict(
                title="Classificatie van documenten niet consequent toegepast",
                severity="minor",
                controls=["5.12", "5.13"],
                owner="Kwaliteitsfunctionaris",
                due=date(2026, 12, 31),
                status="in_progress",
            ),
        ],
    ),
    dict(
        id="AUD-2026-INT",
        title="Interne audit 2026: Diagnostisch Centrum en praktijkbezoeken",
        type="internal",
        date=date(2026, 6, 10),
        auditor="Interne auditoren kwaliteitsteam",
        units=["DIA", "PO"],
        findings=[
            dict(
                title="Werkinstructies Diagnostisch Centrum over de herzieningsdatum",
                severity="minor",
                controls=["5.37"],
                owner="Laboratoriumcoördinator",
                due=date(2026, 9, 30),
                status="open",
            ),
            dict(
                title="Patiëntidentificatie bij bloedafname niet altijd met twee kenmerken",
                severity="major",
                controls=["5.39"],
                owner="Laboratoriumcoördinator",
                due=date(2026, 8, 31),
                status="closed",
                closed=date(2026, 8, 20),
                resolution="Werkwijze aangescherpt in PROC-DIA-002; steekproef in augustus "
                "zonder afwijkingen.",
            ),
            dict(
                title="USB-poorten niet geblokkeerd op de analysewerkplek",
                severity="minor",
                controls=["8.1", "8.12"],
                owner="ICT-beheer",
                due=date(2026, 12, 15),
                status="in_progress",
            ),
            dict(
                title="Drie van de veertig praktijken zonder actuele verwerkersovereenkomst",
                severity="minor",
                controls=["5.20", "5.34"],
                owner="Coördinator praktijkondersteuning",
                due=date(2026, 10, 31),
                status="open",
            ),
            dict(
                title="Praktijkbezoeken uitbreiden naar alle aangesloten praktijken",
                severity="improvement",
                controls=["5.36"],
                owner="Coördinator praktijkondersteuning",
                due=date(2027, 6, 30),
                status="in_progress",
            ),
        ],
    ),
    dict(
        id="AUD-2026-SA",
        title="Zelfevaluatie informatiebeveiliging aangesloten praktijken 2026",
        type="self_assessment",
        date=date(2026, 9, 15),
        auditor="Kwaliteitsfunctionaris (zelfevaluatie)",
        units=["PO"],
        findings=[
            dict(
                title="Back-up in vier praktijken niet getest",
                severity="minor",
                controls=["8.13"],
                owner="Coördinator praktijkondersteuning",
                due=date(2026, 11, 30),
                status="in_progress",
            ),
            dict(
                title="Clean-deskbeleid onbekend bij praktijkmedewerkers",
                severity="observation",
                controls=["7.7"],
                owner="Coördinator praktijkondersteuning",
                due=date(2027, 1, 31),
                status="open",
            ),
            dict(
                title="Verouderd besturingssysteem op losse werkplekken in twee praktijken",
                severity="minor",
                controls=["8.1", "8.8"],
                owner="ICT-beheer",
                due=date(2026, 10, 31),
                status="accepted",
                resolution="Restrisico geaccepteerd: werkplekken van het netwerk afgesloten en "
                "in Q1 2027 vervangen.",
            ),
            dict(
                title="Geen verklaring van toepasselijkheid per praktijk",
                severity="improvement",
                controls=["5.36"],
                owner="Informatiebeveiligingsfunctionaris",
                due=date(2027, 3, 31),
                status="open",
            ),
        ],
    ),
]

# --------------------------------------------------------------------------------------------
# Incidents. Times are Dutch local wall-clock times; the UTC offset (+01:00 winter, +02:00
# summer) is computed. `notified_after_hours` places the notification that many real hours later.
# --------------------------------------------------------------------------------------------

INCIDENTS = [
    dict(
        id="INC-2025-004",
        title="Phishingmail met nagemaakte inlogpagina bij triagisten",
        reported=(2025, 2, 11, 21, 40),
        kind="security_incident",
        units=["HAP"],
        controls=["6.8", "8.7"],
        status="closed",
        closed=date(2025, 2, 14),
        description="Twee triagisten ontvingen een nagemaakte inlogpagina; geen gegevens "
        "ingevuld. Afzender geblokkeerd en waarschuwing verstuurd.",
    ),
    dict(
        id="INC-2025-011",
        title="E-mail met patiëntgegevens naar verkeerde ontvanger",
        reported=(2025, 5, 2, 10, 15),
        kind="data_breach",
        units=["HCZ"],
        controls=["5.24", "5.26"],
        notified=(2025, 5, 3, 16, 0),
        status="closed",
        closed=date(2025, 6, 1),
        description="Zorgplan van één patiënt per ongeluk naar een verkeerde praktijk gemaild. "
        "Ontvanger heeft de mail aantoonbaar verwijderd.",
    ),
    dict(
        id="INC-2025-017",
        title="Klacht over bejegening aan de telefoon",
        reported=(2025, 6, 21, 9, 5),
        kind="complaint",
        units=["HAP"],
        status="closed",
        closed=date(2025, 7, 30),
        description="Patiënt voelde zich niet serieus genomen; gesprek teruggeluisterd en "
        "nabesproken met de triagist.",
    ),
    dict(
        id="INC-2025-023",
        title="Calamiteit: gemiste urgentie bij telefonische triage",
        reported=(2025, 10, 6, 8, 30),
        kind="calamity",
        units=["HAP"],
        notified=(2025, 10, 13, 11, 0),
        status="closed",
        closed=date(2026, 1, 16),
        description="Ernstige afloop na een te laag ingeschatte urgentie. Melding aan de IGJ "
        "kwam na vijf werkdagen: de bestuurder was afwezig en er was geen vervanger.",
        notes="Te late melding besproken; vervanging van de bestuurder in de procedure "
        "PROC-ALG-001 vastgelegd.",
    ),
    dict(
        id="INC-2025-029",
        title="Verloren USB-stick met export spirometrie-uitslagen",
        reported=(2025, 10, 24, 9, 40),
        kind="data_breach",
        units=["DIA"],
        controls=["7.10", "8.12"],
        notified_after_hours=80,
        status="closed",
        closed=date(2025, 12, 5),
        description="Onversleutelde USB-stick met uitslagen van 38 patiënten kwijtgeraakt. "
        "Melding aan de AP na 80 uur (over het weekend en de wintertijd heen).",
        notes="Te late melding: meldroute buiten kantoortijd aangescherpt.",
    ),
    dict(
        id="INC-2025-041",
        title="Deur serverruimte huisartsenspoedpost niet afgesloten",
        reported=(2025, 12, 6, 3, 20),
        kind="signal",
        units=["HAP"],
        controls=["7.2"],
        status="closed",
        closed=date(2025, 12, 12),
        description="Nachtdienst trof de deur open aan; geen aanwijzingen voor toegang door "
        "onbevoegden. Deurdranger gerepareerd.",
    ),
    dict(
        id="INC-2026-003",
        title="Inzage in dossier zonder behandelrelatie",
        reported=(2026, 2, 10, 11, 20),
        kind="data_breach",
        units=["GGZ"],
        controls=["5.15", "8.15"],
        notified=(2026, 2, 12, 15, 5),
        status="closed",
        closed=date(2026, 4, 30),
        description="Bij de logcontrole bleek dat een medewerker het dossier van een bekende "
        "had ingezien. Gesprek en maatregel volgens het sanctiebeleid.",
    ),
    dict(
        id="INC-2026-009",
        title="Calamiteit: medicatiefout bij herhaalrecept",
        reported=(2026, 3, 10, 9, 30),
        kind="calamity",
        units=["MC"],
        notified=(2026, 3, 12, 14, 0),
        status="closed",
        closed=date(2026, 6, 30),
        description="Verkeerde dosering door een fout bij het overnemen van een herhaalrecept; "
        "patiënt opgenomen. Binnen drie werkdagen gemeld bij de IGJ.",
    ),
    dict(
        id="INC-2026-012",
        title="Brief met uitslagen naar oud adres verstuurd",
        reported=(2026, 3, 27, 14, 0),
        kind="data_breach",
        units=["MC"],
        controls=["5.39", "5.40"],
        notified=(2026, 3, 30, 13, 30),
        status="closed",
        closed=date(2026, 5, 8),
        description="Adreswijziging niet verwerkt; brief geopend door nieuwe bewoners. Gemeld "
        "na 70,5 uur (over de overgang naar zomertijd heen).",
    ),
    dict(
        id="INC-2026-014",
        title="Storing HIS bij aangesloten praktijken (vier uur)",
        reported=(2026, 4, 14, 8, 10),
        kind="security_incident",
        units=["PO"],
        controls=["5.29", "5.30"],
        status="closed",
        closed=date(2026, 5, 1),
        description="Certificaat van de koppeling verlopen; praktijken werkten vier uur met de "
        "noodprocedure.",
    ),
    dict(
        id="INC-2026-020",
        title="Klacht over lange wachttijd spoedlijn",
        reported=(2026, 8, 17, 19, 45),
        kind="complaint",
        units=["HAP"],
        status="in_progress",
        description="Wachttijd van 14 minuten tijdens een drukke zondagavond.",
    ),
    dict(
        id="INC-2026-027",
        title="Laptop POH-GGZ gestolen uit auto",
        reported=(2026, 10, 2, 8, 15),
        kind="security_incident",
        units=["GGZ"],
        controls=["7.9", "8.1", "8.24"],
        status="closed",
        closed=date(2026, 10, 9),
        description="Laptop was volledig versleuteld en op afstand gewist; geen datalek.",
    ),
    dict(
        id="INC-2026-031",
        title="Uitslagen zichtbaar bij verkeerde patiënt in het portaal",
        reported=(2026, 11, 21, 16, 5),
        kind="data_breach",
        units=["DIA"],
        controls=["5.24", "5.39", "5.40"],
        status="open",
        owner="Privacy officer / FG",
        description="Na een koppelingsfout waren uitslagen van één patiënt zichtbaar in het "
        "portaal van een andere patiënt. Beoordeling door de FG loopt; melding aan "
        "de AP is nog niet gedaan.",
    ),
]

# --------------------------------------------------------------------------------------------
# Awareness training
# --------------------------------------------------------------------------------------------

MODULES = [
    ("AW-01", "Phishing herkennen", "1y", ["all"]),
    ("AW-02", "Veilig omgaan met patiëntgegevens", "1y", ["all"]),
    ("AW-03", "Wachtwoorden en tweestapsverificatie", "2y", ["all"]),
    ("AW-04", "Identificatie aan de telefoon en social engineering", "1y", ["HAP"]),
    ("AW-05", "Veilig beeldbellen en thuiswerken", "2y", ["poh-ggz"]),
    ("AW-06", "Informatiebeveiliging voor beheerders", "1y", ["ict"]),
]

# unit -> [(role, headcount)]; 300 people in all
STAFFING = {
    "HAP": [
        ("huisarts", 33),
        ("triagist", 38),
        ("doktersassistent", 8),
        ("baliemedewerker", 8),
        ("chauffeur", 10),
        ("leidinggevende", 3),
    ],
    "HCZ": [
        ("poh-somatiek", 22),
        ("doktersassistent", 6),
        ("huisarts", 2),
        ("staf", 3),
        ("leidinggevende", 1),
    ],
    "GGZ": [("poh-ggz", 26), ("staf", 2), ("leidinggevende", 1)],
    "DIA": [
        ("laborant", 22),
        ("doktersassistent", 8),
        ("baliemedewerker", 4),
        ("leidinggevende", 1),
    ],
    "MC": [
        ("huisarts", 10),
        ("doktersassistent", 21),
        ("poh-somatiek", 5),
        ("baliemedewerker", 6),
        ("leidinggevende", 1),
    ],
    "PO": [("staf", 16), ("ict", 4), ("leidinggevende", 1)],
    "STAF": [("staf", 24), ("ict", 10), ("leidinggevende", 4)],
}
LEAVERS = 15

# Share of assignments with a valid completion on DESIGN_DATE, per unit (target is 0.90).
TRAINING_RATE = {
    "HAP": 0.74,
    "HCZ": 0.91,
    "GGZ": 0.95,
    "DIA": 0.77,
    "MC": 0.91,
    "PO": 0.92,
    "STAF": 0.97,
}

# --------------------------------------------------------------------------------------------
# Dates and durations
# --------------------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """Calendar months, clamped to the month's end (31 January + 1m = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_duration(day: date, duration: str, sign: int = 1) -> date:
    count, unit = int(duration[:-1]), duration[-1]
    if unit == "d":
        return day + timedelta(days=sign * count)
    if unit == "w":
        return day + timedelta(weeks=sign * count)
    return add_months(day, sign * count * (12 if unit == "y" else 1))


FIXED_HOLIDAYS = {(1, 1), (4, 27), (12, 25), (12, 26)}  # New Year, King's Day, Christmas


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def working_day(day: date) -> date:
    """The day itself, or the last working day before it."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def random_day(rng: random.Random, first: date, last: date, weekdays: bool = True) -> date:
    """A random day in [first, last]; by default a working day."""
    span = (last - first).days
    if weekdays and not any(is_working_day(first + timedelta(days=n)) for n in range(span + 1)):
        raise ValueError(f"no working day between {first} and {last}")
    while True:
        day = first + timedelta(days=rng.randint(0, span))
        if not weekdays or is_working_day(day):
            return day


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() + 1) % 7)


def dutch_offset_utc(instant_utc: datetime) -> timedelta:
    """UTC offset of Dutch time at an instant: summer time from the last Sunday of March 01:00
    UTC to the last Sunday of October 01:00 UTC (EU rule)."""
    year = instant_utc.year
    start = datetime.combine(_last_sunday(year, 3), datetime.min.time()).replace(hour=1)
    end = datetime.combine(_last_sunday(year, 10), datetime.min.time()).replace(hour=1)
    naive = instant_utc.replace(tzinfo=None)
    return timedelta(hours=2 if start <= naive < end else 1)


def dutch_time(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """A Dutch wall-clock time with its offset (times in the switch-over hour are avoided)."""
    for hours in (1, 2):
        offset = timedelta(hours=hours)
        as_utc = datetime(year, month, day, hour, minute) - offset
        if dutch_offset_utc(as_utc) == offset:
            return datetime(year, month, day, hour, minute, tzinfo=timezone(offset))
    raise ValueError(f"{year}-{month}-{day} {hour}:{minute} does not exist in Dutch time")


def to_dutch_time(instant: datetime) -> datetime:
    as_utc = instant.astimezone(UTC)
    return as_utc.astimezone(timezone(dutch_offset_utc(as_utc)))


# --------------------------------------------------------------------------------------------
# A small YAML writer: block style records, flow lists of scalars, comments kept at the top.
# (PyYAML's dumper would quote Dutch text oddly and cannot write comments.)
# --------------------------------------------------------------------------------------------


class Quoted(str):
    """A string that must be written in double quotes (ids like "5.10", versions like "4.0")."""


def _plain_is_safe(text: str, in_flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text:
        return False
    try:
        if yaml.safe_load(f"k: {text}") != {"k": text}:
            return False
        return not in_flow or yaml.safe_load(f"k: [{text}]") == {"k": [text]}
    except yaml.YAMLError:
        return False


def scalar(value: Any, in_flow: bool = False) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Quoted) or not _plain_is_safe(str(value), in_flow):
        return json.dumps(str(value), ensure_ascii=False)
    return str(value)


def flow_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item, True) for item in value) + "]"
    return scalar(value, True)


def flow_mapping(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{key}: {flow_value(value)}" for key, value in mapping.items()) + "}"


def block(mapping: dict[str, Any], indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        if value is None:
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}{key}:")
            for item in value:
                item_lines = block(item, indent + 4)
                lines.append(f"{pad}  - {item_lines[0].lstrip()}")
                lines.extend(item_lines[1:])
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: {flow_value(value)}")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(block(value, indent + 2))
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def ids(values: list[str]) -> list[Quoted]:
    """Control ids: always quoted, so 5.10 never becomes the float 5.1."""
    return [Quoted(v) for v in values]


class Writer:
    """Writes files below the target root and remembers what it wrote."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: list[str] = []

    def text(self, relative: str, content: str) -> str:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8"))
        self.written.append(relative)
        return hashlib.sha256(content.encode("utf-8")).hexdigest()

    def record(self, relative: str, mapping: dict[str, Any], comments: list[str] = ()) -> None:
        lines = [f"# {c}" if c else "#" for c in comments] + block(mapping)
        self.text(relative, "\n".join(lines) + "\n")


# --------------------------------------------------------------------------------------------
# Record kinds
# --------------------------------------------------------------------------------------------


def classify(next_review: date) -> str:
    if next_review < DESIGN_DATE:
        return "overdue"
    if next_review <= DESIGN_DATE + timedelta(days=DUE_SOON_DAYS):
        return "soon"
    return "ok"


def review_schedule(rng: random.Random, state: str, interval: str) -> tuple[date, date]:
    """A last_reviewed date (a working day, not after mid-November 2026) whose computed next
    review falls in the wanted state on DESIGN_DATE, away from the window's edges."""
    latest_review = DESIGN_DATE - timedelta(days=10)
    windows = {
        "overdue": (date(2025, 10, 1), DESIGN_DATE - timedelta(days=7)),
        "soon": (DESIGN_DATE + timedelta(days=4), DESIGN_DATE + timedelta(days=DUE_SOON_DAYS - 6)),
        "ok": (
            DESIGN_DATE + timedelta(days=DUE_SOON_DAYS + 12),
            add_duration(latest_review, interval),
        ),
    }
    first, last = windows[state]
    while True:
        target = random_day(rng, first, last, weekdays=False)
        reviewed = add_duration(target, interval, -1)
        upcoming = add_duration(reviewed, interval)
        in_window = first <= upcoming <= last and classify(upcoming) == state
        if in_window and is_working_day(reviewed) and reviewed <= latest_review:
            return reviewed, upcoming


def policy_type(policy_id: str) -> str:
    return TYPES[policy_id.split("-")[0]]


def policy_folder(policy_id: str) -> str:
    return FOLDERS[policy_id.split("-")[1]][0]


def policy_document_path(policy_id: str) -> str:
    return f"policies/documents/{policy_id.lower()}.md"


def build_policy(row: P, rng: random.Random) -> tuple[dict[str, Any], list[str]]:
    infix = row.id.split("-")[1]
    _folder, default_owner, default_approver, default_units, label = FOLDERS[infix]
    kind = policy_type(row.id)
    owner = row.owner or default_owner
    approver = row.approved_by or default_approver
    if approver == owner:
        approver = "Bestuurder"
    interval = row.every or DEFAULT_INTERVAL[kind]
    major, minor = rng.randint(1, 5), rng.choice([0, 0, 0, 1, 2, 3])
    version = row.version or f"{major}.{minor}"

    approved = last_reviewed = None
    reviews: list[dict[str, Any]] = []
    if row.status == "draft":
        version = row.version or f"0.{rng.randint(1, 4)}"
    elif row.status == "retired":
        assert row.retired is not None
        last_reviewed = working_day(add_months(row.retired, -rng.randint(8, 20)))
        approved = last_reviewed
    else:
        if row.last_reviewed:
            last_reviewed = row.last_reviewed
            approved = row.approved or last_reviewed
        else:
            last_reviewed, _next = review_schedule(rng, row.state, interval)
            # about half the reviews confirmed an earlier approved version unchanged
            approved = last_reviewed
            if rng.random() < 0.45:
                approved = working_day(add_duration(last_reviewed, interval, -1))
        if row.reviews is not None:
            reviews = [
                dict(date=d, reviewer=who, version=Quoted(v), note=note)
                for d, who, v, note in row.reviews
            ]
        elif row.history or rng.random() < 0.15:
            reviews = review_history(
                rng, last_reviewed, approved, interval, version, owner, approver
            )

    record: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "type": kind,
        "status": row.status,
        "version": Quoted(version),
        "owner": owner,
        "approved_by": approver if approved else None,
        "approved": approved,
        "last_reviewed": last_reviewed,
        "review_interval": interval,
        "next_review": row.next_review,
        "units": row.units or default_units,
        "controls": ids(row.controls) if row.controls else None,
        "document": policy_document_path(row.id) if row.doc else None,
        "audience": row.audience or None,
        "supersedes": row.supersedes,
        "reviews": reviews or None,
        "retired": row.retired,
        "retired_reason": row.retired_reason,
        "notes": row.notes,
    }
    comments: list[str] = []
    if row.status == "retired":
        comments = ["Ingetrokken document: bewaard voor de historie, niet verwijderen."]
    elif row.status == "draft":
        comments = ["Concept: nog niet vastgesteld."]
    elif infix in ("HAP", "IB") or row.doc:
        comments = [f"{TYPE_LABELS[kind]} {label} — eigenaar: {owner}"]
    return record, comments


def review_history(
    rng: random.Random,
    last_reviewed: date,
    approved: date,
    interval: str,
    version: str,
    owner: str,
    approver: str,
) -> list[dict[str, Any]]:
    """Past reviews ending on last_reviewed, consistent with the approval and the version: the
    approval of the current version, earlier reviews of the previous version, and reviews after
    the approval that left the version unchanged."""
    major, minor = (int(part) for part in version.split("."))
    previous = f"{major}.{minor - 1}" if minor else f"{major - 1}.0" if major > 1 else None
    entries: list[tuple[date, str, str, str]] = []
    if approved < last_reviewed:
        if previous and rng.random() < 0.5:
            before = working_day(add_duration(approved, interval, -1))
            entries.append((before, owner, previous, rng.choice(REVIEW_NOTES_SAME)))
        entries.append((approved, approver, version, rng.choice(REVIEW_NOTES_NEW)))
        entries.append((last_reviewed, owner, version, rng.choice(REVIEW_NOTES_SAME)))
    else:
        for cycles in range(rng.randint(1, 2) if previous else 0, 0, -1):
            day = add_duration(last_reviewed, f"{cycles * int(interval[:-1])}{interval[-1]}", -1)
            day = working_day(day - timedelta(days=rng.randint(0, 20)))
            entries.append((day, owner, str(previous), rng.choice(REVIEW_NOTES_SAME)))
        entries.append((last_reviewed, approver, version, rng.choice(REVIEW_NOTES_NEW)))
    return [
        dict(date=day, reviewer=who, version=Quoted(v), note=note) for day, who, v, note in entries
    ]


def write_policies(out: Writer) -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    records = []
    for row in POLICIES:
        record, comments = build_policy(row, rng)
        folder = policy_folder(row.id)
        out.record(f"policies/{folder}/{row.id.lower()}.yaml", record, comments)
        if row.doc:
            write_policy_document(out, record)
        records.append(record)
    return records


def write_policy_document(out: Writer, record: dict[str, Any]) -> None:
    purpose, steps = DOCUMENTS[record["id"]]
    lines = [
        f"# {record['title']}",
        "",
        f"Documentnummer {record['id']} · versie {record['version']} · eigenaar: {record['owner']}",
        "",
        "> Fictief voorbeelddocument van Huisartsenzorg Voorbeeldregio, gemaakt om nencheck te "
        "laten zien. Geen richtlijn: niet gebruiken in de zorg.",
        "",
        "## Doel",
        "",
        purpose,
        "",
        "## Werkwijze",
        "",
        *[f"- {step}" for step in steps],
        "",
    ]
    out.text(policy_document_path(record["id"]), "\n".join(lines))


def write_controls(out: Writer) -> list[dict[str, Any]]:
    records = []
    for control_id, title in CATALOG:
        spec = CONTROLS.get(control_id, {})
        theme = control_id.split(".")[0]
        applicable = spec.get("applicable", True)
        record = {
            "id": Quoted(control_id),
            "applicable": applicable,
            "justification": spec.get(
                "justification", THEME_JUSTIFICATION[theme] if applicable else None
            ),
            # an excluded control has nothing to implement; the SoA shows it as not applicable
            "status": spec.get("status", "implemented" if applicable else "not_started"),
            "owner": spec.get("owner", THEME_OWNERS[theme]),
            "units": spec.get("units", ["all"]),
            "policies": spec.get("policies"),
            "evidence": spec.get("evidence"),
            "notes": spec.get("notes"),
        }
        comments = [
            f"{control_id} {title}",
            "Verklaring van Toepasselijkheid: één bestand per maatregel uit de catalogus.",
        ]
        out.record(f"controls/{THEME_FOLDERS[theme]}/{control_id}.yaml", record, comments)
        records.append(record)
    return records


def write_evidence(out: Writer) -> list[dict[str, Any]]:
    records = []
    for item in EVIDENCE:
        record = dict(item)
        record["controls"] = ids(item["controls"])
        if "file" in item:
            relative = f"evidence/files/{item['file']}"
            record["file"] = relative
            record["sha256"] = out.text(relative, EVIDENCE_FILES[item["file"]])
        order = [
            "id",
            "title",
            "controls",
            "collected",
            "valid_for",
            "valid_until",
            "owner",
            "units",
            "file",
            "sha256",
            "notes",
        ]
        record = {key: record.get(key) for key in order}
        year = item["id"].split("-")[1]
        out.record(f"evidence/records/{year}/{item['id'].lower()}.yaml", record)
        records.append(record)
    return records


def write_audits(out: Writer) -> list[dict[str, Any]]:
    records = []
    for audit in AUDITS:
        prefix = "F-" + audit["id"].removeprefix("AUD-")
        findings = []
        for number, finding in enumerate(audit["findings"], start=1):
            findings.append(
                {
                    "id": f"{prefix}-{number:02d}",
                    "title": finding["title"],
                    "severity": finding["severity"],
                    "controls": ids(finding["controls"]) if finding.get("controls") else None,
                    "owner": finding["owner"],
                    "due": finding["due"],
                    "status": finding["status"],
                    "closed": finding.get("closed"),
                    "resolution": finding.get("resolution"),
                    "evidence": finding.get("evidence"),
                    "notes": finding.get("notes"),
                }
            )
        report = audit.get("report")
        if report and f"evidence/files/{report}" not in out.written:
            out.text(f"evidence/files/{report}", EVIDENCE_FILES[report])
        record = {
            "id": audit["id"],
            "title": audit["title"],
            "type": audit["type"],
            "date": audit["date"],
            "auditor": audit["auditor"],
            "units": audit["units"],
            "report": f"evidence/files/{report}" if report else None,
            "findings": findings,
        }
        out.record(
            f"evidence/audits/{audit['id'].lower()}.yaml",
            record,
            [f"{audit['title']} — bevindingen worden hier bijgehouden tot ze gesloten zijn."],
        )
        records.append(record)
    return records


def write_incidents(out: Writer) -> list[dict[str, Any]]:
    records = []
    for incident in INCIDENTS:
        reported = dutch_time(*incident["reported"])
        notified = None
        if "notified" in incident:
            notified = dutch_time(*incident["notified"])
        elif "notified_after_hours" in incident:
            notified = to_dutch_time(reported + timedelta(hours=incident["notified_after_hours"]))
        record = {
            "id": incident["id"],
            "title": incident["title"],
            "reported": reported,
            "kind": incident["kind"],
            "units": incident["units"],
            "controls": ids(incident["controls"]) if incident.get("controls") else None,
            "authority_notified": notified,
            "status": incident["status"],
            "closed": incident.get("closed"),
            "owner": incident.get("owner"),
            "description": incident.get("description"),
            "notes": incident.get("notes"),
        }
        year = incident["id"].split("-")[1]
        out.record(f"evidence/incidents/{year}/{incident['id'].lower()}.yaml", record)
        records.append(record)
    return records


def build_people(rng: random.Random) -> list[dict[str, Any]]:
    slots = [
        (unit, role) for unit, roles in STAFFING.items() for role, n in roles for _ in range(n)
    ]
    rng.shuffle(slots)
    numbers = sorted(rng.sample(range(1001, 2999), len(slots)))
    people = [
        dict(id=Quoted(f"E{number}"), unit=unit, role=role, left=None)
        for number, (unit, role) in zip(numbers, slots, strict=True)
    ]
    for person in rng.sample(people, LEAVERS):
        month_end = add_months(date(2025, 1, 31), rng.randint(0, 21))
        person["left"] = date(
            month_end.year, month_end.month, calendar.monthrange(month_end.year, month_end.month)[1]
        )
    return people


def required_modules(person: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (module_id, valid_for)
        for module_id, _title, valid_for, required_for in MODULES
        if "all" in required_for or person["unit"] in required_for or person["role"] in required_for
    ]


def build_completions(rng: random.Random, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Completions that give each unit its TRAINING_RATE on DESIGN_DATE. A valid 1y completion
    dates from after 2025-11-23; a lapsed one from before; completions start in January 2025."""
    first_day = date(2025, 1, 6)
    last_day = DESIGN_DATE - timedelta(days=3)
    year_ago = add_months(DESIGN_DATE, -12)
    rows: set[tuple[str, str, date]] = set()

    def done(person: dict[str, Any], module: str, start: date, end: date) -> date:
        day = random_day(rng, start, end)
        rows.add((person["id"], module, day))
        return day

    assignments: dict[str, list[tuple[dict[str, Any], str, str]]] = defaultdict(list)
    for person in people:
        left = person["left"]
        for module, valid_for in required_modules(person):
            if left is not None and left <= DESIGN_DATE:
                if left > first_day + timedelta(days=30) and rng.random() < 0.7:
                    done(person, module, first_day, left - timedelta(days=7))
                continue
            assignments[person["unit"]].append((person, module, valid_for))

    for unit in UNIT_IDS:
        pairs = assignments[unit]
        order = list(range(len(pairs)))
        rng.shuffle(order)
        compliant = set(order[: round(TRAINING_RATE[unit] * len(pairs))])
        for index, (person, module, valid_for) in enumerate(pairs):
            yearly = valid_for == "1y"
            if index in compliant:
                if yearly:
                    day = done(person, module, year_ago + timedelta(days=1), last_day)
                    earlier = add_months(day, -12) + timedelta(days=rng.randint(-25, 25))
                    if earlier >= first_day and rng.random() < 0.65:  # last year's round
                        done(person, module, earlier, earlier + timedelta(days=6))
                else:
                    done(person, module, first_day, last_day)
            elif yearly and rng.random() < 0.55:
                done(person, module, first_day, year_ago - timedelta(days=3))  # lapsed
    return [
        dict(person=Quoted(p), module=m, completed=d)
        for p, m, d in sorted(rows, key=lambda row: (row[2], row[0], row[1]))
    ]


def write_training(out: Writer) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    people = build_people(random.Random(SEED))
    completions = build_completions(random.Random(SEED), people)
    modules = [
        "# Awarenessmodules en voor wie ze verplicht zijn (eenheid, rol of all).",
        "modules:",
    ]
    modules += [
        f"  - {flow_mapping(dict(id=m, title=t, valid_for=v, required_for=r))}"
        for m, t, v, r in MODULES
    ]
    out.text("evidence/training/modules.yaml", "\n".join(modules) + "\n")
    lines = [
        "# Medewerkers per personeelsnummer, zonder namen (dataminimalisatie, AVG).",
        "# Bron: fictieve HR-export; 'left' is de datum van uitdiensttreding.",
        "people:",
    ]
    lines += [f"  - {flow_mapping(person)}" for person in people]
    out.text("evidence/training/people.yaml", "\n".join(lines) + "\n")
    for year in (2025, 2026):
        rows = [row for row in completions if row["completed"].year == year]
        lines = [
            f"# Export van het (fictieve) leerplatform, afgeronde modules in {year}.",
            "completions:",
        ]
        lines += [f"  - {flow_mapping(row)}" for row in rows]
        out.text(f"evidence/training/completions/{year}.yaml", "\n".join(lines) + "\n")
    return people, completions


def write_settings(out: Writer, owners_used: set[str]) -> None:
    missing = owners_used - set(OWNERS)
    assert not missing, f"owners without a mailbox in OWNERS: {sorted(missing)}"
    lines = [
        "# Instellingen van de compliance-administratie van Huisartsenzorg Voorbeeldregio.",
        "# Fictieve voorbeeldorganisatie: alle namen, rollen en gebeurtenissen zijn verzonnen.",
        "# units: de organisatie-eenheden; 'all' (de hele organisatie) bestaat altijd.",
        "# due_soon: hoe ver vooruit nencheck waarschuwt voor herzieningen en deadlines.",
        "# training_target: het deel van de verplichte modules dat geldig afgerond moet zijn.",
        "# fail_on: regels waarop 'nencheck check' de pijplijn laat falen (exitcode 1).",
        "# contacts: waar 'nencheck notify' de lijst van iedere eigenaar naartoe stuurt.",
        f"organisation: {ORGANISATION}",
        "framework: nen7510-2024",
        "language: nl",
        "units:",
        *[f"  - {flow_mapping(dict(id=unit_id, name=name))}" for unit_id, name in UNITS],
        "due_soon: 60d",
        "training_target: 0.90",
        "fail_on: [policy-overdue]",
        "contacts:",
        *[
            f"  {scalar(owner)}: {OWNERS[owner]}@{MAIL_DOMAIN}"
            for owner in OWNERS
            if owner in owners_used
        ],
        "  # Trainingsachterstand gaat per unit (de eigenaar van een trainingspunt is de unit):",
        *[f"  {unit_id}: opleiding.{unit_id.lower()}@{MAIL_DOMAIN}" for unit_id, _name in UNITS],
    ]
    out.text("nencheck.yaml", "\n".join(lines) + "\n")


# --------------------------------------------------------------------------------------------
# Safety, generation and self-check
# --------------------------------------------------------------------------------------------


def target_root(argv: list[str]) -> Path:
    repo_root = Path(__file__).resolve().parent.parent
    if len(argv) > 1:
        sys.exit("usage: generate_example.py [TARGET_DIR]")
    root = Path(argv[0]).resolve() if argv else repo_root
    if root == repo_root:
        if not (root / "scripts").is_dir() or not (root / "scripts" / Path(__file__).name).exists():
            sys.exit(f"refusing to write: {root} is not the nencheck repository root")
        return root
    settings = root / "nencheck.yaml"
    looks_generated = settings.exists() and f"organisation: {ORGANISATION}" in settings.read_text(
        encoding="utf-8", errors="replace"
    )
    if root.exists() and any(root.iterdir()) and not looks_generated:
        sys.exit(f"refusing to write into {root}: not empty and not an earlier generated example")
    return root


def clear(root: Path) -> None:
    for name in GENERATED_PATHS:
        path = root / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()


def generate(root: Path) -> dict[str, Any]:
    root.mkdir(parents=True, exist_ok=True)
    clear(root)
    out = Writer(root)
    data = dict(
        controls=write_controls(out),
        policies=write_policies(out),
        evidence=write_evidence(out),
        audits=write_audits(out),
        incidents=write_incidents(out),
    )
    data["people"], data["completions"] = write_training(out)
    owners = {r["owner"] for kind in ("controls", "policies", "evidence") for r in data[kind]} | {
        f["owner"] for a in data["audits"] for f in a["findings"]
    }
    write_settings(out, owners)
    return data


def self_check(root: Path) -> None:
    """Read everything back (plain PyYAML) and check ids, references and the intended shape."""

    def load(path: Path) -> Any:
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    settings = load(root / "nencheck.yaml")
    units = {u["id"] for u in settings["units"]} | {"all"}
    catalog = {control_id for control_id, _title in CATALOG}
    controls = {c["id"]: c for c in map(load, sorted((root / "controls").rglob("*.yaml")))}
    policies = {p["id"]: p for p in map(load, sorted((root / "policies").rglob("*.yaml")))}
    evidence = {e["id"]: e for e in map(load, sorted((root / "evidence/records").rglob("*.yaml")))}
    audits = [load(p) for p in sorted((root / "evidence/audits").glob("*.yaml"))]
    incidents = [load(p) for p in sorted((root / "evidence/incidents").rglob("*.yaml"))]
    people = {p["id"]: p for p in load(root / "evidence/training/people.yaml")["people"]}
    modules = {m["id"]: m for m in load(root / "evidence/training/modules.yaml")["modules"]}
    completions = [
        row
        for path in sorted((root / "evidence/training/completions").glob("*.yaml"))
        for row in load(path)["completions"]
    ]
    problems: list[str] = []

    def need(condition: bool, message: str) -> None:
        if not condition:
            problems.append(message)

    need(set(controls) == catalog, "control files do not match the catalog")
    findings = [f for a in audits for f in a["findings"]]
    all_ids = (
        list(policies)
        + list(evidence)
        + [a["id"] for a in audits]
        + [f["id"] for f in findings]
        + [i["id"] for i in incidents]
    )
    need(len(all_ids) == len(set(all_ids)), "duplicate ids")
    for c in controls.values():
        need(all(isinstance(x, str) for x in [c["id"], *c.get("units", [])]), f"{c['id']}: types")
        need(set(c.get("units", [])) <= units, f"control {c['id']}: unknown unit")
        need(set(c.get("policies", [])) <= set(policies), f"control {c['id']}: unknown policy")
        need(set(c.get("evidence", [])) <= set(evidence), f"control {c['id']}: unknown evidence")
        need(c["applicable"] or bool(c.get("justification")), f"control {c['id']}: justification")
    for p in policies.values():
        need(set(p.get("controls", [])) <= catalog, f"policy {p['id']}: unknown control")
        need(set(p.get("units", [])) <= units, f"policy {p['id']}: unknown unit")
        need(p.get("supersedes") in (None, *policies), f"policy {p['id']}: unknown supersedes")
        need(not p.get("document") or (root / p["document"]).exists(), f"{p['id']}: no document")
        need(isinstance(p["version"], str), f"policy {p['id']}: version is not text")
    for e in evidence.values():
        need(set(e.get("controls", [])) <= catalog, f"evidence {e['id']}: unknown control")
        if e.get("file"):
            digest = hashlib.sha256((root / e["file"]).read_bytes()).hexdigest()
            need(digest == e.get("sha256"), f"evidence {e['id']}: sha256 mismatch")
    for a in audits:
        need(not a.get("report") or (root / a["report"]).exists(), f"{a['id']}: no report")
        for f in a["findings"]:
            need(set(f.get("controls", [])) <= catalog, f"finding {f['id']}: unknown control")
            need(
                set(f.get("evidence", [])) <= set(evidence), f"finding {f['id']}: unknown evidence"
            )
            need((f["status"] == "closed") == ("closed" in f), f"finding {f['id']}: closed date")
    for i in incidents:
        need(set(i.get("controls", [])) <= catalog, f"incident {i['id']}: unknown control")
        need((i["status"] == "closed") == ("closed" in i), f"incident {i['id']}: closed date")
    roles = {p["role"] for p in people.values()}
    for m in modules.values():
        need(set(m["required_for"]) <= units | roles, f"module {m['id']}: unknown unit or role")
    for row in completions:
        need(row["person"] in people and row["module"] in modules, f"completion {row}: unknown ref")
    owners = {
        r.get("owner")
        for r in [*controls.values(), *policies.values(), *evidence.values(), *findings]
    } - {None}
    need(owners <= set(settings["contacts"]), "owner without a contact")

    # implemented controls are supported by an active policy or valid evidence, except two
    today = DESIGN_DATE

    def valid(e: dict[str, Any]) -> bool:
        until = e.get("valid_until") or add_duration(e["collected"], e["valid_for"])
        return until >= today

    support: dict[str, set[str]] = defaultdict(set)
    anything: dict[str, set[str]] = defaultdict(set)
    for c in controls.values():
        anything[c["id"]] |= set(c.get("policies", [])) | set(c.get("evidence", []))
        support[c["id"]] |= {x for x in c.get("policies", []) if policies[x]["status"] == "active"}
        support[c["id"]] |= {x for x in c.get("evidence", []) if valid(evidence[x])}
    for p in policies.values():
        for control_id in p.get("controls", []):
            anything[control_id].add(p["id"])
            if p["status"] == "active":
                support[control_id].add(p["id"])
    for e in evidence.values():
        for control_id in e.get("controls", []):
            anything[control_id].add(e["id"])
            if valid(e):
                support[control_id].add(e["id"])
    implemented = {
        c["id"] for c in controls.values() if c["applicable"] and c["status"] == "implemented"
    }
    unsupported = {c for c in implemented if not support[c]}
    need(unsupported == UNSUPPORTED_ON_PURPOSE, f"unsupported implemented controls: {unsupported}")
    need(all(not anything[c] for c in UNSUPPORTED_ON_PURPOSE), "5.6/7.12 must have no links")

    if problems:
        sys.exit("self-check failed:\n  " + "\n  ".join(problems))

    # summary on DESIGN_DATE
    states: Counter[str] = Counter()
    for p in policies.values():
        if p["status"] != "active":
            states[p["status"]] += 1
            continue
        due = p.get("next_review") or add_duration(p["last_reviewed"], p["review_interval"])
        states[classify(due)] += 1
    applicable = [c for c in controls.values() if c["applicable"]]
    print(f"example organisation written to {root}")
    print(
        f"  controls: {len(controls)} ({len(controls) - len(applicable)} not applicable); "
        f"applicable by status: {dict(Counter(c['status'] for c in applicable))}"
    )
    print(f"  policies: {len(policies)}; on {today}: {dict(states)}")
    print(
        f"  evidence: {len(evidence)}, expired on {today}: "
        f"{sum(not valid(e) for e in evidence.values())}"
    )
    open_findings = [f for f in findings if f["status"] in ("open", "in_progress")]
    print(
        f"  audits: {len(audits)}, findings: {len(findings)} "
        f"{dict(Counter(f['status'] for f in findings))}, open and overdue: "
        f"{sum(f['due'] < today for f in open_findings)}"
    )
    print(f"  incidents: {len(incidents)} {dict(Counter(i['kind'] for i in incidents))}")
    required = compliant = 0
    by_unit: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    latest: dict[tuple[str, str], date] = {}
    for row in completions:
        key = (row["person"], row["module"])
        latest[key] = max(latest.get(key, row["completed"]), row["completed"])
    for person in people.values():
        if person["left"] is not None and person["left"] <= today:
            continue
        for module_id, valid_for in required_modules(person):
            done = latest.get((person["id"], module_id))
            ok = done is not None and add_duration(done, valid_for) >= today
            by_unit[person["unit"]][0] += 1
            by_unit[person["unit"]][1] += ok
            required += 1
            compliant += ok
    rates = ", ".join(f"{u} {c / r:.2f}" for u, (r, c) in sorted(by_unit.items()))
    print(
        f"  training: {len(people)} people, {len(completions)} completions, "
        f"rate {compliant / required:.3f} ({compliant}/{required}); {rates}"
    )


def main(argv: list[str]) -> None:
    root = target_root(argv)
    generate(root)
    self_check(root)


if __name__ == "__main__":
    main(sys.argv[1:])
