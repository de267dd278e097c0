from allauth.account.adapter import DefaultAccountAdapter

from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        """Signup is closed; an accepted invitation opens it for that browser session only."""
        return settings.COHORT_SIGNUP_OPEN or bool(request.session.get("invitation_token"))
