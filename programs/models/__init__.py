"""The programs app's models, by seam: taxonomy snippets, pages, editor-built forms and
progress. Everything is re-exported here, so `from programs.models import X` keeps working."""

from .form_pages import FormField, FormPage
from .pages import (
    HomePage,
    ModuleObjective,
    ModulePage,
    ProgramPage,
    PublicCachedPage,
    ResourceIndexPage,
    StandardPage,
    site_forms,
)
from .progress import ModuleCompletion, ModuleCompletionQuerySet, ModuleRelease
from .taxonomy import (
    CdeEquityGoal,
    EquityArea,
    LiberatoryDesignMode,
    ProgramGoal,
    Protocol,
    ProtocolStep,
    Resource,
    StudentGroup,
    Topic,
)

__all__ = [
    "CdeEquityGoal",
    "EquityArea",
    "FormField",
    "FormPage",
    "HomePage",
    "LiberatoryDesignMode",
    "ModuleCompletion",
    "ModuleCompletionQuerySet",
    "ModuleObjective",
    "ModulePage",
    "ModuleRelease",
    "ProgramGoal",
    "ProgramPage",
    "Protocol",
    "ProtocolStep",
    "PublicCachedPage",
    "Resource",
    "ResourceIndexPage",
    "StandardPage",
    "StudentGroup",
    "Topic",
    "site_forms",
]
