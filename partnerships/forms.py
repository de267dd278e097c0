from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cohort_site import tabular
from cohorts.forms import parse_invitation_rows
from cohorts.models import Cohort, Organization, Team, cds_code_validator


class ConversionForm(forms.Form):
    """What a proposal becomes. Checked in full before the preview, and again on confirm."""

    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.none())
    organization = forms.ModelChoiceField(
        label=_("Existing partner school or district"),
        queryset=Organization.objects.all(),
        required=False,
        empty_label=_("(a new partner, below)"),
        help_text=_("Choose one if the school is already a partner; otherwise describe it below."),
    )
    new_name = forms.CharField(label=_("New partner's name"), max_length=200, required=False)
    new_cds_code = forms.CharField(
        label=_("New partner's CDS code"),
        max_length=14,
        required=False,
        help_text=_("14 digits: county 2, district 5, school 7."),
    )
    new_kind = forms.ChoiceField(
        label=_("New partner is a"), choices=Organization.Kind.choices, initial="school"
    )
    new_parent = forms.ModelChoiceField(
        label=_("New partner's district"),
        queryset=Organization.objects.filter(kind=Organization.Kind.DISTRICT),
        required=False,
        empty_label=_("(none)"),
    )
    team_name = forms.CharField(label=_("Team name"), max_length=200)
    team_kind = forms.ChoiceField(label=_("Kind of team"), choices=Team.Kind.choices)
    people = forms.CharField(
        label=_("People to invite"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("One person a line: email, name, role (lead or member)."),
    )

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts

    def clean_new_cds_code(self):
        code = self.cleaned_data["new_cds_code"].strip()
        if code:
            cds_code_validator(code)
            if Organization.objects.filter(cds_code=code).exists():
                raise ValidationError(
                    _("A partner with this CDS code exists: choose it above instead.")
                )
        return code

    def clean_team_name(self):
        name = self.cleaned_data["team_name"].strip()
        slug = slugify(name)[:50]
        if not slug:
            raise ValidationError(_("Give the team a name with letters or digits."))
        if Team.objects.filter(slug=slug).exists():
            raise ValidationError(_("A team with this name already exists: choose another name."))
        self.cleaned_data["team_slug"] = slug
        return name

    def clean_people(self):
        try:
            rows = parse_invitation_rows(self.cleaned_data["people"])
        except tabular.TabularError as error:
            raise ValidationError(str(error)) from None
        problems, seen = [], set()
        for row in rows:
            if row.error:
                problems.append(_("Line %(n)s: %(error)s") % {"n": row.number, "error": row.error})
            elif row.email in seen:
                message = _("Line %(n)s: %(email)s appears twice.")
                problems.append(message % {"n": row.number, "email": row.email})
            seen.add(row.email)
        if problems:
            raise ValidationError(problems)
        return rows

    def clean(self):
        data = super().clean()
        if data.get("organization") is None:
            for field, message in [
                ("new_name", _("Name the new partner, or choose an existing one above.")),
                ("new_cds_code", _("Give the new partner's CDS code.")),
            ]:
                if not data.get(field) and field not in self.errors:
                    self.add_error(field, message)
        elif data.get("new_name") or data.get("new_cds_code"):
            self.add_error(
                "organization",
                _("Choose an existing partner or describe a new one, not both."),
            )
        return data

    def new_organization(self) -> dict | None:
        data = self.cleaned_data
        if data["organization"] is not None:
            return None
        return {
            "name": data["new_name"],
            "cds_code": data["new_cds_code"],
            "kind": data["new_kind"],
            "parent": data["new_parent"],
        }
