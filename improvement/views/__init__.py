"""Improvement workspace views: small class-based views over `visible_to` querysets.

Reading: team members, the cohort's facilitators and site admins (the last two with
small-cell suppression). Writing: team members (others get 404). Managing the project
(start, edit, progress score): team leads (members get 403). Comments: members and the
cohort's facilitators.
"""

from .base import (
    ManageMixin,
    ProjectMixin,
    ServiceFormMixin,
    StartFirstMixin,
    WriteMixin,
)
from .brightspots import BrightSpotsView
from .cycles import (
    CycleAdaptView,
    CycleAddView,
    CycleMixin,
    CyclePhaseView,
    CycleView,
)
from .diagram import (
    DiagramItemDeleteView,
    DiagramItemEditView,
    DiagramItemMixin,
    DiagramItemMoveView,
    DriversView,
)
from .dialogue import (
    CohortDialoguesView,
    DialogueListView,
    DialogueNoteAddView,
    DialogueStartView,
    DialogueView,
    NoteCycleView,
    NoteIdeaView,
)
from .exports import (
    CsvExportView,
)
from .importing import (
    ImportJobView,
    ImportTemplateView,
    ImportView,
    PreviewImportMixin,
    ProfileImportView,
)
from .measures import (
    BaselineView,
    MeasureAddView,
    MeasureEditView,
    MeasureMixin,
    MeasureView,
    ObservationAddView,
)
from .package import (
    EntryAddView,
    EntryEditView,
    EntryView,
    PackageExportView,
    PackageView,
)
from .package_team import (
    EntryAdoptView,
    IdeaAdoptedView,
)
from .project import (
    AimView,
    CommentView,
    PrintView,
    ProgressView,
    ProjectEditView,
    ProjectStartView,
    ProjectView,
)
from .understanding import (
    ItemAddView,
    UnderstandView,
    profile_table,
)

__all__ = [
    "BrightSpotsView",
    "AimView",
    "BaselineView",
    "CohortDialoguesView",
    "CommentView",
    "CsvExportView",
    "CycleAdaptView",
    "CycleAddView",
    "CycleMixin",
    "CyclePhaseView",
    "CycleView",
    "DiagramItemDeleteView",
    "DiagramItemEditView",
    "DiagramItemMixin",
    "DiagramItemMoveView",
    "DialogueListView",
    "DialogueNoteAddView",
    "DialogueStartView",
    "DialogueView",
    "DriversView",
    "EntryAddView",
    "EntryAdoptView",
    "EntryEditView",
    "EntryView",
    "IdeaAdoptedView",
    "ImportJobView",
    "ImportTemplateView",
    "ImportView",
    "ItemAddView",
    "ManageMixin",
    "MeasureAddView",
    "MeasureEditView",
    "MeasureMixin",
    "MeasureView",
    "NoteCycleView",
    "NoteIdeaView",
    "ObservationAddView",
    "PackageExportView",
    "PackageView",
    "PreviewImportMixin",
    "PrintView",
    "ProfileImportView",
    "ProgressView",
    "ProjectEditView",
    "ProjectMixin",
    "ProjectStartView",
    "ProjectView",
    "ServiceFormMixin",
    "StartFirstMixin",
    "UnderstandView",
    "WriteMixin",
    "profile_table",
]
