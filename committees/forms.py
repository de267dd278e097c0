from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Committee, CommitteeInvitation, Meeting, Recommendation


class CharterForm(forms.ModelForm):
    class Meta:
        model = Committee
        fields = ["name", "purpose", "decision_making", "meeting_norms"]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["held_on", "agenda", "attendees", "notes", "decisions"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "attendees": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = self.fields["attendees"].queryset.filter(
            committee_seats__committee=committee, committee_seats__left_on__isnull=True
        )


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["title", "rationale"]


class ResponseForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["status", "response"]

    def clean(self):
        data = super().clean()
        if data.get("status") == Recommendation.Status.OPEN:
            self.add_error("status", _("Choose the team's answer."))
        if not data.get("response"):
            self.add_error("response", _("Say what the team will do, or why not now."))
        return data


class CommitteeInvitationForm(forms.ModelForm):
    class Meta:
        model = CommitteeInvitation
        fields = ["email", "name", "seat"]
