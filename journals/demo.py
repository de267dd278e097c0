"""Demo journals for team A's member and lead (idempotent; called by `seed_demo`).

Runs after the cohorts demo data; when those people or their team do not exist, it does nothing.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from cohort_site.curriculum import reflection_prompts
from cohorts import access

from . import services
from .models import IdentityTool, JournalEntry, Visibility

DEMO_AUTHORS = ["member@example.org", "lead@example.org"]

DEMO_WHEELS = {
    "member@example.org": {
        "first_language": "Vietnamese, then English",
        "class": "Grew up working class; now middle class",
        "think_most": ["first_language", "race_ethnicity"],
        "think_least": ["ability", "age"],
        "matters_self": ["first_language"],
        "matters_others": ["race_ethnicity", "age"],
    },
    "lead@example.org": {
        "race_ethnicity": "Latino",
        "gender": "Man",
        "first_language": "Spanish at home, English at school",
        "think_most": ["race_ethnicity"],
        "think_least": ["gender", "sexual_orientation"],
        "matters_self": ["first_language", "class"],
        "matters_others": ["gender", "race_ethnicity"],
    },
}


def _curriculum() -> tuple[dict, dict]:
    """The curriculum's modules by number, and each module's first prompt of each kind (through
    the `reflection_prompts` hook); with no curriculum, entries simply have no module."""
    modules, prompts = {}, {}
    for prompt in reflection_prompts():
        modules.setdefault(prompt.module_number, prompt.module)
        prompts.setdefault((prompt.module_number, prompt.kind), prompt)
    return modules, prompts


@transaction.atomic
def seed_journals() -> int:
    """Create the sample entries and one identity wheel for each demo author. Returns created."""
    from programs.demo_content import JOURNAL_SAMPLES

    users = get_user_model().objects.filter(email__in=DEMO_AUTHORS)
    modules, prompts = _curriculum()
    created = 0
    for user in users:
        membership = access.current_memberships(user).select_related("team").first()
        if membership is None:
            continue
        team = membership.team
        for sample in JOURNAL_SAMPLES:
            if JournalEntry.objects.filter(author=user, title=sample["title"]).exists():
                continue
            module = modules.get(sample["module_number"])
            prompt = prompts.get((sample["module_number"], sample["kind"]))
            services.entry_create(
                author=user,
                team=team,
                title=sample["title"],
                body=sample["body"],
                kind=sample["kind"],
                visibility=sample["visibility"],
                module=module,
                prompt_id=prompt.id if prompt else "",
                prompt_text=prompt.text if prompt else "",
            )
            created += 1
        if not IdentityTool.objects.filter(author=user, kind=IdentityTool.ToolKind.WHEEL).exists():
            services.identity_tool_save(
                author=user,
                kind=IdentityTool.ToolKind.WHEEL,
                data=DEMO_WHEELS.get(user.email, {}),
                visibility=Visibility.PRIVATE,
            )
    return created
