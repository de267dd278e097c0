import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cohort_site.idempotency import SubmissionKeyFormMixin
from cohorts.artifacts import team_artifacts
from cohorts.models import Membership, Team

from . import protocols
from .models import FeedbackRequest


class DateInput(forms.DateInput):
    input_type = "date"


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class RequestForm(SubmissionKeyFormMixin, forms.ModelForm):
    reviewers = ReviewerChoiceField(
        label=_("Teammates to ask"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Choose reviewers from the list: only your teammates can be picked here."
            )
        },
    )
    reviewer_team = forms.ModelChoiceField(
        label=_("Or another team of your cohort"),
        queryset=Team.objects.none(),
        required=False,
        empty_label=_("No team"),
        error_messages={"invalid_choice": _("Choose another team of your cohort.")},
        help_text=_("Everyone on that team is asked. Your critical-friend team is chosen for you."),
    )

    artifact = forms.ChoiceField(
        label=_("Part of your project"),
        required=False,
        choices=[],
        error_messages={"invalid_choice": _("Choose one of your team's project pages listed.")},
        help_text=_(
            "Reviewers from another team cannot open your team's pages: they see a read-only "
            "copy of this, taken when you send the request."
        ),
    )

    class Meta:
        model = FeedbackRequest
        fields = [
            "artifact_title",
            "artifact",
            "artifact_url",
            "artifact_file",
            "focusing_question",
            "protocol",
            "reviewers",
            "reviewer_team",
            "due_on",
            "anonymous",
        ]
        widgets = {
            "protocol": forms.RadioSelect,
            "due_on": DateInput,
            "focusing_question": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "focusing_question": _("The one question you most want your reviewers to think about.")
        }

    def __init__(self, *args, team: Team, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["protocol"].choices = protocols.CHOICES
        self.fields["artifact"].choices = [
            ("", _("None: a link or a file instead")),
            *((a.key, a.label) for a in team_artifacts(team=team, user=user)),
        ]
        self.fields["reviewers"].queryset = (
            User.objects.filter(
                pk__in=Membership.objects.current().filter(team=team).values("user_id"),
                is_active=True,
            )
            .exclude(pk=user.pk)
            .order_by("display_name", "email")
        )
        self.fields["reviewer_team"].queryset = (
            Team.objects.filter(cohort=team.cohort).exclude(pk=team.pk).order_by("name")
        )
        if not self.is_bound:
            self.initial.setdefault("due_on", timezone.localdate() + datetime.timedelta(days=7))
            self.initial.setdefault("protocol", "warm-and-cool-feedback")

    def clean(self):
        data = super().clean()
        if not data.get("reviewers") and not data.get("reviewer_team") and not self.errors:
            raise forms.ValidationError(_("Choose teammates or another team of your cohort."))
        return data


class ReviewerSelectionField(forms.ModelChoiceField):
    """Rejects anyone outside the allowed queryset with a clear message."""

    default_error_messages = {
        "invalid_choice": _("Choose a person from the list: reviewers must be in this cohort.")
    }


class GiveForm(forms.Form):
    """One text box per reviewer section of the request's protocol."""

    def __init__(self, *args, request: FeedbackRequest, **kwargs):
        super().__init__(*args, **kwargs)
        for section in request.protocol_def.reviewer_sections:
            self.fields[section.key] = forms.CharField(
                label=section.label,
                help_text=section.prompt,
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )


class BackFeedbackForm(forms.Form):
    back_feedback = forms.CharField(
        label=_("What I will do with this"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Name of the round"), max_length=120)


class ManualRoundForm(RoundForm):
    """One choice per team: which team reviews it. Choices come from the list already read,
    so the form adds no query per team."""

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = teams
        choices = [("", _("Nobody this round")), *[(str(t.pk), t.name) for t in teams]]
        for team in teams:
            self.fields[f"team_{team.pk}"] = forms.TypedChoiceField(
                label=_("Who reviews %(team)s?") % {"team": team.name},
                choices=choices,
                coerce=int,
                required=False,
                empty_value=0,
            )

    def pairs(self) -> dict[int, int]:
        return {team.pk: self.cleaned_data.get(f"team_{team.pk}") or 0 for team in self.teams}


class ReassignForm(forms.Form):
    reviewer = ReviewerSelectionField(label=_("New reviewer"), queryset=User.objects.none())

    def __init__(self, *args, cohort, exclude_pks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = (
            User.objects.filter(
                is_active=True,
                pk__in=Membership.objects.current().filter(team__cohort=cohort).values("user_id"),
            )
            .exclude(pk__in=exclude_pks)
            .order_by("display_name", "email")
        )
        self.fields["reviewer"].label_from_instance = lambda u: u.name


class SessionFeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was this session for you?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = not useful, 5 = very useful."),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Anonymous: your name is not stored with your answer."),
    )
