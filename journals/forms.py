from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohort_site.idempotency import SubmissionKeyFormMixin
from cohort_site.sanitize import clean_html, html_to_text
from cohorts import access
from cohorts.models import Team

from .models import BODY_MAX_CHARS, REPLY_MAX_CHARS, Kind, Visibility

BODY_TOO_LONG = _("The text is too long: at most 100,000 characters. Nothing was saved.")


def teams_of(user):
    return access.member_teams(user).select_related("cohort")


# The Save button restates who will read the entry; journal.js swaps it when the choice changes.
SAVE_LABELS = {
    Visibility.PRIVATE: _("Save"),
    Visibility.FACILITATOR: _("Save, shared with our facilitators"),
    Visibility.TEAM: _("Save and share with my team"),
}


class EntryForm(SubmissionKeyFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Your reflection"),
        required=False,  # checked in clean_body so the message can say the title is kept
        widget=forms.Textarea(attrs={"rows": 14, "class": "journal-body"}),
        help_text=_("Bold, italic, lists, links (https), quotes and headings are kept."),
    )
    kind = forms.ChoiceField(label=_("Kind of reflection"), choices=Kind.choices)
    visibility = forms.ChoiceField(
        label=_("Who can read it"),
        choices=Visibility.choices,
        initial=Visibility.PRIVATE,
        widget=forms.RadioSelect,
        help_text=_("Private unless you choose otherwise. You can change this later."),
    )
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(), empty_label=None)
    replies_enabled = forms.BooleanField(
        label=_("Teammates may reply (when shared with my team)"), required=False, initial=True
    )
    prompt = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)
    entry_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    force = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        teams = teams_of(user)
        self.fields["team"].queryset = teams
        if len(teams) == 1:
            self.fields["team"].widget = forms.HiddenInput()
            self.fields["team"].initial = teams[0].pk
        self.fields["entry_id"].widget.attrs["id"] = "id_entry_id"
        self.fields["version"].widget.attrs["id"] = "id_version"
        autosave = {
            "hx-post": reverse_lazy("journals:autosave"),
            "hx-trigger": "keyup changed delay:3s, blur",
            "hx-include": "closest form",
            "hx-target": "#autosave-status",
            "hx-sync": "closest form:queue last",
        }
        for name in ("title", "body"):
            self.fields[name].widget.attrs.update(autosave)

    def save_label(self) -> str:
        """The Save button's words for the visibility chosen now (private when unsure)."""
        chosen = self["visibility"].value()
        return SAVE_LABELS.get(chosen, SAVE_LABELS[Visibility.PRIVATE])

    def clean_body(self):
        body = self.cleaned_data.get("body") or ""
        if len(body) > BODY_MAX_CHARS:
            raise forms.ValidationError(BODY_TOO_LONG)
        if not html_to_text(clean_html(body)).strip():
            raise forms.ValidationError(
                _("Your reflection is empty. Write something, then save; your title is kept.")
            )
        return body


class AutosaveForm(forms.Form):
    """What the autosave endpoint accepts: the editor's current text and where it came from."""

    title = forms.CharField(required=False, max_length=200)
    body = forms.CharField(required=False, strip=False)
    kind = forms.ChoiceField(required=False, choices=Kind.choices)
    team = forms.IntegerField(required=False)
    prompt = forms.CharField(required=False, max_length=64)
    entry_id = forms.IntegerField(required=False)
    version = forms.IntegerField(required=False)
    force = forms.BooleanField(required=False)

    def clean_body(self):
        body = self.cleaned_data.get("body") or ""
        if len(body) > BODY_MAX_CHARS:
            raise forms.ValidationError(BODY_TOO_LONG)
        return body


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=REPLY_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Plain text, up to 1,000 characters."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search my journal"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Kind.choices]
    )
    module = forms.TypedChoiceField(label=_("Module"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, modules=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].choices = [("", _("All modules")), *modules]


# --- Identity tools -------------------------------------------------------------------------

WHEEL_DIMENSIONS = [
    ("race_ethnicity", _("Race and ethnicity")),
    ("gender", _("Gender")),
    ("sexual_orientation", _("Sexual orientation")),
    ("religion", _("Religion or spirituality")),
    ("ability", _("Ability")),
    ("first_language", _("First language")),
    ("class", _("Socioeconomic class")),
    ("age", _("Age")),
    ("national_origin", _("National origin")),
]

WHEEL_QUESTIONS = [
    ("think_most", _("Identities I think about most often")),
    ("think_least", _("Identities I think about least often")),
    ("matters_self", _("Identities that matter most to how I see myself")),
    ("matters_others", _("Identities that matter most to how others see me")),
]


class IdentityToolForm(forms.Form):
    """Every answer is optional. Sharing is opt-in."""

    visibility = forms.ChoiceField(
        label=_("Who can read it"),
        choices=Visibility.choices,
        initial=Visibility.PRIVATE,
        widget=forms.RadioSelect,
    )
    team = forms.ModelChoiceField(
        label=_("Team (only needed when sharing)"), queryset=Team.objects.none(), required=False
    )

    data_fields: list[str] = []

    def add_answer_fields(self):
        """Subclasses whose questions come from a list add their fields here."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_answer_fields()
        teams = teams_of(user)
        self.fields["team"].queryset = teams
        if len(teams) == 1:
            self.fields["team"].initial = teams[0].pk
        # Answers first, sharing last.
        self.order_fields([*self.data_fields, "visibility", "team"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("visibility", Visibility.PRIVATE) != Visibility.PRIVATE and not cleaned.get(
            "team"
        ):
            self.add_error("team", _("Choose the team to share with, or keep it private."))
        return cleaned

    def answers(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.data_fields}


class WheelForm(IdentityToolForm):
    data_fields = [key for key, _label in WHEEL_DIMENSIONS + WHEEL_QUESTIONS]

    def add_answer_fields(self):
        for key, label in WHEEL_DIMENSIONS:
            self.fields[key] = forms.CharField(
                label=label,
                required=False,
                max_length=300,
                help_text=_("How you describe yourself (optional)"),
            )
        for key, label in WHEEL_QUESTIONS:
            self.fields[key] = forms.MultipleChoiceField(
                label=label,
                required=False,
                choices=WHEEL_DIMENSIONS,
                widget=forms.CheckboxSelectMultiple,
            )


class IcebergForm(IdentityToolForm):
    above = forms.CharField(
        label=_("Above the waterline: what others see"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    below = forms.CharField(
        label=_("Below the waterline: what lies beneath"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    notes = forms.CharField(
        label=_("What I noticed"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    data_fields = ["above", "below", "notes"]
