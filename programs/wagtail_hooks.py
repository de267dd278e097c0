from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    CdeEquityGoal,
    EquityArea,
    LiberatoryDesignMode,
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
