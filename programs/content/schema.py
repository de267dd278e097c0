"""The shapes of the curriculum files under programs/content/, checked on load.

Cross-references between files go by slug or code, never by position (checked in
`programs.content.curriculum`):
- Module.goals -> Goal.slug; Module.protocols -> Protocol.slug
- Module.mode, Protocol.mode -> LiberatoryDesignMode.slug
- Resource.topics -> Topic.slug; Resource.student_groups -> a student-group code
"""

from typing import Literal, TypedDict

PromptKind = Literal["identity", "learning", "team"]
Privacy = Literal["private", "facilitator", "team"]
TeamTaskKind = Literal[
    "norms",
    "identity_statement",
    "aim",
    "driver_diagram",
    "pdsa_cycle",
    "feedback_request",
    "reflection",
]
ResourceType = Literal["report", "toolkit", "guide", "video", "letter", "research_brief"]


class Program(TypedDict):
    title: str
    slug: str
    intro: str  # one sentence, under 300 characters (fits HomePage.intro)
    overview: list[str]  # 2-3 plain-text paragraphs
    audience: str
    how_to_join: list[str]  # plain-text paragraphs
    start_date: str  # ISO date
    end_date: str  # ISO date
    team_size_min: int
    team_size_max: int


class Goal(TypedDict):
    slug: str
    title: str
    description: str  # one sentence


class ProgramFile(TypedDict):
    program: Program
    goals: list[Goal]  # the county model's goals


class CdeEquityGoal(TypedDict):
    number: int
    slug: str
    title: str
    description: str


class EquityArea(TypedDict):
    slug: str
    name: str
    description: str


class LiberatoryDesignMode(TypedDict):
    slug: str
    name: str
    description: str  # one line
    order: int
    is_core: bool  # Notice and Reflect sit at the centre and run through every other mode


class Topic(TypedDict):
    slug: str
    name: str


class TaxonomyFile(TypedDict):
    cde_equity_goals: list[CdeEquityGoal]
    equity_areas: list[EquityArea]
    liberatory_design_modes: list[LiberatoryDesignMode]
    student_groups: list[tuple[str, str]]  # (Dashboard code, label)
    topics: list[Topic]


class ProtocolStepEntry(TypedDict):
    text: str
    minutes: int


class ProtocolEntry(TypedDict):
    """A protocol as written in protocols.yaml."""

    slug: str
    name: str
    purpose: str
    mode: str  # LiberatoryDesignMode.slug
    source: str  # attribution of the original protocol or tool
    steps: list[ProtocolStepEntry]


class Protocol(TypedDict):
    """A protocol as the loader hands it out: steps are (text, minutes)."""

    slug: str
    name: str
    purpose: str
    mode: str
    source: str
    steps: list[tuple[str, int]]


class ReflectionPrompt(TypedDict):
    text: str
    kind: PromptKind
    default_privacy: Privacy  # identity prompts are always "private"


class TeamTask(TypedDict):
    kind: TeamTaskKind
    title: str
    description: str


class Module(TypedDict):
    """modules/NN-slug.md: every field but body_paragraphs in the front matter; the body below
    it is body_paragraphs (plain paragraphs separated by blank lines)."""

    number: int
    month: int  # 1-12
    year: int
    title: str
    slug: str
    mode: str  # main LiberatoryDesignMode.slug for the session
    summary: str
    objectives: list[str]
    estimated_minutes: int
    goals: list[str]  # Goal.slug
    reflection_prompts: list[ReflectionPrompt]
    protocols: list[str]  # Protocol.slug
    callout: str
    team_task: TeamTask
    body_paragraphs: list[str]


class Resource(TypedDict):
    title: str
    url: str  # "" when the source list gives no address
    summary: str  # one line
    type: ResourceType
    topics: list[str]  # Topic.slug
    student_groups: list[str]  # student-group code
    audience: str
    listed_by: str  # which public list names it: "CDE QSF", "SDCOE", "PSESD"
