"""Improvement projects: aim, driver diagram, measures with observations, PDSA cycles.

Everything hangs off `ImprovementProject` (one per team and school year) and is resolved
through `TeamOwnedQuerySet.visible_to`, so another team's rows answer 404.
"""

from .brightspots import BrightSpot
from .cycles import (
    Comment,
    PDSACycle,
)
from .diagram import (
    Aim,
    ChangeIdea,
    Driver,
)
from .dialogue import (
    DIALOGUE_STEPS,
    STEPS_BY_CODE,
    DataDialogue,
    DialogueNote,
    Step,
)
from .measures import (
    ImportJob,
    Measure,
    Observation,
    ObservationQuerySet,
)
from .package import (
    ChangePackageEntry,
    ChangePackageEntryQuerySet,
)
from .project import (
    GROUP_LABELS,
    PROGRESS_SCORES,
    EquityArea,
    ImprovementProject,
    ProjectOwnedQuerySet,
    ProjectQuerySet,
    StudentGroup,
    school_year_bounds,
)
from .understanding import (
    RET_STEPS,
    DataProfileEntry,
    EmpathyInterview,
    EquityAnalysisStep,
    Indicator,
    RootCause,
)

__all__ = [
    "Aim",
    "BrightSpot",
    "ChangeIdea",
    "ChangePackageEntry",
    "ChangePackageEntryQuerySet",
    "Comment",
    "DIALOGUE_STEPS",
    "DataDialogue",
    "DialogueNote",
    "DataProfileEntry",
    "Driver",
    "EmpathyInterview",
    "EquityAnalysisStep",
    "EquityArea",
    "GROUP_LABELS",
    "ImportJob",
    "ImprovementProject",
    "Indicator",
    "Measure",
    "Observation",
    "ObservationQuerySet",
    "PDSACycle",
    "PROGRESS_SCORES",
    "ProjectOwnedQuerySet",
    "ProjectQuerySet",
    "RET_STEPS",
    "RootCause",
    "STEPS_BY_CODE",
    "Step",
    "StudentGroup",
    "school_year_bounds",
]
