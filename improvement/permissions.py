"""What each role may do with an improvement project, built on `cohorts.access` alone.

- team members (leads included) read everything unsuppressed and write;
- team leads also manage: start and edit the project, set the progress score, delete;
- facilitators of the team's cohort read (with suppression) and comment;
- site admins read (with suppression); everyone else gets 404 from `visible_to`.
"""

from cohorts import access


def can_write(user, team) -> bool:
    return access.is_team_member(user, team)


def can_manage(user, team) -> bool:
    return access.is_team_lead(user, team)


def can_comment(user, team) -> bool:
    return access.is_team_member(user, team) or access.is_cohort_facilitator(user, team.cohort)


def sees_small_cells(user, team) -> bool:
    """Only the owning team sees student-group figures without suppression."""
    return access.is_team_member(user, team)
