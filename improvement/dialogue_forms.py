"""Forms of the data dialogue: start one, add a note to a step, act on a next step."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohort_site.idempotency import SubmissionKeyFormMixin

from .models import ChangeIdea, Driver, Indicator, Measure


class DialogueStartForm(SubmissionKeyFormMixin, forms.Form):
    """On a measure page the measure is a hidden field; elsewhere the team picks what to read."""

    measure = forms.ModelChoiceField(
        label=_("Measure"), queryset=Measure.objects.none(), required=False
    )
    indicator = forms.ChoiceField(
        label=_("or an indicator of the school data profile"),
        choices=[("", "—"), *Indicator.choices],
        required=False,
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = project.measures.all()

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("measure")) == bool(cleaned.get("indicator")):
            raise forms.ValidationError(
                _("Choose one measure or one indicator for the team to look at together.")
            )
        return cleaned


class DialogueNoteForm(SubmissionKeyFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Add a note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Never write a student's name or anything that identifies them."),
    )


class NoteIdeaForm(forms.Form):
    drivers = forms.ModelMultipleChoiceField(
        label=_("Drivers it serves"),
        queryset=Driver.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["drivers"].queryset = project.drivers.all()
        self.fields["drivers"].label_from_instance = lambda d: f"{d.text} ({d.get_level_display()})"


class NoteCycleForm(forms.Form):
    change_idea = forms.ModelChoiceField(
        label=_("Change idea the cycle tests"), queryset=ChangeIdea.objects.none()
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["change_idea"].queryset = project.change_ideas.all()
