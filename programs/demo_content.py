"""Demo curriculum and sample data for the 2026-27 Equity Improvement Project cohort.

Plain Python data only: standard library, no Django imports, no gettext. The ``seed_demo``
management command reads these constants and turns them into database rows and Wagtail pages.

All prose was written for this project. Names of public reports, toolkits and protocols, and
the California School Dashboard student-group codes, are used as published. Every district,
school, CDS code and person below is FICTIONAL.

Top-level constants (shapes are given by the TypedDicts defined below)
--------------------------------------------------------------------
PROGRAM                   Program                 title, slug, intro, overview paragraphs, audience...
GOALS                     list[Goal]              the county model's seven goals (slug/title/description)
CDE_EQUITY_GOALS          list[CdeEquityGoal]     CDE Quality Schooling Framework: six goals of equity
EQUITY_AREAS              list[EquityArea]        CDE: four areas where equity shows up
LIBERATORY_DESIGN_MODES   list[LiberatoryDesignMode]
PROTOCOLS                 list[Protocol]          steps are list[tuple[str, int]] = (text, minutes)
MODULES                   list[Module]            nine monthly sessions, Sep 2026 - May 2027
STUDENT_GROUPS            list[tuple[str, str]]   (Dashboard code, label)
TOPICS                    list[Topic]             resource topic tags (slug/name)
RESOURCES                 list[Resource]
NORM_TEMPLATES            list[NormTemplate]      norms are list[tuple[str, str]] = (statement, in practice)
DEMO_COHORTS              list[DemoCohort]
DEMO_COUNTY               DemoCounty
DEMO_DISTRICTS            list[DemoDistrict]      each with its schools
DEMO_PEOPLE               list[DemoPerson]        school_cds links a person to a school ("" = county staff)
JOURNAL_SAMPLES           list[JournalSample]     body is simple HTML: p, em, strong, ul, li only
IDENTITY_STATEMENT        IdentityStatement       sample collective identity statement for one team
SESSION_FEEDBACK_COMMENTS list[SessionFeedback]   participants' warm/cool comments about a session
FEEDBACK_SAMPLES          list[ArtifactFeedback]  peer feedback on a team artifact

Cross-references (all by slug or code, never by list position):
- Module.goals            -> Goal.slug
- Module.protocols        -> Protocol.slug
- Protocol.mode           -> LiberatoryDesignMode.slug
- Resource.topics         -> Topic.slug
- Resource.student_groups -> STUDENT_GROUPS code
- DemoDistrict.cohort     -> DemoCohort.slug
- DemoPerson.school_cds, IdentityStatement.school_cds -> DemoSchool.cds_code
- JournalSample.module_number, SessionFeedback.module_number -> Module.number
- ArtifactFeedback.protocol -> Protocol.slug; ArtifactFeedback.artifact_kind -> TeamTaskKind
"""

from typing import Literal, TypedDict

# ---------------------------------------------------------------------------
# Types
# ---------------------------------------------------------------------------

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
FeedbackTone = Literal["warm", "cool", "like", "wish", "wonder"]

# (step text, minutes)
ProtocolStep = tuple[str, int]
# (norm statement, what it looks like in practice)
NormItem = tuple[str, str]


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


class Protocol(TypedDict):
    slug: str
    name: str
    purpose: str
    mode: str  # LiberatoryDesignMode.slug
    source: str  # attribution of the original protocol or tool
    steps: list[ProtocolStep]


class ReflectionPrompt(TypedDict):
    text: str
    kind: PromptKind
    default_privacy: Privacy  # identity prompts are always "private"


class TeamTask(TypedDict):
    kind: TeamTaskKind
    title: str
    description: str


class Module(TypedDict):
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
    body_paragraphs: list[str]
    callout: str
    team_task: TeamTask


class Topic(TypedDict):
    slug: str
    name: str


class Resource(TypedDict):
    title: str
    url: str  # "" when the source list gives no address
    summary: str  # one line
    type: ResourceType
    topics: list[str]  # Topic.slug
    student_groups: list[str]  # STUDENT_GROUPS code
    audience: str
    listed_by: str  # which public list names it: "CDE QSF", "SDCOE", "PSESD"


class NormTemplate(TypedDict):
    slug: str
    name: str
    source: str
    description: str
    norms: list[NormItem]


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


class SessionFeedback(TypedDict):
    module_number: int
    tone: Literal["warm", "cool"]
    text: str


class ArtifactFeedback(TypedDict):
    protocol: str  # Protocol.slug
    artifact_kind: TeamTaskKind
    tone: FeedbackTone
    text: str


# ---------------------------------------------------------------------------
# 1. Program and goals
# ---------------------------------------------------------------------------

PROGRAM: Program = {
    "title": "Equity Improvement Project 2026-27",
    "slug": "equity-improvement-project-2026-27",
    "intro": (
        "A year-long partnership in which school equity teams look inward, learn together, "
        "and then redesign one system at their school that is producing unfair results."
    ),
    "overview": [
        "The Equity Improvement Project is a one-year learning partnership between the county "
        "office of education and equity teams from partner schools and districts. Each school "
        "sends a team of four to seven people, ideally the principal or an assistant principal, "
        "at least two teachers and a counselor, and the teams meet as a cohort about once a "
        "month from September through May.",
        "The project starts from the conviction that leading for equity works from the inside "
        "out. The first half of the year is personal and team learning: exploring identity, "
        "agreeing how to hold honest conversations, and building a shared language for how "
        "inequity is produced. In the second half, teams put that foundation to work on a real "
        "problem, using improvement science and Liberatory Design to study one inequitable "
        "system at their school and to test changes to it in small cycles.",
        "Facilitators check in with every team between sessions and coach site administrators. "
        "By May each team will have working agreements, a collective identity statement, an aim "
        "focused on a specific student group, and evidence from at least one Plan-Do-Study-Act "
        "cycle to carry into the following year.",
    ],
    "audience": (
        "Equity teams of four to seven people from partner schools and districts: site "
        "administrators, teachers, counselors, and any other certificated or classified staff "
        "who want to lead equity work at their school."
    ),
    "how_to_join": [
        "A school or district joins by forming a team and submitting a short proposal that "
        "names the team members and describes why the school wants to take part this year.",
        "Before the first session, every member completes a brief readiness survey so "
        "facilitators can tailor the year to the cohort.",
    ],
    "start_date": "2026-09-01",
    "end_date": "2027-05-31",
    "team_size_min": 4,
    "team_size_max": 7,
}

GOALS: list[Goal] = [
    {
        "slug": "grow-together",
        "title": "Grow together through shared norms",
        "description": (
            "Build the norms and habits that let adults keep developing as a team, including "
            "deep listening and giving and receiving feedback, with equity kept at the centre."
        ),
    },
    {
        "slug": "collective-identity",
        "title": "Co-construct a collective identity",
        "description": (
            "Decide together what kind of equity team you want to become and which concrete "
            "actions will get you there."
        ),
    },
    {
        "slug": "equity-consciousness",
        "title": "Deepen equity consciousness",
        "description": (
            "Understand how racism and the other isms operate in people, practices and "
            "institutions, schools included."
        ),
    },
    {
        "slug": "equity-minded-leaders",
        "title": "Grow a team of equity-minded leaders",
        "description": (
            "Develop a strong team whose members lead equity work at their school with skill, "
            "courage and credibility."
        ),
    },
    {
        "slug": "improvement-science",
        "title": "Practice improvement science and Liberatory Design",
        "description": (
            "Learn and use methods for seeing a system, centring the people it affects most, "
            "and testing changes in small, fast cycles."
        ),
    },
    {
        "slug": "redesign-a-system",
        "title": "Redesign a system rooted in inequity",
        "description": (
            "Pick one system, structure or process at the school that produces inequitable "
            "results and lead the team's effort to redesign it."
        ),
    },
    {
        "slug": "continuous-improvement",
        "title": "Build a continuous-improvement habit of mind",
        "description": (
            "Make predicting, testing, studying and adjusting an everyday way of working that "
            "lasts beyond the project year."
        ),
    },
]

# ---------------------------------------------------------------------------
# 2. Frameworks, Liberatory Design modes and protocols
# ---------------------------------------------------------------------------

# The six goals of equity listed on the CDE Quality Schooling Framework "Equity" page.
CDE_EQUITY_GOALS: list[CdeEquityGoal] = [
    {
        "number": 1,
        "slug": "comparable-outcomes",
        "title": "Comparably high achievement and outcomes",
        "description": (
            "Every student group reaches similarly high results, both in academics and on "
            "measures such as attendance, promotion and graduation."
        ),
    },
    {
        "number": 2,
        "slug": "access-and-inclusion",
        "title": "Equitable access and inclusion",
        "description": (
            "No group is over- or under-represented in special education, advanced and gateway "
            "courses, STEM, activities or support programs, and families get clear information "
            "to make choices."
        ),
    },
    {
        "number": 3,
        "slug": "equitable-treatment",
        "title": "Equitable treatment",
        "description": (
            "Students are respected and safe, discipline is fair across groups, and each student "
            "has a real connection with at least one adult on campus."
        ),
    },
    {
        "number": 4,
        "slug": "resource-distribution",
        "title": "Equitable resource distribution",
        "description": (
            "Strong teachers and leaders, current technology, materials, libraries and labs reach "
            "the students who need them most."
        ),
    },
    {
        "number": 5,
        "slug": "opportunity-to-learn",
        "title": "Equitable opportunities to learn",
        "description": (
            "Teachers get ongoing support, students take ownership of their learning, and "
            "families are equipped to support it at home."
        ),
    },
    {
        "number": 6,
        "slug": "shared-accountability",
        "title": "Shared responsibility and accountability",
        "description": (
            "Staff, students and families see progress data openly and share responsibility for "
            "every student's success."
        ),
    },
]

EQUITY_AREAS: list[EquityArea] = [
    {
        "slug": "resource-distribution",
        "name": "Resource distribution",
        "description": (
            "Who gets access to skilled staff, funding, materials, technology, facilities and "
            "community partners."
        ),
    },
    {
        "slug": "programs",
        "name": "Programs",
        "description": (
            "How policies decide which students are selected for, enrolled in, supported in and "
            "finish courses, programs and activities."
        ),
    },
    {
        "slug": "school-climate",
        "name": "School climate",
        "description": "Whether every student is engaged, supported and safe at school.",
    },
    {
        "slug": "achievement",
        "name": "Achievement",
        "description": "Academic and other outcomes for every student on every indicator.",
    },
]

# Modes of Liberatory Design (National Equity Project and the Stanford d.school K12 Lab).
# The 2021 version speaks of nine modes; the eight below are the ones we could confirm, with
# "Try" in place of the earlier "Test". Add the ninth only after checking liberatorydesign.com.
LIBERATORY_DESIGN_MODES: list[LiberatoryDesignMode] = [
    {
        "slug": "notice",
        "name": "Notice",
        "description": (
            "Pay attention to your own identity, values, emotions and biases, and to the history "
            "and power in the situation."
        ),
        "order": 1,
        "is_core": True,
    },
    {
        "slug": "see-the-system",
        "name": "See the System",
        "description": (
            "Look at the structures, policies and patterns, and their history, that produce "
            "today's outcomes."
        ),
        "order": 2,
        "is_core": False,
    },
    {
        "slug": "empathize",
        "name": "Empathize",
        "description": (
            "Come to understand the experiences and needs of the people most affected, with "
            "respect and curiosity."
        ),
        "order": 3,
        "is_core": False,
    },
    {
        "slug": "define",
        "name": "Define",
        "description": (
            "Name the problem together with the people affected, as a point of view about a "
            "real need."
        ),
        "order": 4,
        "is_core": False,
    },
    {
        "slug": "ideate",
        "name": "Ideate",
        "description": (
            "Generate many possible changes, drawing first on the ideas of those closest to the "
            "problem."
        ),
        "order": 5,
        "is_core": False,
    },
    {
        "slug": "prototype",
        "name": "Prototype",
        "description": "Make a quick, rough version of an idea so others can react to it.",
        "order": 6,
        "is_core": False,
    },
    {
        "slug": "try",
        "name": "Try",
        "description": "Put a prototype into practice on a small scale and learn from what happens.",
        "order": 7,
        "is_core": False,
    },
    {
        "slug": "reflect",
        "name": "Reflect",
        "description": (
            "Step back to look at team health, intentions and impact, from the personal level "
            "to the systemic one."
        ),
        "order": 8,
        "is_core": True,
    },
]

PROTOCOLS: list[Protocol] = [
    {
        "slug": "forming-ground-rules",
        "name": "Forming Ground Rules",
        "purpose": (
            "Find out what each member needs in order to learn well in the group and turn those "
            "needs into agreements everyone can keep."
        ),
        "mode": "notice",
        "source": "National School Reform Faculty / School Reform Initiative",
        "steps": [
            (
                "Each person writes privately: what conditions help me do my best learning in a group like this one?",
                5,
            ),
            (
                "Go around the circle, one condition per person per turn, while a recorder lists each one word for word.",
                10,
            ),
            ("Group similar items and check meaning: what would this look like on a hard day?", 10),
            (
                "Ask whether everyone can live with every item, and talk through objections until the team agrees.",
                10,
            ),
            ("Star the one or two agreements the team expects to find hardest to keep.", 5),
            ("Decide when and how the team will revisit the agreements.", 5),
        ],
    },
    {
        "slug": "compass-points",
        "name": "Compass Points",
        "purpose": (
            "Help members see their own working style and their colleagues' styles, and plan how "
            "different styles can work well together."
        ),
        "mode": "notice",
        "source": "National School Reform Faculty",
        "steps": [
            (
                "Introduce the four directions: North acts, East speculates, South cares, West attends to detail.",
                5,
            ),
            (
                "Each person stands at the direction that best matches how they usually work in a group.",
                3,
            ),
            (
                "Each direction group charts: our strengths, our limits, the style we find hardest, what others should know about us, and what we value in the other three.",
                15,
            ),
            ("Groups present their charts while everyone else listens without debating.", 12),
            (
                "Whole team discusses: where are we crowded or thin, and what does that mean for our equity work?",
                10,
            ),
        ],
    },
    {
        "slug": "comparing-equity-definitions",
        "name": "Comparing Definitions of Equity",
        "purpose": (
            "Arrive at a shared working definition of equity by reading several published "
            "definitions side by side."
        ),
        "mode": "notice",
        "source": "County office of education facilitator guide",
        "steps": [
            (
                "Read four or five definitions silently; mark a phrase you agree with and one that raises a question.",
                8,
            ),
            (
                "In pairs, share the phrase you would keep and the one you would drop, and say why.",
                10,
            ),
            ("As a team, chart the common threads and the points of tension.", 12),
            ("Draft a one-sentence team definition of equity, treated as a first draft.", 10),
            ("Name whose perspectives were missing and how the team will seek them out.", 5),
        ],
    },
    {
        "slug": "social-identity-wheel",
        "name": "Social Identity Wheel",
        "purpose": (
            "Reflect on your social identities and how they shape your experience as an "
            "educator. Sharing is always voluntary."
        ),
        "mode": "notice",
        "source": "University of Michigan LSA Inclusive Teaching",
        "steps": [
            (
                "Facilitator makes clear that every disclosure is optional and that each wheel belongs to its author.",
                3,
            ),
            (
                "Fill in the wheel privately: race, ethnicity, gender, language, class, ability, religion, and any others you choose.",
                10,
            ),
            ("Mark the identities you think about most often and least often.", 5),
            (
                "Star the identities central to your own sense of self, and circle the ones people notice first when they meet you.",
                5,
            ),
            (
                "In pairs, share only what you choose, focusing on a moment when an identity became visible at school.",
                12,
            ),
            (
                "Whole-group debrief: what do you notice about the identities we rarely have to think about?",
                10,
            ),
        ],
    },
    {
        "slug": "identity-iceberg",
        "name": "Identity Iceberg",
        "purpose": (
            "Separate the parts of identity others can see from those under the surface, then "
            "think about what students bring that school never sees."
        ),
        "mode": "notice",
        "source": "Anti-Defamation League",
        "steps": [
            ("Draw an iceberg with a waterline.", 2),
            ("Above the line, write what people tend to notice about you first.", 5),
            ("Below the line, write the values, experiences and identities others cannot see.", 8),
            ("Circle the below-the-line items that most shape how you teach or lead.", 5),
            (
                "Turn it around: what might sit below the waterline for your students that school never asks about?",
                8,
            ),
            ("Optional sharing in trios.", 10),
        ],
    },
    {
        "slug": "circles-of-identity",
        "name": "Paseo or Circles of Identity",
        "purpose": (
            "Use short personal stories to explore how identity shapes experience and to build "
            "trust across difference."
        ),
        "mode": "notice",
        "source": "National School Reform Faculty",
        "steps": [
            (
                "Write your name in a centre circle and identities that matter to you in the circles around it.",
                5,
            ),
            ("Form two circles, inner and outer, so each person faces a partner.", 3),
            (
                "Facilitator gives a prompt, e.g. a time one of your identities felt especially important.",
                1,
            ),
            ("Partners take two minutes each; the listener only listens.", 5),
            (
                "The outer circle moves one place; repeat with new prompts for two or three more rounds.",
                15,
            ),
            ("Debrief both the stories and how the process felt.", 10),
        ],
    },
    {
        "slug": "courageous-conversations-compass",
        "name": "Courageous Conversations Compass",
        "purpose": (
            "Notice where you are when race comes up (feeling, thinking, believing or acting) "
            "and listen for where others are."
        ),
        "mode": "notice",
        "source": "Singleton and Linton, Courageous Conversations About Race",
        "steps": [
            (
                "Introduce the four points: emotional (feeling), intellectual (thinking), moral (believing), relational (acting).",
                5,
            ),
            ("Read a short scenario or text that raises a question about race at school.", 5),
            ("Each person places themselves on the compass and jots down why.", 3),
            ("Pairs share their positions without trying to move each other.", 10),
            (
                "Team debrief: how does knowing our compass points change how we listen to one another?",
                10,
            ),
        ],
    },
    {
        "slug": "four-as-text-protocol",
        "name": "Four A's Text Protocol",
        "purpose": (
            "Discuss a reading on equity in depth by examining its assumptions and what it asks "
            "of us."
        ),
        "mode": "notice",
        "source": "National School Reform Faculty",
        "steps": [
            (
                "Read the text and annotate: assumptions the author holds, what you agree with, what you would argue with, what you aspire to.",
                15,
            ),
            ("Round 1: each person names one assumption, pointing to the text.", 6),
            ("Rounds 2 and 3: agree, then argue, each person citing a passage.", 12),
            ("Round 4: aspire, naming what this would mean at our school.", 6),
            ("Open discussion of implications, then a short debrief of the process.", 10),
        ],
    },
    {
        "slug": "warm-and-cool-feedback",
        "name": "Warm and Cool Feedback",
        "purpose": (
            "Give a colleague feedback that names real strengths and stretches their thinking, "
            "in separate, structured turns."
        ),
        "mode": "reflect",
        "source": "National School Reform Faculty (part of the Tuning protocol)",
        "steps": [
            ("Presenter describes the work and asks one focusing question.", 5),
            ("Participants ask brief clarifying questions with factual answers.", 3),
            ("Everyone writes silently.", 3),
            ("Warm feedback: what is strong, and why. Presenter stays silent and takes notes.", 5),
            (
                "Cool feedback: gaps, questions and possible next steps tied to the focusing question.",
                5,
            ),
            ("Presenter reflects aloud on what they will take forward.", 4),
        ],
    },
    {
        "slug": "tuning-protocol",
        "name": "Tuning Protocol",
        "purpose": (
            "Fine-tune a plan or piece of work, such as a PDSA plan, with structured feedback "
            "from colleagues."
        ),
        "mode": "reflect",
        "source": "McDonald and Allen / National School Reform Faculty",
        "steps": [
            ("Facilitator introduces the goals, norms and timing.", 5),
            ("Presenter shares the work and a focusing question while participants listen.", 15),
            ("Clarifying questions.", 5),
            ("Silent examination and individual writing.", 5),
            ("Warm and cool feedback; the presenter listens without responding.", 15),
            ("Presenter reflects on what they heard and what they will do next.", 10),
            ("Debrief the process as a group.", 5),
        ],
    },
    {
        "slug": "i-like-i-wish-i-wonder",
        "name": "I Like / I Wish / I Wonder",
        "purpose": "Collect quick, low-stakes feedback on an idea, a prototype or a session.",
        "mode": "reflect",
        "source": "Stanford d.school",
        "steps": [
            ("Restate the work or session being discussed.", 2),
            (
                "Each person writes short notes beginning 'I like', 'I wish' or 'I wonder', one idea per note.",
                5,
            ),
            (
                "Share the notes as headlines while a recorder captures them; no one defends or replies.",
                8,
            ),
            ("Cluster the notes and agree on one or two next moves.", 5),
        ],
    },
    {
        "slug": "ladder-of-feedback",
        "name": "Ladder of Feedback",
        "purpose": (
            "Give feedback in a set order (clarify, value, concerns, suggest) so that it builds "
            "trust and understanding first."
        ),
        "mode": "reflect",
        "source": "Project Zero, Harvard Graduate School of Education",
        "steps": [
            ("Clarify: ask questions to make sure you understand the idea.", 5),
            ("Value: name specific strengths.", 5),
            ("State concerns: frame them as questions or wonderings, not verdicts.", 5),
            ("Suggest: offer concrete ideas for improving the work.", 5),
            ("Presenter thanks the group and notes what to act on.", 3),
        ],
    },
    {
        "slug": "student-group-data-dive",
        "name": "Student-Group Data Dive",
        "purpose": (
            "Read California School Dashboard results by student group and separate what the "
            "data show from the stories we tell about them."
        ),
        "mode": "see-the-system",
        "source": "County office of education facilitator guide",
        "steps": [
            (
                "Before looking, write predictions about which student groups are thriving and which are not.",
                5,
            ),
            (
                "Look at each indicator by student group; note where small groups are suppressed or shown without a colour.",
                15,
            ),
            ("Observe: state only facts, with no explanations yet.", 10),
            ("Infer: offer possible explanations and label each one as a hypothesis.", 10),
            ("Name what the data cannot tell us, especially about student experience.", 5),
            ("Choose one pattern to investigate further.", 5),
        ],
    },
    {
        "slug": "fishbone",
        "name": "Fishbone (Cause-and-Effect) Diagram",
        "purpose": (
            "Map the many possible causes of a problem so the team can see the system behind it."
        ),
        "mode": "see-the-system",
        "source": "Ishikawa; adapted for schools",
        "steps": [
            ("Write a specific problem statement at the head of the fish.", 5),
            (
                "Draw at least four bones, e.g. policies, practices, people and beliefs, resources, student and family experience.",
                5,
            ),
            ("Brainstorm causes onto the bones, one per sticky note.", 15),
            ("For each cause ask: how do we know? Mark the ones backed by evidence.", 10),
            ("Circle the causes within the team's sphere of influence.", 5),
            ("Pick one or two to dig into with the 5 Whys.", 5),
        ],
    },
    {
        "slug": "five-whys",
        "name": "5 Whys",
        "purpose": (
            "Follow one causal chain down until it reaches something about the system, not "
            "about individual students."
        ),
        "mode": "see-the-system",
        "source": "Toyota Production System; common in improvement science",
        "steps": [
            ("Write the problem as specifically as possible.", 3),
            ("Ask why it happens and write the answer underneath.", 3),
            ("Ask why again of that answer; repeat about five times.", 10),
            ("Check each link: what evidence do we have?", 5),
            ("Name the system-level cause you reached and what the team could change about it.", 5),
        ],
    },
    {
        "slug": "process-map",
        "name": "Process Map",
        "purpose": (
            "Draw how a school process really works, step by step, to see where students are "
            "sorted, delayed or left out."
        ),
        "mode": "see-the-system",
        "source": "Improvement science practice",
        "steps": [
            ("Choose one process, e.g. how a student is placed into a math course.", 3),
            ("List every step in order, including who decides at each point.", 15),
            ("Mark decision points, hand-offs and waiting times.", 10),
            ("Annotate who benefits most and least at each step.", 10),
            ("Flag the steps the team wants to learn more about from students and families.", 5),
        ],
    },
    {
        "slug": "empathy-interview",
        "name": "Empathy Interview",
        "purpose": (
            "Hear students' and families' stories of specific experiences to uncover needs the "
            "team has not yet named."
        ),
        "mode": "empathize",
        "source": "Stanford d.school; education adaptations in The Learning Professional (2020)",
        "steps": [
            ("Write four to eight open, story-based questions; avoid yes/no questions.", 15),
            (
                "Reflect on your own identity and role and how they may shape what people tell you.",
                5,
            ),
            (
                "Recruit interviewees, prioritising students and families from the focus group, and obtain consent.",
                10,
            ),
            ("Conduct the interview with a note-taker, following the story wherever it leads.", 30),
            ("Debrief immediately: quotes, surprises, emotions, questions.", 10),
            ("Across interviews, cluster notes into themes.", 20),
        ],
    },
    {
        "slug": "aim-statement",
        "name": "Aim Statement Workshop",
        "purpose": (
            "Turn the team's problem into a measurable aim: the outcome, the size of the change, "
            "the deadline and the student group it serves."
        ),
        "mode": "define",
        "source": "Model for Improvement (Associates in Process Improvement)",
        "steps": [
            ("Restate the problem as something the system does, not something students lack.", 10),
            ("Name the focus student group and the outcome that matters to them.", 5),
            ("Find the baseline and choose an ambitious but credible target and date.", 10),
            (
                "Write the aim using the pattern: by [date], [outcome] for [student group] will move from [baseline] to [target].",
                10,
            ),
            (
                "Define outcome, process and balancing measures precisely enough that anyone would count the same way.",
                15,
            ),
            ("Read the aim aloud to another team and revise.", 10),
        ],
    },
    {
        "slug": "driver-diagram",
        "name": "Driver Diagram",
        "purpose": (
            "Lay out the team's working theory of how to reach its aim, from primary drivers to "
            "testable change ideas."
        ),
        "mode": "ideate",
        "source": "Carnegie Foundation for the Advancement of Teaching",
        "steps": [
            ("Write the aim on the left side of the page.", 2),
            ("Name three to five primary drivers: the areas that most need to change.", 10),
            ("Under each, list secondary drivers: the specific levers that move it.", 15),
            (
                "Brainstorm change ideas, including ones from students and families, and connect each to a driver.",
                15,
            ),
            ("Choose the change idea to test first.", 5),
        ],
    },
    {
        "slug": "rapid-prototype",
        "name": "Rapid Prototyping",
        "purpose": (
            "Build a quick, cheap version of a change idea (a script, a schedule mock-up, a "
            "flyer) to get reactions before testing."
        ),
        "mode": "prototype",
        "source": "Stanford d.school",
        "steps": [
            ("Pick one change idea and decide what the simplest visible version would be.", 5),
            ("Build it in fifteen minutes or less with paper, slides or role play.", 15),
            (
                "Show it to someone affected, or a colleague standing in, and watch their reaction.",
                10,
            ),
            ("Note what to keep, change or drop before a PDSA test.", 5),
        ],
    },
    {
        "slug": "pdsa-cycle",
        "name": "PDSA Cycle (Plan-Do-Study-Act)",
        "purpose": (
            "Test one change on a small scale, compare results with predictions, and decide what "
            "to do next."
        ),
        "mode": "try",
        "source": "Model for Improvement (Associates in Process Improvement)",
        "steps": [
            (
                "Plan: state the question, your prediction, who does what, when and where, and what data you will collect.",
                20,
            ),
            (
                "Do: run the test small (one teacher, one class, one week) and record what happens, including surprises.",
                10,
            ),
            (
                "Study: compare what happened with what you predicted and summarise what you learned.",
                20,
            ),
            ("Act: decide to adopt, adapt or abandon the change, and plan the next cycle.", 10),
        ],
    },
    {
        "slug": "gallery-walk",
        "name": "Gallery Walk",
        "purpose": "Let teams see each other's work and leave written feedback in a short time.",
        "mode": "reflect",
        "source": "Common professional-learning practice",
        "steps": [
            ("Each team posts its artifacts: aim, driver diagram, PDSA results.", 5),
            ("Participants circulate and leave I like / I wish / I wonder notes.", 20),
            ("Teams return to their own posters and read the notes.", 10),
            ("Each team shares one takeaway with the whole room.", 10),
        ],
    },
]

# ---------------------------------------------------------------------------
# 3. Modules: nine monthly sessions, September 2026 to May 2027
# ---------------------------------------------------------------------------

MODULES: list[Module] = [
    {
        "number": 1,
        "month": 9,
        "year": 2026,
        "title": "Launch: Why Equity, Why Us",
        "slug": "launch-why-equity-why-us",
        "mode": "notice",
        "summary": (
            "The year begins by bringing every school's equity team together as a cohort for "
            "the first time. Teams compare several published definitions of equity, notice how "
            "their own experience shapes which ones they find persuasive, and start forming as a "
            "team by naming the conditions they need to learn together. Each team leaves with a "
            "first draft of its working agreements and a provisional team definition of equity."
        ),
        "objectives": [
            "Compare several definitions of equity and explain which ideas resonate and which raise questions.",
            "Describe your own working style with Compass Points and what it means for the team.",
            "Draft working agreements that every member commits to revisiting.",
            "Understand the shape of the year, from inner work to system redesign.",
        ],
        "estimated_minutes": 180,
        "goals": ["grow-together", "equity-minded-leaders"],
        "reflection_prompts": [
            {
                "text": "What moments in your own schooling first showed you that school works differently for different students?",
                "kind": "identity",
                "default_privacy": "private",
            },
            {
                "text": "Which definition of equity did you push back on today, and what does that tell you about where you are starting?",
                "kind": "learning",
                "default_privacy": "facilitator",
            },
        ],
        "protocols": ["comparing-equity-definitions", "compass-points", "forming-ground-rules"],
        "body_paragraphs": [
            "This project begins with the people who will do the work. Before any team looks at "
            "data or chooses a problem, members spend time understanding themselves and one "
            "another. The order is deliberate: teams that skip the relational groundwork tend to "
            "stall when conversations about race, language, disability or poverty get hard.",
            "The definitions activity is not a hunt for one right answer. Some definitions stress "
            "outcomes, others access, treatment or resources, and those differences resurface "
            "later when teams debate what counts as progress. Keep track of the phrases your "
            "team keeps coming back to; they are the seed of the collective identity statement "
            "you will write in December.",
            "Working agreements are a living tool. Write them in plain language, have them in "
            "view at every meeting, and save two minutes at the end of each session to ask how "
            "well the team kept them.",
        ],
        "callout": (
            "Keep the first draft short. Five or six agreements you actually check at the end of "
            "each meeting are worth more than a long list nobody remembers."
        ),
        "team_task": {
            "kind": "norms",
            "title": "Adopt your team working agreements",
            "description": (
                "Use Forming Ground Rules to settle on four to seven agreements, add an example "
                "of what each looks like in practice, and post them before the October session."
            ),
        },
    },
    {
        "number": 2,
        "month": 10,
        "year": 2026,
        "title": "Leading from the Inside Out: Identity and Adult Development",
        "slug": "leading-from-the-inside-out",
        "mode": "notice",
        "summary": (
            "Leading for equity starts with knowing yourself. Participants map their social "
            "identities, notice which ones they seldom have to think about, and connect that "
            "awareness to how they show up with students and colleagues. A short introduction "
            "to adult development presents growth as something that continues through a whole "
            "career rather than something finished before we reach the classroom."
        ),
        "objectives": [
            "Map your social identities and notice which are most and least visible to you.",
            "Connect your identities to everyday decisions you make as an educator.",
            "Describe adult development as moving from being shaped by expectations to examining them.",
            "Practise sharing by choice and listening without judgement.",
        ],
        "estimated_minutes": 180,
        "goals": ["grow-together", "equity-consciousness"],
        "reflection_prompts": [
            {
                "text": "Which of your identities did you think about least while filling in the wheel? What might that suggest about students whose experience you may not see?",
                "kind": "identity",
                "default_privacy": "private",
            },
            {
                "text": "Think of a belief about students you held firmly early in your career and see differently now. What helped you step back from it?",
                "kind": "learning",
                "default_privacy": "facilitator",
            },
        ],
        "protocols": ["social-identity-wheel", "identity-iceberg", "circles-of-identity"],
        "body_paragraphs": [
            "All identity work in this session is voluntary. Each participant decides what to "
            "write, what to keep to themselves and what to share. The platform follows the same "
            "rule: identity reflections start out private, and only their author can change that.",
            "Robert Kegan's constructive-developmental theory is a helpful lens. Adults keep "
            "growing in how they make meaning, slowly becoming able to step back from "
            "assumptions they once simply lived inside. For an equity team this is practical: a "
            "belief you can see is a belief you can question, and a team that questions its "
            "beliefs together can change what it does.",
            "Facilitators go first, sharing their own identity maps and moments when they got "
            "something wrong. That modelling sets the tone for the honest, difficult "
            "conversations later in the year.",
        ],
        "callout": (
            "If a pair runs out of time, stop anyway. An unfinished story is fine; hurrying "
            "someone through something personal is not."
        ),
        "team_task": {
            "kind": "reflection",
            "title": "Write a private identity reflection",
            "description": (
                "Each member writes a personal reflection on their identity map. Share with the "
                "team only what you choose, and at the next team meeting talk about the process "
                "rather than the content."
            ),
        },
    },
    {
        "number": 3,
        "month": 11,
        "year": 2026,
        "title": "Equity Consciousness: Naming the Isms",
        "slug": "equity-consciousness-naming-the-isms",
        "mode": "notice",
        "summary": (
            "Teams build a shared vocabulary for bias and oppression at the individual, "
            "interpersonal, institutional and structural levels. Using a text protocol and the "
            "Courageous Conversations Compass, participants look at how racism, linguicism, "
            "ableism, classism and other isms turn up in ordinary school routines. Each person "
            "then completes a self-assessment built on the five abilities of equity literacy: "
            "recognise, respond, redress, cultivate and sustain."
        ),
        "objectives": [
            "Tell individual bias apart from institutional and structural inequity, using school examples.",
            "Use the Courageous Conversations Compass to notice your own reactions and others'.",
            "Identify your current strengths and growth edges across the five abilities of equity literacy.",
            "Connect the CDE six goals of equity to practices at your school.",
        ],
        "estimated_minutes": 180,
        "goals": ["equity-consciousness", "equity-minded-leaders"],
        "reflection_prompts": [
            {
                "text": "Where do you usually land on the compass when race comes up at work, and what pulls you there?",
                "kind": "identity",
                "default_privacy": "private",
            },
            {
                "text": "Which of the five equity-literacy abilities feels strongest for you right now, and which feels least practised?",
                "kind": "learning",
                "default_privacy": "facilitator",
            },
        ],
        "protocols": ["four-as-text-protocol", "courageous-conversations-compass"],
        "body_paragraphs": [
            "Equity consciousness is the ability to see how inequity gets produced, not only to "
            "notice that outcomes differ. A school full of well-meaning adults can still run a "
            "master schedule, a discipline process or a referral system that sorts students by "
            "race, language or disability. This session builds the habit of asking how a routine "
            "works, whom it works for and who designed it.",
            "Expect discomfort. The Courageous Conversations agreements ask everyone to stay "
            "engaged, speak honestly and accept that some conversations will not end neatly. The "
            "compass helps people notice whether they are reacting mainly through feelings, "
            "ideas, beliefs or an urge to act, and to listen for where colleagues are coming from.",
            "The self-assessment is a private starting point, not a score. Teams come back to it "
            "in May to see what has shifted.",
        ],
        "callout": (
            "When a conversation gets tense, say which compass point you are speaking from before "
            "you make your point. It slows everyone down in a useful way."
        ),
        "team_task": {
            "kind": "reflection",
            "title": "Complete the equity-literacy self-assessment",
            "description": (
                "Each member rates themselves privately on the five abilities and notes one recent "
                "example for each. The team then discusses, in as much detail as members choose, "
                "which ability it most needs to build together."
            ),
        },
    },
    {
        "number": 4,
        "month": 12,
        "year": 2026,
        "title": "Deep Listening, Feedback and Our Collective Identity",
        "slug": "deep-listening-and-collective-identity",
        "mode": "reflect",
        "summary": (
            "Teams move from individual work to the question of who they want to be together. "
            "Participants practise the Seven Norms of Collaboration, especially pausing and "
            "paraphrasing, and learn structured ways to give and receive feedback. Each team then "
            "drafts a collective identity statement naming who it is, why it does this work and "
            "what it commits to."
        ),
        "objectives": [
            "Practise pausing, paraphrasing and posing questions in a structured listening exercise.",
            "Give and receive warm and cool feedback on a colleague's work.",
            "Co-construct a collective identity statement that carries every member's voice.",
            "Name the actions the team must take to live up to its statement.",
        ],
        "estimated_minutes": 180,
        "goals": ["grow-together", "collective-identity", "equity-minded-leaders"],
        "reflection_prompts": [
            {
                "text": "What does this team do well when we disagree, and what do we tend to avoid?",
                "kind": "team",
                "default_privacy": "team",
            },
            {
                "text": "How did it feel to hear cool feedback without responding right away?",
                "kind": "learning",
                "default_privacy": "facilitator",
            },
        ],
        "protocols": ["warm-and-cool-feedback", "i-like-i-wish-i-wonder", "ladder-of-feedback"],
        "body_paragraphs": [
            "Deep listening is a skill, and like any skill it improves with deliberate practice. "
            "Pausing gives others room to think; paraphrasing shows you heard and checks that you "
            "understood; posing questions invites colleagues to go further instead of defending. "
            "These moves matter most in the spring, when teams interview students and families "
            "whose experiences may unsettle their assumptions.",
            "Feedback protocols keep what is working apart from what could be stronger, and they "
            "ask the person receiving feedback to listen first and respond later. That structure "
            "lowers the temperature and keeps attention on the work rather than the person.",
            "The collective identity statement draws together September's definitions, "
            "October's identity work and November's vocabulary. It is meant to be aspirational: "
            "it describes the team you are becoming, and the actions it lists are how you will "
            "get there.",
        ],
        "callout": (
            "During the listening exercise, wait five seconds after each speaker. It will feel "
            "long. That is the point."
        ),
        "team_task": {
            "kind": "identity_statement",
            "title": "Draft your collective identity statement",
            "description": (
                "Write a one-page statement in three parts (who we are, why we do this work, "
                "what we commit to) and ask the facilitator for warm and cool feedback before "
                "January."
            ),
        },
    },
    {
        "number": 5,
        "month": 1,
        "year": 2027,
        "title": "See the System: What Our Data Tell Us",
        "slug": "see-the-system",
        "mode": "see-the-system",
        "summary": (
            "The applied half of the year opens with a close look at how the school's current "
            "systems produce its current results. Teams read California School Dashboard "
            "indicators by student group, map one key process, and use a fishbone and the 5 Whys "
            "to form hypotheses about root causes. The aim is to shift the question from what is "
            "happening to students to what the system is doing."
        ),
        "objectives": [
            "Read Dashboard indicators by student group and describe patterns before explaining them.",
            "Recognise when small group sizes limit what the data can show.",
            "Build a fishbone that places causes in policies, practices, beliefs and resources.",
            "Choose one pattern of inequity to explore further through student and family voice.",
        ],
        "estimated_minutes": 180,
        "goals": ["improvement-science", "redesign-a-system"],
        "reflection_prompts": [
            {
                "text": "Which pattern in the data surprised you, and which assumption did it challenge?",
                "kind": "learning",
                "default_privacy": "facilitator",
            },
            {
                "text": "Whose perspective is missing from our fishbone, and how could we bring it in?",
                "kind": "team",
                "default_privacy": "team",
            },
        ],
        "protocols": ["student-group-data-dive", "process-map", "fishbone", "five-whys"],
        "body_paragraphs": [
            "Start with predictions. Writing down what you expect before looking at the data "
            "helps the team see its own assumptions, and notice when the data contradict them. "
            "Once the charts are up, keep observations separate from inferences: a chart can show "
            "that chronic absenteeism is higher for one group, but it cannot tell you why.",
            "Pay attention to what the Dashboard leaves out. Small student groups may be "
            "suppressed or shown without a colour, and numbers say nothing about how students "
            "experience school. Those gaps are exactly where next month's empathy interviews "
            "come in.",
            "When building the fishbone, keep causes on things that adults and systems control. "
            "If a bone fills up with explanations about students or families, pause and ask "
            "which school practice sits behind each one.",
        ],
        "callout": (
            "If a cause begins with 'students don't' or 'parents won't', ask one more why, and "
            "look for the school practice underneath."
        ),
        "team_task": {
            "kind": "feedback_request",
            "title": "Ask another team for feedback on your fishbone",
            "description": (
                "Post your fishbone and the data pattern behind it, and ask a partner team for "
                "warm and cool feedback on one focusing question about where your root-cause "
                "thinking may be incomplete."
            ),
        },
    },
    {
        "number": 6,
        "month": 2,
        "year": 2027,
        "title": "Empathize: Listening to Students and Families",
        "slug": "empathize-listening-to-students-and-families",
        "mode": "empathize",
        "summary": (
            "Teams learn to design and carry out empathy interviews with the students and "
            "families closest to the inequity they identified in January. Participants draft "
            "story-based questions, rehearse with colleagues, and plan how to reach students who "
            "are usually left out of school decisions. Between sessions each team conducts its "
            "interviews and pulls together the themes it hears."
        ),
        "objectives": [
            "Write four to eight open, story-based interview questions.",
            "Plan interviews that put students and families from the focus group first, with consent and care.",
            "Reflect on how your identity and role may shape what interviewees feel safe saying.",
            "Synthesise interview notes into themes and telling quotes.",
        ],
        "estimated_minutes": 150,
        "goals": ["grow-together", "improvement-science"],
        "reflection_prompts": [
            {
                "text": "How might your role, age, race or language shape what a student feels comfortable telling you?",
                "kind": "identity",
                "default_privacy": "private",
            },
            {
                "text": "What did you hear in an interview that you could never have learned from the Dashboard?",
                "kind": "learning",
                "default_privacy": "facilitator",
            },
        ],
        "protocols": ["empathy-interview"],
        "body_paragraphs": [
            "An empathy interview is not a survey. Instead of asking people to rate a program, "
            "you invite them to tell stories about particular moments: a day they felt they "
            "belonged, a time a rule confused them, a conversation with a teacher they still "
            "remember. The details in those stories often reveal needs no one on the team "
            "thought to ask about.",
            "Power matters here. A student talking with an assistant principal may hold back "
            "what they would tell a counsellor or a peer. Think about who conducts each "
            "interview, where it takes place and how the interviewee will know their words will "
            "be treated with respect.",
            "Debrief straight away while memories are fresh. Capture direct quotes, surprises "
            "and questions, then look across interviews for patterns. Themes that keep "
            "recurring, and moments that contradict January's data, will guide March's problem "
            "definition.",
        ],
        "callout": "Ask 'Tell me about a time when...' rather than 'Do you like...?' Stories beat ratings.",
        "team_task": {
            "kind": "reflection",
            "title": "Synthesise your empathy interviews",
            "description": (
                "After at least four interviews, write a short team reflection with three to "
                "five themes, two or three quotes shared with permission and without names, and "
                "what surprised you."
            ),
        },
    },
    {
        "number": 7,
        "month": 3,
        "year": 2027,
        "title": "Define: Our Equity Imperative, Aim and Measures",
        "slug": "define-aim-and-measures",
        "mode": "define",
        "summary": (
            "Teams combine their data, fishbone and interview themes to name one system, "
            "structure or process rooted in inequity that they will redesign. They write a "
            "problem statement from the point of view of the students affected, turn it into a "
            "measurable aim that names the focus student group, and choose a small family of "
            "outcome, process and balancing measures."
        ),
        "objectives": [
            "Write a problem statement about the system rather than about students.",
            "Draft an aim that names the outcome, the size of the change, the deadline and the focus student group.",
            "Choose outcome, process and balancing measures with clear operational definitions.",
            "Check the aim against what students and families told you.",
        ],
        "estimated_minutes": 180,
        "goals": ["improvement-science", "redesign-a-system"],
        "reflection_prompts": [
            {
                "text": "Does our aim reflect what students told us, or what we already wanted to work on?",
                "kind": "team",
                "default_privacy": "team",
            },
            {
                "text": "What was hardest about turning a complex equity problem into a measurable aim?",
                "kind": "learning",
                "default_privacy": "facilitator",
            },
        ],
        "protocols": ["aim-statement", "five-whys"],
        "body_paragraphs": [
            "The equity imperative is the team's plain-language commitment to change something "
            "specific. A strong problem statement rests on evidence from both data and stories, "
            "names who is being underserved, and points at something the team can actually "
            "influence.",
            "An aim turns that commitment into something you can test. Vague intentions such as "
            "'improve engagement' make it impossible to tell whether a change worked. Name the "
            "outcome, the baseline, the target, the date and the student group, and agree "
            "exactly how you will count.",
            "Measures come as a family. The outcome measure tracks the aim; process measures "
            "show whether changes are happening as planned; a balancing measure watches for harm "
            "somewhere else, such as a new attendance outreach routine that quietly adds hours "
            "to one counsellor's week.",
        ],
        "callout": (
            "Read your aim to someone outside the team. If they cannot tell whom it is for and "
            "how you will know it worked, revise it."
        ),
        "team_task": {
            "kind": "aim",
            "title": "Write your aim statement",
            "description": (
                "Finalise an aim with the outcome, focus student group, baseline, target and "
                "date, and attach operational definitions for at least one outcome, one process "
                "and one balancing measure."
            ),
        },
    },
    {
        "number": 8,
        "month": 4,
        "year": 2027,
        "title": "Ideate and Try: Change Ideas and First PDSA Cycles",
        "slug": "ideate-and-try",
        "mode": "ideate",
        "summary": (
            "With an aim in place, teams build a working theory of how to reach it. They sketch "
            "a driver diagram, generate change ideas with input from students and families, "
            "prototype the most promising one, and plan a first small Plan-Do-Study-Act cycle. "
            "A Tuning Protocol gives each team feedback on its PDSA plan before testing begins."
        ),
        "objectives": [
            "Build a driver diagram linking the aim to three to five primary drivers and their change ideas.",
            "Generate change ideas that come from, or are checked with, the people most affected.",
            "Plan a small PDSA cycle with a clear question, prediction and data plan.",
            "Use the Tuning Protocol to strengthen a PDSA plan.",
        ],
        "estimated_minutes": 180,
        "goals": ["improvement-science", "redesign-a-system", "continuous-improvement"],
        "reflection_prompts": [
            {
                "text": "Which change idea came from students or families, and how will we keep them involved while we test it?",
                "kind": "team",
                "default_privacy": "team",
            },
            {
                "text": "What do you predict will happen in your first PDSA cycle, and why?",
                "kind": "learning",
                "default_privacy": "facilitator",
            },
        ],
        "protocols": ["driver-diagram", "rapid-prototype", "pdsa-cycle", "tuning-protocol"],
        "body_paragraphs": [
            "A driver diagram is a theory, not a plan set in stone. Expect it to be incomplete "
            "and partly wrong at first; its job is to make the team's thinking visible so that "
            "evidence can test and revise it.",
            "Start small. The first PDSA cycle should be something one person can try with a "
            "handful of students within a week or two: one class period, one advisory group, one "
            "round of family phone calls. Small tests are cheap to run and cheap to drop, which "
            "makes it safer to learn from failure.",
            "Write down a prediction before testing. The gap between what you expected and what "
            "actually happened is where most of the learning is.",
        ],
        "callout": (
            "If your first test needs a staff vote to get started, it is too big. Shrink it until "
            "one teacher could try it next week."
        ),
        "team_task": {
            "kind": "driver_diagram",
            "title": "Build your driver diagram and plan PDSA 1",
            "description": (
                "Create a driver diagram with your aim, primary and secondary drivers and change "
                "ideas, then mark the change idea you will test first and link it to a planned "
                "PDSA cycle."
            ),
        },
    },
    {
        "number": 9,
        "month": 5,
        "year": 2027,
        "title": "Reflect, Consolidate and Plan to Sustain",
        "slug": "reflect-consolidate-sustain",
        "mode": "reflect",
        "summary": (
            "The final session is a time to study results, celebrate learning and plan for next "
            "year. Teams share PDSA results and decisions in a gallery walk, get feedback through "
            "a Tuning Protocol, revisit their collective identity statement and working "
            "agreements, and plan how to sustain and spread the work."
        ),
        "objectives": [
            "Study PDSA results against predictions and decide whether to adopt, adapt or abandon each change.",
            "Share learning with other teams and give feedback on theirs.",
            "Revisit the equity-literacy self-assessment and identity statement to name personal and team growth.",
            "Draft a plan for sustaining the redesign and bringing more colleagues in next year.",
        ],
        "estimated_minutes": 210,
        "goals": ["continuous-improvement", "equity-minded-leaders", "collective-identity"],
        "reflection_prompts": [
            {
                "text": "Look back at your October identity reflection. What do you understand about yourself now that you did not then?",
                "kind": "identity",
                "default_privacy": "private",
            },
            {
                "text": "Which continuous-improvement habit will our team keep next year, and how will we protect time for it?",
                "kind": "team",
                "default_privacy": "team",
            },
        ],
        "protocols": ["pdsa-cycle", "gallery-walk", "tuning-protocol", "i-like-i-wish-i-wonder"],
        "body_paragraphs": [
            "Improvement work rarely finishes in a year. What a team should have by May is "
            "evidence from at least one full cycle, a clearer theory of its system, and habits "
            "(predict, test, study, adjust) it can keep using. Adapting or abandoning a change "
            "counts as success when the team learned something it can act on.",
            "Reflection here works on several levels: what happened for students, what changed "
            "in the team, and what shifted in each person. Reread your October and November "
            "reflections privately before the session and notice what you see differently now.",
            "Close by deciding how the work continues: who carries the aim forward, what needs to "
            "go to school leadership, and how new colleagues will be welcomed into the team's "
            "norms and identity.",
        ],
        "callout": (
            "Bring one artifact that shows your thinking changed: an old fishbone, a crossed-out "
            "change idea, a revised aim. Growth is easier to see side by side."
        ),
        "team_task": {
            "kind": "pdsa_cycle",
            "title": "Record your PDSA study and decision",
            "description": (
                "Complete the Study and Act sections for at least one PDSA cycle, compare results "
                "with your predictions, and record whether the team will adopt, adapt or abandon "
                "the change and what the next cycle will test."
            ),
        },
    },
]

# ---------------------------------------------------------------------------
# 4. Resources
# ---------------------------------------------------------------------------

# California School Dashboard student-group codes (CDE record layouts).
STUDENT_GROUPS: list[tuple[str, str]] = [
    ("ALL", "All Students"),
    ("AA", "Black/African American"),
    ("AI", "American Indian or Alaska Native"),
    ("AS", "Asian"),
    ("FI", "Filipino"),
    ("HI", "Hispanic"),
    ("PI", "Pacific Islander"),
    ("WH", "White"),
    ("MR", "Multiple Races/Two or More"),
    ("EL", "English Learner"),
    ("LTEL", "Long-Term English Learner"),
    ("SED", "Socioeconomically Disadvantaged"),
    ("SWD", "Students with Disabilities"),
    ("FOS", "Foster Youth"),
    ("HOM", "Homeless Youth"),
]

TOPICS: list[Topic] = [
    {"slug": "english-learners", "name": "English learners"},
    {"slug": "foster-youth", "name": "Foster youth"},
    {"slug": "students-with-disabilities", "name": "Students with disabilities"},
    {"slug": "homelessness", "name": "Students experiencing homelessness"},
    {"slug": "discipline", "name": "Discipline"},
    {"slug": "stem", "name": "STEM"},
    {"slug": "early-literacy", "name": "Early literacy"},
    {"slug": "chronic-absenteeism", "name": "Chronic absenteeism"},
    {"slug": "school-climate", "name": "School climate"},
    {"slug": "family-engagement", "name": "Family engagement"},
    {"slug": "achievement-gaps", "name": "Achievement gaps"},
    {"slug": "high-achievers", "name": "High-achieving students"},
    {"slug": "college-and-career", "name": "College and career readiness"},
    {"slug": "graduation", "name": "Graduation"},
    {"slug": "gender-equity", "name": "Gender equity"},
    {"slug": "racial-equity", "name": "Racial equity"},
    {"slug": "civil-rights", "name": "Civil rights"},
    {"slug": "continuous-improvement", "name": "Continuous improvement"},
    {"slug": "stakeholder-engagement", "name": "Stakeholder engagement"},
    {"slug": "policy-review", "name": "Policy review"},
    {"slug": "lcap-planning", "name": "LCAP planning"},
]

# The source lists give titles but no addresses, so every url is "" for now.
RESOURCES: list[Resource] = [
    {
        "title": "Time to Reclassification: How Long Does It Take English Language Learners in the Washington Road Map School Districts To Develop English Proficiency?",
        "url": "",
        "summary": "Looks at how long English learners who start school at different grades and proficiency levels take to be reclassified.",
        "type": "research_brief",
        "topics": ["english-learners"],
        "student_groups": ["EL", "LTEL"],
        "audience": "District and school leaders",
        "listed_by": "CDE QSF",
    },
    {
        "title": "English Learner Tool Kit for Local Education Agencies (LEAs), and State Educational Agency (SEAs)",
        "url": "",
        "summary": "Federal checklists, sample tools and legal duties for giving English learners equal access to a strong education.",
        "type": "toolkit",
        "topics": ["english-learners", "civil-rights", "family-engagement"],
        "student_groups": ["EL"],
        "audience": "State, district and school administrators; teachers",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Coalition for Educational Equity for Foster Youth LCAP",
        "url": "",
        "summary": "A sample LCAP with actions and accountability measures districts can adapt to support foster youth.",
        "type": "guide",
        "topics": ["foster-youth", "lcap-planning"],
        "student_groups": ["FOS"],
        "audience": "District LCAP planners and foster youth liaisons",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Breaking the Glass Ceiling of Achievement for Low-income Students and Students of Color",
        "url": "",
        "summary": "Strategies for closing gaps by lifting low performers while also pushing middle and high performers further.",
        "type": "research_brief",
        "topics": ["achievement-gaps", "high-achievers", "racial-equity"],
        "student_groups": ["SED", "AA", "HI"],
        "audience": "School and district leaders",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Falling Out of the Lead: Following High Achievers through High School and Beyond",
        "url": "",
        "summary": "National data on what happens to high-achieving low-income students and students of color as they move through school.",
        "type": "report",
        "topics": ["high-achievers", "achievement-gaps", "college-and-career"],
        "student_groups": ["SED", "AA", "HI"],
        "audience": "Secondary school leaders and counselors",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Choosing our Future: A Story of Opportunity in America",
        "url": "",
        "summary": "A call for planning that involves stakeholders and relies on continuous improvement to widen opportunity.",
        "type": "report",
        "topics": ["continuous-improvement", "stakeholder-engagement"],
        "student_groups": ["ALL"],
        "audience": "Education and community leaders",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Adolescent Girls' Experiences and Gender-Related Beliefs in Relation to Their Motivation in Math/Science and English",
        "url": "",
        "summary": "A study of the social and personal factors linked to girls' motivation in math, science and English.",
        "type": "research_brief",
        "topics": ["stem", "gender-equity"],
        "student_groups": [],
        "audience": "Educators and community leaders working on STEM equity",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Exploring the Foundations of the Future STEM Workforce: K–12 Indicators of Postsecondary STEM Success",
        "url": "",
        "summary": "Reviews studies of K-12 predictors of later STEM success, with attention to Hispanic students.",
        "type": "research_brief",
        "topics": ["stem", "college-and-career"],
        "student_groups": ["HI"],
        "audience": "School and district leaders planning STEM pathways",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Unlocking Opportunity for African American Girls: A Call to Action for Educational Equity",
        "url": "",
        "summary": "Names the barriers Black girls face in school and offers recommendations for removing them.",
        "type": "report",
        "topics": ["racial-equity", "gender-equity", "discipline"],
        "student_groups": ["AA"],
        "audience": "Educators, policymakers and advocates",
        "listed_by": "CDE QSF",
    },
    {
        "title": "The School Discipline Consensus Report: Strategies from the Field to Keep Students Engaged in School and Out of the Juvenile Justice System",
        "url": "",
        "summary": "A consensus guide to reducing removals from class, which fall hardest on students of color, students with disabilities and LGBT youth.",
        "type": "report",
        "topics": ["discipline", "school-climate", "civil-rights"],
        "student_groups": ["AA", "HI", "SWD"],
        "audience": "School leaders, counselors and district policy staff",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Identifying and Supporting English Learner Students with Learning Disabilities: Key Issues in the Literature and State Practice",
        "url": "",
        "summary": "Guidance on referral and identification so English learners with learning disabilities reach the right services.",
        "type": "research_brief",
        "topics": ["english-learners", "students-with-disabilities"],
        "student_groups": ["EL", "SWD"],
        "audience": "Policymakers, special education and EL program leaders",
        "listed_by": "CDE QSF",
    },
    {
        "title": "An Early College Initiative in an Urban, High-Poverty High School: First-Year Effects on Student Achievement and Non-Academic Indicators",
        "url": "",
        "summary": "First-year results from an early college model that lets students earn college credit alongside a diploma.",
        "type": "research_brief",
        "topics": ["college-and-career", "graduation"],
        "student_groups": ["SED"],
        "audience": "High school and college administrators",
        "listed_by": "CDE QSF",
    },
    {
        "title": "ONE SYSTEM: Reforming Education to Serve All Students",
        "url": "",
        "summary": "California task force blueprint for general and special educators to serve students with disabilities as one system.",
        "type": "report",
        "topics": ["students-with-disabilities"],
        "student_groups": ["SWD"],
        "audience": "General and special education leaders and teachers",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Children and Youth Experiencing Homelessness: An Introduction to the Issues",
        "url": "",
        "summary": "A primer on how homelessness affects schooling and on students' rights to enroll, attend and succeed.",
        "type": "research_brief",
        "topics": ["homelessness", "chronic-absenteeism", "civil-rights"],
        "student_groups": ["HOM"],
        "audience": "School staff and homeless liaisons",
        "listed_by": "CDE QSF",
    },
    {
        "title": "The McKinney-Vento Act At a Glance",
        "url": "",
        "summary": "A short overview of what the federal homeless education law requires of schools.",
        "type": "guide",
        "topics": ["homelessness", "civil-rights"],
        "student_groups": ["HOM"],
        "audience": "Site administrators, counselors and front-office staff",
        "listed_by": "CDE QSF",
    },
    {
        "title": "National Center for Homeless Education briefs",
        "url": "",
        "summary": "A series of practical briefs on identifying and supporting students experiencing homelessness.",
        "type": "guide",
        "topics": ["homelessness", "chronic-absenteeism"],
        "student_groups": ["HOM"],
        "audience": "Homeless liaisons and school teams",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Dear Colleague Letter on the Nondiscriminatory Administration of School Discipline",
        "url": "",
        "summary": "Federal guidance on schools' civil-rights duty to avoid racial discrimination in discipline, with example practices.",
        "type": "letter",
        "topics": ["discipline", "civil-rights", "racial-equity"],
        "student_groups": ["AA", "HI", "AI", "SWD"],
        "audience": "School and district leaders",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Double Jeopardy: How Third-Grade Reading Skills and Poverty Influence High School Graduation",
        "url": "",
        "summary": "Tracks students over time to show how third-grade reading and poverty together shape graduation.",
        "type": "research_brief",
        "topics": ["early-literacy", "graduation"],
        "student_groups": ["SED"],
        "audience": "Elementary leaders and early literacy teams",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Early Reading Proficiency in the United States: Kids Count Data Snapshot",
        "url": "",
        "summary": "State-by-state data on fourth-grade reading and the gaps by family income and race.",
        "type": "report",
        "topics": ["early-literacy", "achievement-gaps"],
        "student_groups": ["SED", "AA", "HI", "AI"],
        "audience": "Elementary and district leaders",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Quality Schooling Framework: Processes for Change",
        "url": "",
        "summary": "Short videos on managing and carrying out change so that specific strategies actually take hold.",
        "type": "video",
        "topics": ["continuous-improvement"],
        "student_groups": ["ALL"],
        "audience": "Organizational leaders and education partners",
        "listed_by": "CDE QSF",
    },
    {
        "title": "Quality Schooling Framework: Connecting with Stakeholders",
        "url": "",
        "summary": "Videos on the communication and relationships any initiative needs in order to succeed.",
        "type": "video",
        "topics": ["stakeholder-engagement", "family-engagement"],
        "student_groups": ["ALL"],
        "audience": "Organizational leaders and education partners",
        "listed_by": "CDE QSF",
    },
    {
        "title": "PSESD Racial Equity Tool",
        "url": "",
        "summary": "An adaptation of the City of Seattle's Racial Equity Tool for reviewing school policies, practices and programs with communities of color.",
        "type": "toolkit",
        "topics": ["racial-equity", "policy-review", "stakeholder-engagement"],
        "student_groups": ["AA", "AI", "HI", "PI"],
        "audience": "District leaders and equity advisory committees",
        "listed_by": "PSESD",
    },
    {
        "title": "Equity Improvement Project proposal template",
        "url": "",
        "summary": "The form a school or district team completes to propose joining the county's year-long equity partnership.",
        "type": "guide",
        "topics": ["continuous-improvement"],
        "student_groups": [],
        "audience": "Site and district leaders forming an equity team",
        "listed_by": "SDCOE",
    },
]

# ---------------------------------------------------------------------------
# 5. Norm templates
# ---------------------------------------------------------------------------

NORM_TEMPLATES: list[NormTemplate] = [
    {
        "slug": "courageous-conversations-four-agreements",
        "name": "Courageous Conversations: Four Agreements",
        "source": "Glenn Singleton and Curtis Linton, Courageous Conversations About Race (2006)",
        "description": (
            "Four commitments for conversations about race that keep people in the room when "
            "the talk gets hard."
        ),
        "norms": [
            (
                "Stay engaged",
                "Remain present and keep participating even when the topic is uncomfortable; if you need to step back, say so and come back.",
            ),
            (
                "Experience discomfort",
                "Treat unease as a normal part of learning about race rather than a signal to change the subject.",
            ),
            (
                "Speak your truth",
                "Say what you really think and feel, using 'I' statements, even when it may not be the popular view.",
            ),
            (
                "Expect and accept non-closure",
                "Leave with questions still open; the conversation continues at the next meeting and beyond it.",
            ),
        ],
    },
    {
        "slug": "seven-norms-of-collaboration",
        "name": "Seven Norms of Collaboration",
        "source": "Robert Garmston and Bruce Wellman, The Adaptive School",
        "description": (
            "Listening and speaking habits that help a team think together well, especially "
            "when members disagree."
        ),
        "norms": [
            (
                "Pausing",
                "Leave a few seconds of silence before responding or asking a question so people have time to think.",
            ),
            (
                "Paraphrasing",
                "Restate what you heard in your own words before adding your view, to show you listened and to check understanding.",
            ),
            (
                "Posing questions",
                "Ask open questions that help colleagues explore and clarify their thinking instead of defending it.",
            ),
            (
                "Putting ideas on the table",
                "Offer ideas clearly, label them as ideas, and be ready to let the group set them aside.",
            ),
            (
                "Providing data",
                "Back up claims with evidence, numbers or stories, and say where the evidence came from.",
            ),
            (
                "Paying attention to self and others",
                "Notice how you are coming across and how others are reacting, and adjust as you go.",
            ),
            (
                "Presuming positive intentions",
                "Assume colleagues act in good faith, which makes it possible to disagree without attacking.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# 6. Demo organisations. ALL FICTIONAL.
# ---------------------------------------------------------------------------
# The county, districts, schools, cities and CDS codes below are invented for demo data.
# The codes only have the right shape (county 2 + district 5 + school 7 = 14 digits); the
# "99" district and school prefixes were chosen so they do not look like real CDE codes.

DEMO_COHORTS: list[DemoCohort] = [
    {
        "slug": "cohort-a-2026-27",
        "name": "2026-27 Cohort A",
        "start_date": "2026-09-01",
        "end_date": "2027-05-31",
    },
    {
        "slug": "cohort-b-2026-27",
        "name": "2026-27 Cohort B",
        "start_date": "2026-09-01",
        "end_date": "2027-05-31",
    },
]

DEMO_COUNTY: DemoCounty = {
    "name": "Manzanita County Office of Education",  # fictional
    "county_code": "57",
}

DEMO_DISTRICTS: list[DemoDistrict] = [
    {
        "name": "Alder Valley Unified School District",  # fictional
        "city": "Alder Valley",
        "cds_code": "57990010000000",
        "cohort": "cohort-a-2026-27",
        "schools": [
            {
                "name": "Juniper Hills Elementary School",
                "city": "Alder Valley",
                "cds_code": "57990019900011",
                "grade_span": "TK-5",
            },
            {
                "name": "Rio Seco Elementary School",
                "city": "Rio Seco",
                "cds_code": "57990019900029",
                "grade_span": "TK-5",
            },
            {
                "name": "Mesa Linda Middle School",
                "city": "Alder Valley",
                "cds_code": "57990019900037",
                "grade_span": "6-8",
            },
            {
                "name": "Canyon Oak Middle School",
                "city": "Las Palomas",
                "cds_code": "57990019900045",
                "grade_span": "6-8",
            },
            {
                "name": "Alder Valley High School",
                "city": "Alder Valley",
                "cds_code": "57990019900052",
                "grade_span": "9-12",
            },
        ],
    },
    {
        "name": "Coyote Springs Elementary School District",  # fictional
        "city": "Coyote Springs",
        "cds_code": "57990020000000",
        "cohort": "cohort-b-2026-27",
        "schools": [
            {
                "name": "Sandstone Elementary School",
                "city": "Coyote Springs",
                "cds_code": "57990029900060",
                "grade_span": "TK-6",
            },
            {
                "name": "Ocotillo Ridge Elementary School",
                "city": "Coyote Springs",
                "cds_code": "57990029900078",
                "grade_span": "TK-6",
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# 7. Demo people. ALL FICTIONAL.
# ---------------------------------------------------------------------------

_JUNIPER = "57990019900011"
_RIO_SECO = "57990019900029"
_MESA_LINDA = "57990019900037"
_CANYON_OAK = "57990019900045"
_ALDER_HIGH = "57990019900052"
_SANDSTONE = "57990029900060"
_OCOTILLO = "57990029900078"

DEMO_PEOPLE: list[DemoPerson] = [
    # County office facilitators
    {
        "first_name": "Renata",
        "last_name": "Olvera-Shaw",
        "pronouns": "she/her",
        "role_title": "Equity coordinator, county office of education",
        "school_cds": "",
        "is_facilitator": True,
    },
    {
        "first_name": "Marcus",
        "last_name": "Bell",
        "pronouns": "he/him",
        "role_title": "Improvement coach, county office of education",
        "school_cds": "",
        "is_facilitator": True,
    },
    # Juniper Hills Elementary
    {
        "first_name": "Lorena",
        "last_name": "Castillo",
        "pronouns": "she/her",
        "role_title": "Principal",
        "school_cds": _JUNIPER,
        "is_facilitator": False,
    },
    {
        "first_name": "Daniel",
        "last_name": "Nguyen",
        "pronouns": "he/him",
        "role_title": "3rd grade teacher",
        "school_cds": _JUNIPER,
        "is_facilitator": False,
    },
    {
        "first_name": "Aisha",
        "last_name": "Rahman",
        "pronouns": "she/her",
        "role_title": "Kindergarten teacher",
        "school_cds": _JUNIPER,
        "is_facilitator": False,
    },
    {
        "first_name": "Keith",
        "last_name": "Yazzie",
        "pronouns": "he/him",
        "role_title": "Counselor",
        "school_cds": _JUNIPER,
        "is_facilitator": False,
    },
    {
        "first_name": "María Elena",
        "last_name": "Torres",
        "pronouns": "",
        "role_title": "Instructional aide",
        "school_cds": _JUNIPER,
        "is_facilitator": False,
    },
    # Rio Seco Elementary
    {
        "first_name": "Tomás",
        "last_name": "Herrera",
        "pronouns": "he/him",
        "role_title": "Principal",
        "school_cds": _RIO_SECO,
        "is_facilitator": False,
    },
    {
        "first_name": "Jasmine",
        "last_name": "Washington",
        "pronouns": "she/her",
        "role_title": "5th grade teacher",
        "school_cds": _RIO_SECO,
        "is_facilitator": False,
    },
    {
        "first_name": "Priya",
        "last_name": "Desai",
        "pronouns": "she/her",
        "role_title": "English language development teacher",
        "school_cds": _RIO_SECO,
        "is_facilitator": False,
    },
    {
        "first_name": "Ben",
        "last_name": "Okafor",
        "pronouns": "he/him",
        "role_title": "Counselor",
        "school_cds": _RIO_SECO,
        "is_facilitator": False,
    },
    {
        "first_name": "Sam",
        "last_name": "Lindqvist",
        "pronouns": "they/them",
        "role_title": "Resource specialist",
        "school_cds": _RIO_SECO,
        "is_facilitator": False,
    },
    # Mesa Linda Middle
    {
        "first_name": "Grace",
        "last_name": "Kim",
        "pronouns": "she/her",
        "role_title": "Assistant principal",
        "school_cds": _MESA_LINDA,
        "is_facilitator": False,
    },
    {
        "first_name": "Andre",
        "last_name": "Thompson",
        "pronouns": "he/him",
        "role_title": "7th grade math teacher",
        "school_cds": _MESA_LINDA,
        "is_facilitator": False,
    },
    {
        "first_name": "Leilani",
        "last_name": "Kahananui",
        "pronouns": "she/her",
        "role_title": "6th grade teacher",
        "school_cds": _MESA_LINDA,
        "is_facilitator": False,
    },
    {
        "first_name": "Rosa",
        "last_name": "Villanueva",
        "pronouns": "she/her",
        "role_title": "Counselor",
        "school_cds": _MESA_LINDA,
        "is_facilitator": False,
    },
    # Canyon Oak Middle
    {
        "first_name": "Michael",
        "last_name": "O'Brien",
        "pronouns": "he/him",
        "role_title": "Principal",
        "school_cds": _CANYON_OAK,
        "is_facilitator": False,
    },
    {
        "first_name": "Fatima",
        "last_name": "Haddad",
        "pronouns": "she/her",
        "role_title": "8th grade English teacher",
        "school_cds": _CANYON_OAK,
        "is_facilitator": False,
    },
    {
        "first_name": "Luis",
        "last_name": "Morales",
        "pronouns": "",
        "role_title": "Science teacher",
        "school_cds": _CANYON_OAK,
        "is_facilitator": False,
    },
    {
        "first_name": "Denise",
        "last_name": "Carter",
        "pronouns": "she/her",
        "role_title": "School psychologist",
        "school_cds": _CANYON_OAK,
        "is_facilitator": False,
    },
    # Alder Valley High
    {
        "first_name": "Kevin",
        "last_name": "Tran",
        "pronouns": "he/him",
        "role_title": "Assistant principal",
        "school_cds": _ALDER_HIGH,
        "is_facilitator": False,
    },
    {
        "first_name": "Yolanda",
        "last_name": "Brooks",
        "pronouns": "she/her",
        "role_title": "Ethnic studies teacher",
        "school_cds": _ALDER_HIGH,
        "is_facilitator": False,
    },
    {
        "first_name": "Ricardo",
        "last_name": "Soto",
        "pronouns": "he/him",
        "role_title": "Math department chair",
        "school_cds": _ALDER_HIGH,
        "is_facilitator": False,
    },
    {
        "first_name": "Hannah",
        "last_name": "Goldberg",
        "pronouns": "she/her",
        "role_title": "College and career counselor",
        "school_cds": _ALDER_HIGH,
        "is_facilitator": False,
    },
    # Sandstone Elementary (cohort B)
    {
        "first_name": "Patricia",
        "last_name": "Ramírez",
        "pronouns": "she/her",
        "role_title": "Principal",
        "school_cds": _SANDSTONE,
        "is_facilitator": False,
    },
    {
        "first_name": "Jamal",
        "last_name": "Henderson",
        "pronouns": "he/him",
        "role_title": "4th grade teacher",
        "school_cds": _SANDSTONE,
        "is_facilitator": False,
    },
    {
        "first_name": "Mei Lin",
        "last_name": "Chen",
        "pronouns": "she/her",
        "role_title": "2nd grade teacher",
        "school_cds": _SANDSTONE,
        "is_facilitator": False,
    },
    {
        "first_name": "Alejandro",
        "last_name": "Fuentes",
        "pronouns": "he/him",
        "role_title": "Family engagement liaison",
        "school_cds": _SANDSTONE,
        "is_facilitator": False,
    },
    # Ocotillo Ridge Elementary (cohort B)
    {
        "first_name": "Sarah",
        "last_name": "Whitehorse",
        "pronouns": "she/her",
        "role_title": "Principal",
        "school_cds": _OCOTILLO,
        "is_facilitator": False,
    },
    {
        "first_name": "Omar",
        "last_name": "Siddiqui",
        "pronouns": "he/him",
        "role_title": "Special education teacher",
        "school_cds": _OCOTILLO,
        "is_facilitator": False,
    },
    {
        "first_name": "Emily",
        "last_name": "Park",
        "pronouns": "she/her",
        "role_title": "1st grade teacher",
        "school_cds": _OCOTILLO,
        "is_facilitator": False,
    },
    {
        "first_name": "Carmen",
        "last_name": "Delgado",
        "pronouns": "she/her",
        "role_title": "Counselor",
        "school_cds": _OCOTILLO,
        "is_facilitator": False,
    },
]

# ---------------------------------------------------------------------------
# 8. Journal samples and a collective identity statement
# ---------------------------------------------------------------------------

JOURNAL_SAMPLES: list[JournalSample] = [
    {
        "kind": "learning",
        "title": "Five definitions, one argument",
        "body": (
            "<p>I walked in thinking equity simply meant <em>giving kids what they need</em>. "
            "Reading the definitions side by side, I kept circling the one about outcomes not "
            "being predictable by background.</p>"
            "<p>Our team argued about whether that sets the bar too high. I think it is the "
            "right bar. What I am less sure about is whether I am ready to be measured by it.</p>"
        ),
        "visibility": "facilitator",
        "module_number": 1,
    },
    {
        "kind": "identity",
        "title": "What I never had to think about",
        "body": (
            "<p>On the identity wheel, <strong>language</strong> was the identity I had thought "
            "about least. English has always been the language of every room I have worked in.</p>"
            "<p>Then I thought about the newcomer families who sit through our back-to-school "
            "night nodding politely. I have never once had to wonder whether a meeting was meant "
            "for me.</p>"
        ),
        "visibility": "private",
        "module_number": 2,
    },
    {
        "kind": "identity",
        "title": "Where I land on the compass",
        "body": (
            "<p>When race comes up I go straight to <em>acting</em>. I want the action item. "
            "Today I noticed that this lets me skip the feeling part entirely.</p>"
            "<ul><li>What am I avoiding when I rush to solutions?</li>"
            "<li>Who on my team needs me to slow down?</li></ul>"
        ),
        "visibility": "private",
        "module_number": 3,
    },
    {
        "kind": "team",
        "title": "Our first real disagreement",
        "body": (
            "<p>We disagreed about whether our identity statement should name race explicitly. "
            "Two of us worried it would alienate staff; two felt that leaving it out would be "
            "the real problem.</p>"
            "<p>What helped: we paused, paraphrased each other, and went back to our agreement "
            "to <strong>speak our truth</strong>. We kept the word. Nobody left the table.</p>"
        ),
        "visibility": "team",
        "module_number": 4,
    },
    {
        "kind": "learning",
        "title": "The data did not say what I expected",
        "body": (
            "<p>I predicted our biggest gap would be in math. It was actually chronic "
            "absenteeism for our students experiencing homelessness, and the group was so small "
            "the Dashboard showed no colour at all.</p>"
            "<p>It made me wonder how many patterns we miss simply because a group falls below "
            "the reporting threshold.</p>"
        ),
        "visibility": "facilitator",
        "module_number": 5,
    },
    {
        "kind": "learning",
        "title": "A story the spreadsheet could not tell",
        "body": (
            "<p>A seventh grader told me she stopped going to math tutoring because it clashed "
            "with the only bus home. Nobody had asked her why she stopped.</p>"
            "<ul><li>The schedule works for students with rides.</li>"
            "<li>We had filed her absence under <em>motivation</em>.</li>"
            "<li>We have been designing for the students who can stay late.</li></ul>"
        ),
        "visibility": "team",
        "module_number": 6,
    },
    {
        "kind": "team",
        "title": "Shrinking our first test",
        "body": (
            "<p>Our first PDSA plan involved every 6th grade advisory. During the tuning protocol "
            "another team asked, kindly, how we would know what worked if we changed everything "
            "at once.</p>"
            "<p>We cut it to <strong>one advisory, two weeks, daily check-ins</strong>. It feels "
            "almost too small, which is probably right.</p>"
        ),
        "visibility": "team",
        "module_number": 8,
    },
    {
        "kind": "identity",
        "title": "Rereading October",
        "body": (
            "<p>In October I wrote that I treat all students the same. Reading it now, I wince "
            "a little. Treating everyone the same is how the bus schedule happened.</p>"
            "<p>I still have a lot to learn, but I can now see the belief I was standing in, "
            "and that feels like the real change this year.</p>"
        ),
        "visibility": "private",
        "module_number": 9,
    },
]

IDENTITY_STATEMENT: IdentityStatement = {
    "school_cds": _MESA_LINDA,
    "title": "Mesa Linda Middle School Equity Team: Who We Are",
    "who_we_are": (
        "We are an assistant principal, two classroom teachers and a counselor at Mesa Linda "
        "Middle School. We come from different backgrounds, languages and paths into education, "
        "and we are still learning how those differences shape what we see and what we miss."
    ),
    "why_we_do_this_work": (
        "Too many of our students, especially English learners and students from low-income "
        "families, experience Mesa Linda as a place where adults decide things about them "
        "rather than with them. We believe every student should find challenging work, trusted "
        "adults and a real sense of belonging here, and that our own systems are what need to "
        "change for that to happen."
    ),
    "what_we_commit_to": [
        "Listen first to students and families before deciding what to fix.",
        "Look at our data by student group every time, and say out loud what we see.",
        "Name race, language and class when they matter, even when it is uncomfortable.",
        "Test small changes quickly and tell the truth about what we learn.",
        "Hold each other to our working agreements with care and honesty.",
    ],
}

# ---------------------------------------------------------------------------
# 9. Feedback samples
# ---------------------------------------------------------------------------

SESSION_FEEDBACK_COMMENTS: list[SessionFeedback] = [
    {
        "module_number": 1,
        "tone": "warm",
        "text": "Comparing definitions got our whole team talking, even the quieter members.",
    },
    {
        "module_number": 1,
        "tone": "cool",
        "text": "We needed more time to finish our agreements; we left with only half a list.",
    },
    {
        "module_number": 2,
        "tone": "warm",
        "text": "Knowing the identity wheel stayed private made it easier to be honest with myself.",
    },
    {
        "module_number": 3,
        "tone": "cool",
        "text": "The text was dense. A shorter excerpt would have left more time to talk.",
    },
    {
        "module_number": 4,
        "tone": "warm",
        "text": "The five-second pause felt awkward at first and then changed how we listened.",
    },
    {
        "module_number": 5,
        "tone": "cool",
        "text": "Please show us how to read the suppressed groups before the data dive starts.",
    },
    {
        "module_number": 6,
        "tone": "warm",
        "text": "Rehearsing interview questions with another team caught three yes/no questions we had missed.",
    },
    {
        "module_number": 8,
        "tone": "cool",
        "text": "The driver diagram template was hard to edit together on one laptop.",
    },
    {
        "module_number": 9,
        "tone": "warm",
        "text": "Seeing other teams' crossed-out change ideas made our own false starts feel normal.",
    },
]

FEEDBACK_SAMPLES: list[ArtifactFeedback] = [
    {
        "protocol": "warm-and-cool-feedback",
        "artifact_kind": "identity_statement",
        "tone": "warm",
        "text": "Your commitments are concrete enough that someone could check whether you kept them.",
    },
    {
        "protocol": "warm-and-cool-feedback",
        "artifact_kind": "identity_statement",
        "tone": "cool",
        "text": "The statement says 'all students'. Which students are you most worried about right now?",
    },
    {
        "protocol": "warm-and-cool-feedback",
        "artifact_kind": "feedback_request",
        "tone": "cool",
        "text": "Most of the causes on your fishbone are about families. What is the school's part in each one?",
    },
    {
        "protocol": "warm-and-cool-feedback",
        "artifact_kind": "aim",
        "tone": "warm",
        "text": "Naming the baseline and the student group makes this aim easy to track.",
    },
    {
        "protocol": "warm-and-cool-feedback",
        "artifact_kind": "aim",
        "tone": "cool",
        "text": "How will you count 'engaged'? Two people could measure this very differently.",
    },
    {
        "protocol": "i-like-i-wish-i-wonder",
        "artifact_kind": "driver_diagram",
        "tone": "like",
        "text": "I like that two of your change ideas came straight from student interviews.",
    },
    {
        "protocol": "i-like-i-wish-i-wonder",
        "artifact_kind": "driver_diagram",
        "tone": "wish",
        "text": "I wish the secondary drivers were more specific about who does what.",
    },
    {
        "protocol": "i-like-i-wish-i-wonder",
        "artifact_kind": "pdsa_cycle",
        "tone": "wonder",
        "text": "I wonder what a balancing measure would show about the counselors' workload.",
    },
]
