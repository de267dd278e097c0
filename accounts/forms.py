from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "pronouns", "preferred_language"]


class SignupForm(AllauthSignupForm):
    """Signup opened by an invitation accepts the invited address only."""

    def clean_email(self):
        email = super().clean_email()
        if settings.COHORT_SIGNUP_OPEN or context.request is None:
            return email
        from .invitations import invitation_for_signup

        invitation = invitation_for_signup(context.request)
        if invitation is None:
            raise forms.ValidationError(
                _("This invitation can no longer be used. Ask your facilitator for a new one.")
            )
        if email.lower() != invitation.email.lower():
            raise forms.ValidationError(
                _("This invitation is for %(email)s. Sign up with that address.")
                % {"email": invitation.email}
            )
        return email
