"""Fictional organisations, people and sample writing for `seed_demo`. ALL FICTIONAL.

The data lives in programs/demo_data/*.yaml and is checked against the shapes below when this
module is imported (only the demo imports it). The curriculum itself is not demo data: it lives
in programs/content/ (see programs.content), and norm templates in norms/data/.

DEMO_COHORTS              list[DemoCohort]
DEMO_COUNTY               DemoCounty
DEMO_DISTRICTS            list[DemoDistrict]      each with its schools
DEMO_PEOPLE               list[DemoPerson]        school_cds: a school ("" = county staff)
JOURNAL_SAMPLES           list[JournalSample]     body is simple HTML: p, em, strong, ul, li only
IDENTITY_STATEMENT        IdentityStatement       sample collective identity statement for one team
SESSION_FEEDBACK_COMMENTS list[SessionFeedback]   participants' warm/cool comments about a session
FEEDBACK_SAMPLES          list[ArtifactFeedback]  peer feedback on a team artifact

Cross-references: DemoDistrict.cohort -> DemoCohort.slug; DemoPerson.school_cds and
IdentityStatement.school_cds -> DemoSchool.cds_code; module_number -> a module's number;
ArtifactFeedback.protocol -> a feedback protocol key; artifact_kind -> TeamTaskKind.
"""

from pathlib import Path
from typing import Literal, TypedDict

from cohort_site.datafiles import load_yaml

from .content.schema import Privacy, PromptKind, TeamTaskKind

DEMO_DATA_DIR = Path(__file__).resolve().parent / "demo_data"

FeedbackTone = Literal["warm", "cool", "like", "wish", "wonder"]


class DemoCohort(TypedDict):
    slug: str
    name: str
    start_date: str
    end_date: str


class DemoCounty(TypedDict):
    name: str
    county_code: str  # 2 digits


class DemoSchool(TypedDict):
    name: str
    city: str
    cds_code: str  # 14 digits: county (2) + district (5) + school (7)
    grade_span: str


class DemoDistrict(TypedDict):
    name: str
    city: str
    cds_code: str  # district-level code: county + district + "0000000"
    cohort: str  # DemoCohort.slug
    schools: list[DemoSchool]


class Organisations(TypedDict):
    cohorts: list[DemoCohort]
    county: DemoCounty
    districts: list[DemoDistrict]


class DemoPerson(TypedDict):
    first_name: str
    last_name: str
    pronouns: str  # "" when not given
    role_title: str
    school_cds: str  # DemoSchool.cds_code, or "" for county office staff
    is_facilitator: bool


class JournalSample(TypedDict):
    kind: PromptKind
    title: str
    body: str  # HTML limited to p, em, strong, ul, li
    visibility: Privacy
    module_number: int


class IdentityStatement(TypedDict):
    school_cds: str
    title: str
    who_we_are: str
    why_we_do_this_work: str
    what_we_commit_to: list[str]


class Journals(TypedDict):
    journal_samples: list[JournalSample]
    identity_statement: IdentityStatement


class SessionFeedback(TypedDict):
    module_number: int
    tone: Literal["warm", "cool"]
    text: str


class ArtifactFeedback(TypedDict):
    protocol: str  # a feedback protocol key (feedback/protocols.py)
    artifact_kind: TeamTaskKind
    tone: FeedbackTone
    text: str


class Feedback(TypedDict):
    session_feedback_comments: list[SessionFeedback]
    feedback_samples: list[ArtifactFeedback]


_organisations = load_yaml(DEMO_DATA_DIR / "organisations.yaml", Organisations)
_journals = load_yaml(DEMO_DATA_DIR / "journals.yaml", Journals)
_feedback = load_yaml(DEMO_DATA_DIR / "feedback.yaml", Feedback)

DEMO_COHORTS: list[DemoCohort] = _organisations["cohorts"]
DEMO_COUNTY: DemoCounty = _organisations["county"]
DEMO_DISTRICTS: list[DemoDistrict] = _organisations["districts"]
DEMO_PEOPLE: list[DemoPerson] = load_yaml(DEMO_DATA_DIR / "people.yaml", list[DemoPerson])
JOURNAL_SAMPLES: list[JournalSample] = _journals["journal_samples"]
IDENTITY_STATEMENT: IdentityStatement = _journals["identity_statement"]
SESSION_FEEDBACK_COMMENTS: list[SessionFeedback] = _feedback["session_feedback_comments"]
FEEDBACK_SAMPLES: list[ArtifactFeedback] = _feedback["feedback_samples"]
