from django.utils.formats import localize
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cohort_site.curriculum import REFLECTION_PROMPTS, ReflectionPrompt
from cohorts.panels import COHORT_PAGE_PANELS, TEAM_SPACE_PANELS, Panel, cached_panel

from .models import (
    CdeEquityGoal,
    EquityArea,
    LiberatoryDesignMode,
    ModulePage,
    ProgramGoal,
    Protocol,
    Resource,
    StudentGroup,
    Topic,
)


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _("Resources")
    list_display = ["title", "resource_type", "audience"]
    list_filter = ["resource_type", "topics", "student_groups"]
    search_fields = ["title", "summary"]


class ProtocolViewSet(SnippetViewSet):
    model = Protocol
    icon = "list-ol"
    list_display = ["name", "mode", "source"]
    list_filter = ["mode"]


class ProgramGoalViewSet(SnippetViewSet):
    model = ProgramGoal
    icon = "success"
    list_display = ["title", "sort_order"]


class CdeEquityGoalViewSet(SnippetViewSet):
    model = CdeEquityGoal
    icon = "success"
    list_display = ["number", "title"]


class EquityAreaViewSet(SnippetViewSet):
    model = EquityArea
    icon = "tag"


class ModeViewSet(SnippetViewSet):
    model = LiberatoryDesignMode
    icon = "cogs"
    list_display = ["name", "order", "is_core"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]


class StudentGroupViewSet(SnippetViewSet):
    model = StudentGroup
    icon = "group"
    list_display = ["label", "code"]


class CurriculumViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Curriculum")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        ResourceViewSet,
        ProtocolViewSet,
        ProgramGoalViewSet,
        CdeEquityGoalViewSet,
        EquityAreaViewSet,
        ModeViewSet,
        TopicViewSet,
        StudentGroupViewSet,
    )


register_snippet(CurriculumViewSetGroup)


@hooks.register("after_delete_snippet")
def curriculum_snippets_deleted(request, instances):
    """The admin's bulk delete removes snippets without their delete(): cached curriculum
    pages and fragments that show them go stale all the same."""
    from .models.taxonomy import CurriculumSnippet, purge_now_and_on_commit

    if any(isinstance(instance, CurriculumSnippet) for instance in instances):
        purge_now_and_on_commit()


@hooks.register(COHORT_PAGE_PANELS)
def module_completion_heat_map(*, cohort, teams, user):
    """Teams by modules: the share of each team's current members who marked the module done.

    Kept rendered under the curriculum's version and the teams shown (in order, with their
    names and versions: a member joining, leaving or marking a module done moves their team's
    version). On a miss, two queries whatever the number of teams, people and modules (plus
    the module list).
    """
    from .public_cache import current_version

    return cached_panel(
        parts=(
            cohort.pk,
            cohort.slug,
            cohort.program_id,
            current_version(),
            [(t.pk, t.name, t.summary_version) for t in teams],
        ),
        template="programs/completion_heat_map.html",
        context=lambda: _heat_map_context(cohort, teams),
        order=10,
    )


def _heat_map_context(cohort, teams) -> dict:
    from collections import Counter

    from cohorts.models import Membership

    from .models import ModuleCompletion
    from .release import cohort_modules

    modules = cohort_modules(cohort)
    team_of = dict(
        Membership.objects.current()
        .filter(team__in=[t.pk for t in teams])
        .values_list("user_id", "team_id")
    )
    done = Counter(
        (team_of[user_id], module_id)
        for user_id, module_id in ModuleCompletion.objects.filter(
            module__in=modules, user_id__in=list(team_of)
        ).values_list("user_id", "module_id")
    )
    sizes = Counter(team_of.values())
    rows = []
    for team in teams:
        size = sizes.get(team.pk, 0)
        shares = [
            round(100 * done.get((team.pk, module.pk), 0) / size) if size else 0
            for module in modules
        ]
        # The row's cells rendered here, not by a template loop over teams × modules (the
        # panel's largest cost): the same escaped, localised text `{{ cell.share }}` gives.
        cells_html = format_html_join(
            "",
            '<td class="heat-{}">{}%</td>',
            ((min(4, share // 25), localize(share)) for share in shares),
        )
        rows.append({"team": team, "cells_html": cells_html})
    return {"cohort": cohort, "modules": modules, "rows": rows}


# Where a team does each kind of task (URL name, and whether it takes the team's slug).
TASK_DESTINATIONS = {
    "norms": ("norms:index", True),
    "identity_statement": ("norms:statement", True),
    "aim": ("improvement:aim", True),
    "driver_diagram": ("improvement:drivers", True),
    "pdsa_cycle": ("improvement:project", True),
    "feedback_request": ("feedback:inbox", False),
}


@hooks.register(TEAM_SPACE_PANELS)
def this_months_module_panel(*, team, user, request):
    """The module open now for the team's cohort, and the team task it asks for.

    Kept rendered under the curriculum's version (pages published, moved, translated) and the
    cohort's program; the hub adds the team's version (release dates saved: `release_dates_save`)
    and today's date. Without the curriculum's version (cache unreachable) it is read each time.
    """
    from .public_cache import current_version

    version = current_version()
    return Panel(
        template="programs/team_module_panel.html",
        context=lambda: _module_panel_context(team),
        order=5,
        cache_key=None if version is None else ("curriculum", version, team.cohort.program_id),
    )


def _module_panel_context(team) -> dict | None:
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone

    from .localized import reading_of
    from .release import cohort_schedule

    today = timezone.localdate()
    opened = [(opens, module) for module, opens in cohort_schedule(team.cohort) if opens <= today]
    if not opened:
        return None
    _opens, module = max(opened, key=lambda pair: (pair[0], pair[1].number))
    shown = reading_of(module).content  # its translation in the reader's language, if any
    tasks = []
    # Raw data: converting the whole body would load every chosen protocol and resource.
    for block in shown.body.raw_data:
        if block["type"] != "team_task":
            continue
        task = block["value"]
        url_name, with_slug = TASK_DESTINATIONS.get(task["kind"], (None, False))
        try:
            url = reverse(url_name, args=[team.slug] if with_slug else []) if url_name else ""
        except NoReverseMatch:
            url = ""
        tasks.append({"title": task["title"], "description": task["description"], "url": url})
    return {"module": module, "title": shown.title, "tasks": tasks}


@hooks.register(REFLECTION_PROMPTS)
def reflection_prompts():
    """The reflection prompts of the live, public modules, in curriculum order (for journals).

    Each prompt keeps to the curriculum's (English) module whatever the reader's language, and
    is worded as the reader's translation of the module words it (block ids are shared)."""
    from .localized import in_source_locale, translations_of

    modules = list(in_source_locale(ModulePage.objects.live().public()).specific().order_by("path"))
    translated = translations_of(modules)  # one query, none for a reader of the English
    for module in modules:
        translation = translated.get(module.translation_key)
        worded = {
            block["id"]: block["value"].get("prompt")
            for block in (translation.body.raw_data if translation else [])
            if block["type"] == "reflection_prompt"
        }
        # Raw data: the prompt's own fields, without converting the rest of the body.
        for block in module.body.raw_data:
            if block["type"] != "reflection_prompt":
                continue
            value = block["value"]
            yield ReflectionPrompt(
                id=block["id"],
                text=str(worded.get(block["id"]) or value.get("prompt") or ""),
                kind=str(value.get("kind") or ""),
                default_privacy=str(value.get("default_privacy") or ""),
                module=module,
                module_number=module.number,
            )
