"""Writes for improvement projects. Each re-checks the role and runs in one transaction."""

from .brightspots import bright_spots_store
from .cycles import (
    PHASE_DATE,
    PHASE_ORDER,
    cycle_adapt,
    cycle_create,
    cycle_update,
)
from .diagram import (
    change_idea_add,
    change_idea_update,
    diagram_item_delete,
    diagram_item_move,
    driver_add,
    driver_update,
)
from .dialogue import (
    dialogue_note_add,
    dialogue_start,
    note_to_change_idea,
    note_to_cycle,
)
from .measures import (
    build_observation,
    measure_save,
    measure_set_baseline,
    measure_signals_refresh,
    observation_add,
)
from .package import (
    change_idea_mark_adopted,
    package_entry_add,
    package_entry_adopt,
    package_entry_update,
)
from .project import (
    AIM_PARTS,
    aim_save,
    comment_add,
    item_add,
    project_content_changed,
    project_create,
    project_update,
)

__all__ = [
    "AIM_PARTS",
    "PHASE_DATE",
    "PHASE_ORDER",
    "aim_save",
    "bright_spots_store",
    "build_observation",
    "change_idea_add",
    "change_idea_mark_adopted",
    "change_idea_update",
    "comment_add",
    "cycle_adapt",
    "cycle_create",
    "cycle_update",
    "diagram_item_delete",
    "diagram_item_move",
    "dialogue_note_add",
    "dialogue_start",
    "driver_add",
    "driver_update",
    "item_add",
    "measure_save",
    "measure_set_baseline",
    "measure_signals_refresh",
    "note_to_change_idea",
    "note_to_cycle",
    "observation_add",
    "package_entry_add",
    "package_entry_adopt",
    "package_entry_update",
    "project_content_changed",
    "project_create",
    "project_update",
]
