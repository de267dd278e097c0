"""Demo journals for team A's member and lead (idempotent; called by `seed_demo`).

Runs after the cohorts demo data; when those people or their team do not exist, it does nothing.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

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


def _modules_by_number() -> dict:
    try:
        from programs.models import ModulePage  # lazy: journals must not depend on programs

        return {page.number: page for page in ModulePage.objects.live().specific()}
    except Exception:  # curriculum absent or changed: entries simply have no module
        return {}


def _prompt_in(module, kind: str):
    for block in getattr(module, "body", None) or []:
        if block.block_type == "reflection_prompt" and block.value.get("kind") == kind:
            return block
    return None


@transaction.atomic
def seed_journals() -> int:
    """Create the sample entries and one identity wheel for each demo author. Returns created."""
    from programs.demo_content import JOURNAL_SAMPLES

    users = get_user_model().objects.filter(email__in=DEMO_AUTHORS)
    modules = _modules_by_number()
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
            prompt = _prompt_in(module, sample["kind"]) if module else None
            services.entry_create(
                author=user,
                team=team,
                title=sample["title"],
                body=sample["body"],
                kind=sample["kind"],
                visibility=sample["visibility"],
                module=module,
                prompt_id=prompt.id if prompt else "",
                prompt_text=str(prompt.value.get("prompt")) if prompt else "",
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
