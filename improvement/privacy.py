from privacy.registry import Erase, registry

from .models import (
    Aim,
    ChangeIdea,
    Comment,
    DataDialogue,
    DataProfileEntry,
    DialogueNote,
    Driver,
    ImportJob,
    ImprovementProject,
    Measure,
    Observation,
    PDSACycle,
)
from .queries import observations_leaving_team, profile_leaving_team

# Who started a spreadsheet import: the job (counts, row problems) is the team's; the link to
# the person is cleared when they are erased.
registry.register(
    ImportJob,
    user_field="started_by",
    export_fields=["project__team__name", "kind", "status", "rows_total", "created", "created_at"],
    erase=Erase.NULLIFY,
    portfolio_filter=None,
    team_field="project__team",
)
registry.register(
    Comment,
    user_field="author",
    export_fields=["project__team__name", "body", "created_at"],
    erase=Erase.KEEP,
    portfolio_filter={},
    team_field="project__team",
)
# Data dialogues are the team's shared work: who started one or recorded a note is cleared
# when they are erased, the notes stay with the team.
registry.register(
    DataDialogue,
    user_field="started_by",
    export_fields=["project__team__name", "measure__name", "indicator", "started_at"],
    erase=Erase.NULLIFY,
    portfolio_filter={},
    team_field="project__team",
)
registry.register(
    DialogueNote,
    user_field="author",
    export_fields=["dialogue__project__team__name", "step", "text", "created_at"],
    erase=Erase.NULLIFY,
    portfolio_filter={},
    team_field="dialogue__project__team",
)
# The team's own improvement work (no personal data; empathy-interview notes stay out of the
# portfolio because they may describe families in the interviewees' own words).
registry.register_team_content(
    ImprovementProject,
    export_fields=["school_year", "problem_of_practice", "focal_groups", "equity_area"],
)
registry.register_team_content(
    Aim,
    export_fields=["what", "how_much", "by_when", "for_whom", "baseline_value", "target_value"],
    team_field="project__team",
)
registry.register_team_content(Driver, export_fields=["level", "text"], team_field="project__team")
registry.register_team_content(ChangeIdea, export_fields=["text"], team_field="project__team")
registry.register_team_content(
    PDSACycle,
    export_fields=["ramp", "number", "title", "purpose", "phase", "objective"],
    team_field="project__team",
)
registry.register_team_content(
    Measure, export_fields=["name", "kind", "unit"], team_field="project__team"
)
# Student-group figures leave the team only through small-cell suppression (queries.py).
registry.register_team_content(
    Observation,
    export_fields=["measure__name", "date", "group", "value", "numerator", "denominator", "n"],
    team_field="measure__project__team",
    portfolio_rows=observations_leaving_team,
)
registry.register_team_content(
    DataProfileEntry,
    export_fields=["indicator", "group", "n", "value"],
    team_field="project__team",
    portfolio_rows=profile_leaving_team,
)
