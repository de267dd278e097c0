from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohort_site.idempotency import SubmissionKeyFormMixin

from .models import Vote
from .templates_data import norm_templates


class ConditionForm(SubmissionKeyFormMixin, forms.Form):
    text = forms.CharField(
        label=_("What do I need to do my best learning in this group?"),
        max_length=300,
        help_text=_("One condition at a time; add as many as you like."),
        error_messages={"required": _("Write the condition you need before adding it.")},
    )


class ConditionGroupForm(forms.Form):
    group_label = forms.CharField(label=_("Group"), max_length=80, required=False)


class NormForm(forms.Form):
    statement = forms.CharField(
        label=_("Norm"),
        max_length=200,
        help_text=_("A short statement, e.g. “Stay engaged”."),
        error_messages={"required": _("Write the norm in a few words.")},
    )
    in_practice = forms.CharField(
        label=_("What it looks like in practice"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class TemplateForm(forms.Form):
    template = forms.ChoiceField(label=_("Starting template"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [(t["slug"], t["name"]) for t in norm_templates()]


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Can you support this set of norms?"),
        choices=Vote.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the three answers.")},
    )
    reason = forms.CharField(
        label=_("Reason (required if you cannot agree; the team sees it)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("choice") == Vote.Choice.CANNOT and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why you cannot agree, so the team can talk about it."))
        return data


class CloseVoteForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you closing this vote?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The team sees this. With no objections the set is ratified; "
            "otherwise it goes back to drafting."
        ),
        error_messages={"required": _("Record why you are closing the vote.")},
    )


RATING_CHOICES = [
    (4, _("4 · We kept it well")),
    (3, _("3 · Mostly")),
    (2, _("2 · Partly")),
    (1, _("1 · Not today")),
]


class CheckInForm(forms.Form):
    met_on = forms.DateField(
        label=_("Meeting date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, norms, **kwargs):
        super().__init__(*args, **kwargs)
        self.norms = norms
        for norm in norms:
            self.fields[f"norm_{norm.pk}"] = forms.TypedChoiceField(
                label=_("How well did we keep “%(norm)s”?") % {"norm": norm.statement},
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Rate this norm from 1 to 4.")},
            )
        self.fields["hard_norm"] = forms.TypedChoiceField(
            label=_("Which norm was hard today? (optional)"),
            choices=[("", _("None"))] + [(n.pk, n.statement) for n in norms],
            coerce=int,
            empty_value=None,
            required=False,
        )

    def clean_met_on(self):
        met_on = self.cleaned_data["met_on"]
        if met_on > timezone.localdate():
            raise ValidationError(_("The meeting date cannot be in the future."))
        return met_on

    def ratings(self) -> dict[int, int]:
        return {n.pk: self.cleaned_data[f"norm_{n.pk}"] for n in self.norms}


class StatementForm(forms.Form):
    who_we_are = forms.CharField(
        label=_("Who we are as an equity team"), widget=forms.Textarea(attrs={"rows": 4})
    )
    why_we_do_this_work = forms.CharField(
        label=_("Why we do this work"), widget=forms.Textarea(attrs={"rows": 4})
    )
    what_we_commit_to = forms.CharField(
        label=_("What we commit to"),
        help_text=_("One commitment per line."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write your comment first.")},
    )
