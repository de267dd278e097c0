"""Forms of the change package: the facilitator's entry, a team's take-up, the page's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programs.models import CdeEquityGoal

from .forms import ChangeIdeaForm
from .models import ChangeIdea, StudentGroup


class EntryForm(forms.Form):
    idea = forms.ModelChoiceField(
        label=_("Adopted change idea"), queryset=ChangeIdea.objects.none()
    )
    write_up = forms.CharField(
        label=_("Write-up"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the change is, how the team tested it and what it learned."),
    )
    cde_goal = forms.ModelChoiceField(
        label=_("CDE goal of equity"),
        queryset=CdeEquityGoal.objects.all(),
        required=False,
        empty_label=_("(none)"),
    )
    in_program = forms.BooleanField(
        label=_("Also in the program's change package"),
        required=False,
        help_text=_("Offer it to every cohort of the program in the county's annual report."),
    )

    def __init__(self, *args, ideas=None, **kwargs):
        super().__init__(*args, **kwargs)
        if ideas is None:
            del self.fields["idea"]
        else:
            self.fields["idea"].queryset = ideas
            self.fields["idea"].label_from_instance = lambda i: f"{i.project.team.name}: {i.text}"


class AdoptForm(ChangeIdeaForm):
    """The drivers of the team's own diagram the idea will serve (its text is the entry's)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["text"]
        self.fields["drivers"].label = _("Drivers it will serve in your driver diagram")


class FilterForm(forms.Form):
    driver = forms.CharField(label=_("Driver"), required=False, max_length=300)
    group = forms.ChoiceField(
        label=_("Student group"),
        required=False,
        choices=[("", _("Any student group")), *StudentGroup.choices],
    )
    goal = forms.ModelChoiceField(
        label=_("CDE goal of equity"),
        queryset=CdeEquityGoal.objects.all(),
        required=False,
        empty_label=_("Any goal"),
    )
