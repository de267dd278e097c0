from allauth.account.adapter import DefaultAccountAdapter

from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        """Signup is closed; a usable invitation opened in this browser opens it."""
        from cohorts.services import invitation_for_signup

        return settings.COHORT_SIGNUP_OPEN or invitation_for_signup(request) is not None

    def save_user(self, request, user, form, commit=True):
        """Signing up uses the invitation up for this browser: it opens signup no more."""
        user = super().save_user(request, user, form, commit=commit)
        request.session.pop("invitation_token", None)
        return user

