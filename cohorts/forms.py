from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cohort_site import tabular
from cohort_site.idempotency import SubmissionKeyFormMixin

from .models import CohortSession, Membership, Team

MAX_BULK_ROWS = 500


class InvitationForm(SubmissionKeyFormMixin, forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    email = forms.EmailField(label=_("Email"))
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial="member")

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


@dataclass
class BulkRow:
    number: int
    email: str
    name: str
    role: str
    error: str = ""


INVITATION_COLUMNS = (
    tabular.Column(
        "email",
        _("email"),
        ("e-mail", "email address", "correo", "correo electrónico"),
        example="ana@example.org",
    ),  # fmt: skip
    tabular.Column("name", _("name"), ("full name", "nombre"), required=False, example="Ana Ruiz"),
    tabular.Column("role", _("role"), ("rol",), required=False, example="member"),
)


class InvitationRowForm(forms.Form):
    email = forms.EmailField(error_messages={"invalid": _("“%(value)s” is not an email address.")})
    name = forms.CharField(max_length=120, required=False)
    role = forms.CharField(required=False)

    def clean_role(self):
        role = (self.cleaned_data["role"] or "member").strip().lower()
        if role not in Membership.Role.values:
            raise ValidationError(
                _("Role must be “lead” or “member”, not “%(role)s”."), params={"role": role}
            )
        return role


def parse_invitation_rows(data: bytes | str) -> list[BulkRow]:
    """Rows of `email, name, role` (name and role optional; a header line is optional)."""
    if isinstance(data, str):
        data = data.encode()
    if not data.strip():
        return []
    table = tabular.read_table(
        data, columns=INVITATION_COLUMNS, max_rows=MAX_BULK_ROWS, header_required=False
    )
    rows = []
    for row in tabular.validate_rows(table, InvitationRowForm):
        values = row.cleaned or row.values
        rows.append(
            BulkRow(
                number=row.number,
                email=str(values.get("email", "")).strip().lower(),
                name=str(values.get("name", "")).strip(),
                role=str(values.get("role") or "member").strip().lower(),
                error=" ".join(row.problems),
            )
        )
    return rows


class BulkInvitationForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    lines = forms.CharField(
        label=_("Paste one person per line: email, name, role"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Role is “lead” or “member” (member if left out)."),
    )
    csv_file = forms.FileField(
        label=_("Or upload a CSV or Excel file (email, name, role)"),
        required=False,
    )
    import_good_rows = forms.BooleanField(
        label=_("If some rows have errors, invite the people on the good rows anyway"),
        required=False,
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams

    def clean(self):
        data = super().clean()
        upload = data.get("csv_file")
        try:
            if upload:
                rows = parse_invitation_rows(tabular.read_upload(upload, max_bytes=1_000_000))
            else:
                rows = parse_invitation_rows(data.get("lines") or "")
        except tabular.TabularError as error:
            raise ValidationError({"csv_file" if upload else "lines": str(error)}) from None
        if not rows:
            raise ValidationError(_("Paste at least one line or upload a CSV file."))
        data["rows"] = rows
        return data


class MembershipEndForm(forms.Form):
    new_lead = forms.ModelChoiceField(
        label=_("New lead"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("Needed when you remove or move the team's only lead."),
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_lead"].queryset = (
            Membership.objects.current()
            .filter(team=membership.team)
            .exclude(pk=membership.pk)
            .select_related("user")
        )


class MembershipMoveForm(MembershipEndForm):
    to_team = forms.ModelChoiceField(label=_("Move to team"), queryset=Team.objects.none())

    field_order = ["to_team", "new_lead"]

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, membership=membership, **kwargs)
        self.fields["to_team"].queryset = Team.objects.filter(
            cohort=membership.team.cohort
        ).exclude(pk=membership.team_id)


class CohortSessionForm(forms.ModelForm):
    class Meta:
        model = CohortSession
        fields = ["title", "starts_at", "ends_at", "location", "video_url", "module"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = modules
        self.fields["module"].required = False

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The session must end after it starts."))
        if not (data.get("location") or data.get("video_url")):
            self.add_error("location", _("Give a place or a video link (or both)."))
        return data
