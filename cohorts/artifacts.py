"""Team artifacts another team may be asked to review, registered by feature apps.

Like `cohorts/panels.py`, a hub that imports no feature app. A feature app that owns work a
team may ask critical friends about adds, in its `wagtail_hooks.py`:

    @hooks.register(FEEDBACK_ARTIFACT_PROVIDERS)
    def improvement_artifacts(*, team, user):
        return [Artifact(key="improvement.cycle:12", label="PDSA cycle: ...",
                         snapshot=lambda: {"title": ..., "sections": [...], "table": ...})]

A snapshot is plain JSON taken when the request is sent, already fit for readers outside the
team (student-group figures suppressed): {"title": str, "sections": [{"heading", "text"}],
"table": {"caption", "columns": [str], "rows": [[str]]} or None}.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

FEEDBACK_ARTIFACT_PROVIDERS = "feedback_artifact_providers"


@dataclass(frozen=True)
class Artifact:
    key: str
    label: str
    snapshot: Callable[[], dict]


def team_artifacts(*, team, user) -> list[Artifact]:
    """Every artifact of the team the person may offer for review, in provider order."""
    found: list[Artifact] = []
    for fn in hooks.get_hooks(FEEDBACK_ARTIFACT_PROVIDERS):
        found.extend(fn(team=team, user=user) or [])
    return found


def artifact_snapshot(*, team, user, key: str) -> dict | None:
    """The snapshot of the team's artifact `key` as it is now, or None if there is none."""
    for artifact in team_artifacts(team=team, user=user):
        if artifact.key == key:
            return artifact.snapshot()
    return None
