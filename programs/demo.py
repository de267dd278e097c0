"""Build the curriculum from the files in programs/content/: idempotent (get-or-update by slug)."""

import datetime
import uuid

from django.db import transaction
from django.utils.text import slugify

from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from .content import curriculum
from .factories import (
    FormPageFactory,
    ModulePageFactory,
    ProgramPageFactory,
    ResourceIndexPageFactory,
    StandardPageFactory,
)
from .localized import in_source_locale
from .models import (
    CdeEquityGoal,
    EquityArea,
    FormField,
    FormPage,
    LiberatoryDesignMode,
    ModuleObjective,
    ModulePage,
    ProgramGoal,
    ProgramPage,
    Protocol,
    ProtocolStep,
    Resource,
    ResourceIndexPage,
    StandardPage,
    StudentGroup,
    Topic,
)
from .permissions import facilitator_permissions_apply
from .services import home_page_ensure

# Block ids are derived from the module and position, so reseeding keeps every reflection
# prompt's id (and the journal links that use it) stable.
BLOCK_NAMESPACE = uuid.UUID("5b7f9c1e-2f4a-4d0e-9a51-6c2b8e3d7a10")


def _block_id(*parts) -> str:
    return str(uuid.uuid5(BLOCK_NAMESPACE, ":".join(str(p) for p in parts)))


def _paragraphs(paragraphs) -> str:
    from django.utils.html import escape

    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _upsert_page(parent, model, factory, *, slug, **fields):
    """The child of `parent` with `slug`, updated with `fields`, or a new live one."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        return factory(parent=parent, slug=slug, **fields)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save()
    return page


# The CDE Quality Schooling Framework's goals of equity and areas each resource topic and each
# module mostly serves (our reading of the framework; editors change them in the admin).
TOPIC_EQUITY_TAGS = {
    "english-learners": (("access-and-inclusion", "opportunity-to-learn"), ("programs",)),
    "foster-youth": (("access-and-inclusion",), ("programs",)),
    "students-with-disabilities": (("access-and-inclusion",), ("programs",)),
    "homelessness": (("access-and-inclusion", "resource-distribution"), ("resource-distribution",)),
    "discipline": (("equitable-treatment",), ("school-climate",)),
    "stem": (("access-and-inclusion",), ("programs",)),
    "early-literacy": (("comparable-outcomes", "opportunity-to-learn"), ("achievement",)),
    "chronic-absenteeism": (("comparable-outcomes",), ("school-climate",)),
    "school-climate": (("equitable-treatment",), ("school-climate",)),
    "family-engagement": (("opportunity-to-learn", "shared-accountability"), ("school-climate",)),
    "achievement-gaps": (("comparable-outcomes",), ("achievement",)),
    "high-achievers": (("access-and-inclusion",), ("achievement",)),
    "college-and-career": (("comparable-outcomes", "access-and-inclusion"), ("programs",)),
    "graduation": (("comparable-outcomes",), ("achievement",)),
    "gender-equity": (("equitable-treatment",), ("programs",)),
    "racial-equity": (("equitable-treatment",), ("school-climate",)),
    "civil-rights": (("equitable-treatment",), ("school-climate",)),
    "continuous-improvement": (("shared-accountability",), ("achievement",)),
    "stakeholder-engagement": (("shared-accountability",), ("school-climate",)),
    "policy-review": (
        ("resource-distribution", "shared-accountability"),
        ("resource-distribution",),
    ),
    "lcap-planning": (("resource-distribution",), ("resource-distribution",)),
}
MODULE_EQUITY_TAGS = {
    1: (("shared-accountability",), ("school-climate",)),
    2: (("equitable-treatment",), ("school-climate",)),
    3: (("equitable-treatment", "access-and-inclusion"), ("school-climate", "programs")),
    4: (("shared-accountability",), ("school-climate",)),
    5: (("comparable-outcomes", "resource-distribution"), ("achievement", "resource-distribution")),
    6: (("equitable-treatment", "opportunity-to-learn"), ("school-climate",)),
    7: (("comparable-outcomes",), ("achievement",)),
    8: (("opportunity-to-learn", "access-and-inclusion"), ("programs",)),
    9: (("shared-accountability",), ("achievement",)),
}


def equity_tags_for(topic_slugs) -> tuple[list[str], list[str]]:
    goals, areas = [], []
    for topic in topic_slugs:
        topic_goals, topic_areas = TOPIC_EQUITY_TAGS.get(topic, ((), ()))
        goals += [g for g in topic_goals if g not in goals]
        areas += [a for a in topic_areas if a not in areas]
    return goals, areas


@transaction.atomic
def seed_taxonomy() -> dict:
    content = curriculum()
    goals = {}
    for order, goal in enumerate(content.goals, start=1):
        goals[goal["slug"]], _ = ProgramGoal.objects.update_or_create(
            slug=goal["slug"],
            defaults={
                "title": goal["title"],
                "description": goal["description"],
                "sort_order": order,
            },
        )
    cde_goals, areas = {}, {}
    for goal in content.cde_equity_goals:
        cde_goals[goal["slug"]], _ = CdeEquityGoal.objects.update_or_create(
            slug=goal["slug"],
            defaults={k: goal[k] for k in ("number", "title", "description")},
        )
    for area in content.equity_areas:
        areas[area["slug"]], _ = EquityArea.objects.update_or_create(
            slug=area["slug"], defaults={"name": area["name"], "description": area["description"]}
        )
    modes = {}
    for mode in content.liberatory_design_modes:
        modes[mode["slug"]], _ = LiberatoryDesignMode.objects.update_or_create(
            slug=mode["slug"],
            defaults={k: mode[k] for k in ("name", "description", "order", "is_core")},
        )
    topics = {}
    for topic in content.topics:
        topics[topic["slug"]], _ = Topic.objects.update_or_create(
            slug=topic["slug"], defaults={"name": topic["name"]}
        )
    groups = {}
    for code, label in content.student_groups:
        groups[code], _ = StudentGroup.objects.update_or_create(
            code=code, defaults={"label": label}
        )
    protocols = {}
    for item in content.protocols:
        # The English protocol (its translations share the slug).
        protocol = in_source_locale(Protocol.objects.filter(slug=item["slug"])).first()
        protocol = protocol or Protocol(slug=item["slug"])
        protocol.name = item["name"]
        protocol.purpose = item["purpose"]
        protocol.source = item["source"]
        protocol.mode = modes.get(item["mode"])
        # Steps updated in place: each keeps its translation key, so its Spanish stays linked.
        steps = list(protocol.steps.order_by("sort_order")) if protocol.pk else []
        for i, (text, minutes) in enumerate(item["steps"]):
            if i == len(steps):
                steps.append(ProtocolStep())
            steps[i].text, steps[i].minutes, steps[i].sort_order = text, minutes, i
        protocol.steps = steps[: len(item["steps"])]
        protocol.save()
        protocols[item["slug"]] = protocol
    return {
        "goals": goals,
        "cde_goals": cde_goals,
        "areas": areas,
        "modes": modes,
        "topics": topics,
        "groups": groups,
        "protocols": protocols,
    }


@transaction.atomic
def seed_resources(taxonomy) -> None:
    content = curriculum()
    for item in content.resources:
        resource, _ = in_source_locale(Resource.objects).update_or_create(
            title=item["title"][:255],
            defaults={
                "url": item["url"],
                "summary": item["summary"][:300],
                "resource_type": item["type"],
                "audience": item["audience"][:200],
            },
        )
        resource.topics.set([taxonomy["topics"][s] for s in item["topics"]])
        resource.student_groups.set([taxonomy["groups"][c] for c in item["student_groups"]])
        goal_slugs, area_slugs = equity_tags_for(item["topics"])
        resource.cde_goals.set([taxonomy["cde_goals"][s] for s in goal_slugs])
        resource.equity_areas.set([taxonomy["areas"][s] for s in area_slugs])
        resource.save()


def module_body(module, protocols) -> StreamValue:
    slug = module["slug"]
    body = [("paragraph", RichText(_paragraphs(module["body_paragraphs"])), _block_id(slug, "p"))]
    body.append(
        (
            "callout",
            {"title": "Tip", "text": module["callout"], "tone": "tip"},
            _block_id(slug, "callout"),
        )
    )
    if module["protocols"]:
        body.append(("heading", {"text": "Protocols", "level": "h2"}, _block_id(slug, "h-prot")))
        for protocol_slug in module["protocols"]:
            body.append(
                (
                    "protocol",
                    {"protocol": protocols[protocol_slug], "name": "", "mode": None, "steps": []},
                    _block_id(slug, "protocol", protocol_slug),
                )
            )
    body.append(("heading", {"text": "Reflect", "level": "h2"}, _block_id(slug, "h-reflect")))
    for i, prompt in enumerate(module["reflection_prompts"]):
        body.append(
            (
                "reflection_prompt",
                {
                    "prompt": prompt["text"],
                    "kind": prompt["kind"],
                    "default_privacy": prompt["default_privacy"],
                },
                _block_id(slug, "prompt", i),
            )
        )
    task = module["team_task"]
    # "reflection" tasks are journal prompts, which the reflection blocks above already cover.
    if task["kind"] != "reflection":
        body.append(
            (
                "team_task",
                {k: task[k] for k in ("kind", "title", "description")},
                _block_id(slug, "task"),
            )
        )
    return StreamValue(ModulePage.body.field.stream_block, body)


@transaction.atomic
def seed_program(home, taxonomy) -> ProgramPage:
    content = curriculum()
    data = content.program
    program = _upsert_page(
        home,
        ProgramPage,
        ProgramPageFactory,
        slug=data["slug"],
        title=data["title"],
        intro=data["intro"][:300],
        overview=_paragraphs(data["overview"]),
        audience=_paragraphs([data["audience"]]),
        start_date=datetime.date.fromisoformat(data["start_date"]),
        end_date=datetime.date.fromisoformat(data["end_date"]),
    )
    program.goals.set(list(taxonomy["goals"].values()))
    program.save()
    for module in content.modules:
        page = _upsert_page(
            program,
            ModulePage,
            ModulePageFactory,
            slug=module["slug"],
            title=module["title"],
            number=module["number"],
            month=datetime.date(module["year"], module["month"], 1),
            summary=module["summary"],
            estimated_minutes=module["estimated_minutes"],
            mode=taxonomy["modes"].get(module["mode"]),
            body=module_body(module, taxonomy["protocols"]),
        )
        page.objectives = [
            ModuleObjective(text=text[:300], sort_order=i)
            for i, text in enumerate(module["objectives"])
        ]
        page.goals.set([taxonomy["goals"][s] for s in module["goals"]])
        goal_slugs, area_slugs = MODULE_EQUITY_TAGS.get(module["number"], ((), ()))
        page.cde_goals.set([taxonomy["cde_goals"][s] for s in goal_slugs])
        page.equity_areas.set([taxonomy["areas"][s] for s in area_slugs])
        page.save()
    return program


PARTNERSHIP_FIELDS = [
    ("District", "singleline", True, ""),
    ("School", "singleline", True, ""),
    ("Team members and roles", "multiline", True, "One person a line: name, email, role."),
    ("Contact name", "singleline", True, ""),
    ("Contact email", "email", True, ""),
    ("What the team wants to work on", "multiline", True, ""),
    ("Equity focus", "dropdown", True, ""),
]
CONTACT_LIST_FIELDS = [
    ("Name", "singleline", True, ""),
    ("Email", "email", True, ""),
    ("Organization", "singleline", False, ""),
]


def _form_fields(fields) -> list[FormField]:
    content = curriculum()
    areas = "\n".join(area["name"] for area in content.equity_areas)
    return [
        FormField(
            label=label,
            clean_name=slugify(label).replace("-", "_"),
            field_type=kind,
            required=required,
            help_text=help_text,
            choices=areas if kind == "dropdown" else "",
            sort_order=i,
        )
        for i, (label, kind, required, help_text) in enumerate(fields)
    ]


@transaction.atomic
def seed_site_pages(home) -> None:
    content = curriculum()
    _upsert_page(
        home,
        ResourceIndexPage,
        ResourceIndexPageFactory,
        slug="resources",
        title="Resource library",
        intro="Reports, toolkits and guides for school equity teams.",
    )
    forms = [
        (
            "partnership-proposal",
            "Propose a partnership",
            "<p>Tell us about your team and what it wants to work on.</p>",
            PARTNERSHIP_FIELDS,
            "We received your partnership proposal",
        ),
        (
            "contact-list",
            "Join the contact list",
            "<p>Hear about the next cohort and open sessions.</p>",
            CONTACT_LIST_FIELDS,
            "You are on our contact list",
        ),
    ]
    for slug, title, intro, fields, confirmation in forms:
        page = _upsert_page(
            home,
            FormPage,
            FormPageFactory,
            slug=slug,
            title=title,
            intro=intro,
            confirmation_subject=confirmation,
            confirmation_text="Thank you. A facilitator will be in touch soon.",
            subject=f"New submission: {title}",
        )
        page.form_fields = _form_fields(fields)
        page.save()
    _upsert_page(
        home,
        StandardPage,
        StandardPageFactory,
        slug="about",
        title="About",
        intro=content.program["intro"][:300],
        body=_paragraphs(content.program["overview"] + content.program["how_to_join"]),
    )


def seed_curriculum() -> ProgramPage:
    """Taxonomy, resources, the program with its nine modules, the library, forms and About."""
    with transaction.atomic():
        home = home_page_ensure()
        taxonomy = seed_taxonomy()
        seed_resources(taxonomy)
        program = seed_program(home, taxonomy)
        seed_site_pages(home)
        facilitator_permissions_apply()
    return program
