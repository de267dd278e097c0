"""Journal pages. Every read goes through `visible_to(user)` (or `mine(user)` for the author's
own pages), so anything outside a person's reach answers 404 — site admins and leads included.
"""

from .editing import AutosaveView, EntryCreateView, EntryEditView
from .entries import (
    PAGE_SIZE,
    EntryDeleteView,
    EntryDetailView,
    JournalListView,
    OwnEntryMixin,
    ReplyCreateView,
    VersionListView,
    VersionRestoreView,
)
from .export import ExportView
from .facilitation import COUNTS_PAGE_SIZE, FacilitatorView, TeamJournalView
from .identity import IcebergView, IdentityToolView, WheelView

__all__ = [
    "AutosaveView",
    "COUNTS_PAGE_SIZE",
    "EntryCreateView",
    "EntryDeleteView",
    "EntryDetailView",
    "EntryEditView",
    "ExportView",
    "FacilitatorView",
    "IcebergView",
    "IdentityToolView",
    "JournalListView",
    "OwnEntryMixin",
    "PAGE_SIZE",
    "ReplyCreateView",
    "TeamJournalView",
    "VersionListView",
    "VersionRestoreView",
    "WheelView",
]
