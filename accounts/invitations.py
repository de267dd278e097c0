"""Which invitation opened signup in this browser: a team's or an advisory committee's.

Signup is closed; opening a usable invitation link stores its token in the session, which
opens signup for the invited address only. Each inviting app answers for its own tokens.
"""


def invitation_for_signup(request):
    """The usable invitation this browser opened (team first, then committee), or None."""
    from cohorts.services import invitation_for_signup as team_invitation
    from committees.services import invitation_for_signup as committee_invitation

    return team_invitation(request) or committee_invitation(request)


def forget(request) -> None:
    """Signing up uses a team invitation: it opens signup no more. A committee invitation's
    token stays until the join page, back from signup, gives the seat (committees.views)."""
    request.session.pop("invitation_token", None)
