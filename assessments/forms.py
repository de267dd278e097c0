from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Rating


class SelfAssessmentForm(forms.Form):
    """A rating and its evidence for each of the six goals (all required)."""

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        for goal in self.goals:
            self.fields[f"rating_{goal.pk}"] = forms.TypedChoiceField(
                label=str(goal),
                help_text=goal.description,
                choices=Rating.choices,
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[f"evidence_{goal.pk}"] = forms.CharField(
                label=_("Evidence for goal %(n)s") % {"n": goal.number},
                help_text=_("What you saw or measured that supports the rating."),
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=3000,
            )

    def ratings(self) -> dict:
        """{goal: (rating, evidence)} from the cleaned form."""
        return {
            goal: (self.cleaned_data[f"rating_{goal.pk}"], self.cleaned_data[f"evidence_{goal.pk}"])
            for goal in self.goals
        }
