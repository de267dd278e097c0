from django import forms
from django.utils.translation import gettext_lazy as _

from cohort_site.idempotency import SubmissionKeyFormMixin

from .models import (
    Aim,
    DataProfileEntry,
    Driver,
    EmpathyInterview,
    EquityAnalysisStep,
    ImprovementProject,
    Measure,
    PDSACycle,
    RootCause,
    StudentGroup,
)
from .services import AIM_PARTS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def group_field(label, required=False):
    return forms.MultipleChoiceField(
        label=label,
        choices=StudentGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=required,
    )


class ProjectForm(forms.ModelForm):
    focal_groups = group_field(_("Focal student groups"))

    class Meta:
        model = ImprovementProject
        fields = ["problem_of_practice", "focal_groups", "equity_area", "data_from"]
        widgets = {"data_from": DATE}


class ProgressForm(forms.ModelForm):
    class Meta:
        model = ImprovementProject
        fields = ["progress_score"]


class AimForm(forms.ModelForm):
    """Every part is checked together, so the message names each missing part at once."""

    class Meta:
        model = Aim
        fields = [
            "what",
            "how_much",
            "by_when",
            "for_whom",
            "baseline_value",
            "baseline_date",
            "target_value",
            "outcome_measure",
        ]
        widgets = {"by_when": DATE, "baseline_date": DATE}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        for name in AIM_PARTS:
            self.fields[name].required = False
        self.fields["for_whom"].choices = [("", _("Choose a student group"))] + list(
            StudentGroup.choices
        )
        self.fields["outcome_measure"].queryset = project.measures.all()

    def clean(self):
        data = super().clean()
        missing = [name for name in AIM_PARTS if data.get(name) in (None, "")]
        for name in missing:
            if name not in self.errors:
                self.add_error(name, _("The aim needs this part."))
        if missing:
            raise forms.ValidationError(
                _("The aim is missing: %(parts)s.")
                % {"parts": ", ".join(str(AIM_PARTS[n]) for n in missing)}
            )
        return data

    def _post_clean(self):
        # The model would repeat the errors above field by field; the service validates.
        pass


class DriverForm(forms.Form):
    text = forms.CharField(label=_("Driver"), max_length=300)
    parent = forms.ModelChoiceField(
        label=_("Primary driver it belongs to"),
        queryset=Driver.objects.none(),
        required=False,
        empty_label=_("None: this is a primary driver"),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = project.drivers.filter(level=Driver.Level.PRIMARY)


class DriverEditForm(forms.Form):
    text = forms.CharField(label=_("Driver"), max_length=300)


class ChangeIdeaForm(forms.Form):
    text = forms.CharField(label=_("Change idea"), max_length=300)
    drivers = forms.ModelMultipleChoiceField(
        label=_("Drivers it serves"),
        queryset=Driver.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A change idea may serve several drivers."),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["drivers"].queryset = project.drivers.all()
        self.fields["drivers"].label_from_instance = lambda d: f"{d.text} ({d.get_level_display()})"


class MeasureForm(forms.ModelForm):
    groups = group_field(_("Broken down by student groups"))

    class Meta:
        model = Measure
        fields = [
            "name",
            "kind",
            "numerator",
            "denominator",
            "inclusions",
            "data_source",
            "frequency",
            "owner",
            "unit",
            "direction",
            "groups",
            "rules",
            "baseline_points",
        ]
        widgets = {
            "numerator": forms.Textarea(attrs={"rows": 2}),
            "denominator": forms.Textarea(attrs={"rows": 2}),
            "inclusions": forms.Textarea(attrs={"rows": 3}),
        }


class ObservationForm(SubmissionKeyFormMixin, forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    group = forms.ChoiceField(label=_("Student group"), choices=StudentGroup.choices)
    numerator = forms.IntegerField(label=_("Numerator"), required=False, min_value=0)
    denominator = forms.IntegerField(label=_("Denominator"), required=False)
    value = forms.FloatField(
        label=_("Value"), required=False, help_text=_("Only when there is no numerator.")
    )
    n = forms.IntegerField(label=_("n (students)"), required=False, min_value=0)


ENCODING_CHOICES = [
    ("", _("Find out from the file")),
    ("utf-8", "UTF-8"),
    ("utf-16", "UTF-16"),
    ("cp1252", _("Windows-1252 / Latin-1 (older Excel on Windows)")),
]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_(
            "A CSV file (comma, semicolon or tab) or an Excel workbook (.xlsx), at most 10 MB "
            "and 50,000 rows. Totals only: never a row per student."
        ),
    )
    encoding = forms.ChoiceField(
        label=_("Text encoding (CSV only)"), choices=ENCODING_CHOICES, required=False
    )


class BaselineForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["charts", "baseline_points", "baseline_restart_on"]
        widgets = {"baseline_restart_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["charts"].required = False  # left out: the measure keeps its charts


class CycleCreateForm(SubmissionKeyFormMixin, forms.ModelForm):
    class Meta:
        model = PDSACycle
        fields = ["change_idea", "ramp", "title", "purpose", "planned_start", "planned_end"]
        widgets = {"planned_start": DATE, "planned_end": DATE}
        help_texts = {"ramp": _("A name for the series of cycles testing this idea.")}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["change_idea"].queryset = project.change_ideas.all()

    def _post_clean(self):
        pass  # project and number are set by the service, which validates the whole row


class PlanForm(forms.ModelForm):
    questions_text = forms.CharField(
        label=_("Questions and predictions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: question | prediction"),
    )

    class Meta:
        model = PDSACycle
        fields = [
            "objective",
            "questions_text",
            "test_who",
            "test_what",
            "test_where",
            "test_when",
            "tasks",
            "data_plan",
            "measures",
            "who_benefits",
            "who_burdened",
            "whose_voice",
            "planned_start",
            "planned_end",
        ]
        widgets = {
            "planned_start": DATE,
            "planned_end": DATE,
            "measures": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measures"].queryset = self.instance.project.measures.all()
        self.fields["measures"].required = False
        self.initial["questions_text"] = "\n".join(
            f"{q.get('question', '')} | {q.get('prediction', '')}" for q in self.instance.questions
        )

    def clean_questions_text(self):
        questions = []
        for number, line in enumerate(self.cleaned_data["questions_text"].splitlines(), 1):
            if not line.strip():
                continue
            question, _sep, prediction = line.partition("|")
            if not prediction.strip():
                raise forms.ValidationError(
                    _("Line %(n)s has no prediction: write question | prediction.") % {"n": number}
                )
            questions.append(
                {"question": question.strip(), "prediction": prediction.strip(), "result": ""}
            )
        return questions


class DoForm(forms.ModelForm):
    as_planned = forms.TypedChoiceField(
        label=_("Carried out as planned?"),
        choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        empty_value=None,
        required=False,
    )

    class Meta:
        model = PDSACycle
        fields = ["as_planned", "observations", "problems", "deviations"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        value = self.instance.as_planned
        self.initial["as_planned"] = "" if value is None else ("yes" if value else "no")


class StudyForm(forms.ModelForm):
    class Meta:
        model = PDSACycle
        fields = ["learned"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i, q in enumerate(self.instance.questions):
            self.fields[f"result_{i}"] = forms.CharField(
                label=_("Result for: %(q)s") % {"q": q.get("question", "")},
                help_text=_("Prediction: %(p)s") % {"p": q.get("prediction", "")},
                initial=q.get("result", ""),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.order_fields([f for f in self.fields if f.startswith("result_")] + ["learned"])

    def questions(self):
        return [
            {**q, "result": self.cleaned_data.get(f"result_{i}", "")}
            for i, q in enumerate(self.instance.questions)
        ]


class ActForm(forms.ModelForm):
    class Meta:
        model = PDSACycle
        fields = ["decision", "next_steps"]


PHASE_FORMS = {"plan": PlanForm, "do": DoForm, "study": StudyForm, "act": ActForm}


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), max_length=4000, widget=forms.Textarea)


class RootCauseForm(forms.ModelForm):
    class Meta:
        model = RootCause
        fields = ["category", "cause", "whys"]


class InterviewForm(forms.ModelForm):
    class Meta:
        model = EmpathyInterview
        fields = [
            "protocol",
            "interviewee_role",
            "interviewee_group",
            "held_on",
            "notes",
            "themes",
        ]
        widgets = {"held_on": DATE}


class EquityStepForm(forms.ModelForm):
    class Meta:
        model = EquityAnalysisStep
        fields = ["step", "answers", "status", "report_back_on"]
        widgets = {"report_back_on": DATE}


class ProfileEntryForm(forms.ModelForm):
    class Meta:
        model = DataProfileEntry
        fields = ["indicator", "group", "n", "value"]


ITEM_FORMS = {
    "rootcause": RootCauseForm,
    "interview": InterviewForm,
    "equitystep": EquityStepForm,
    "profile": ProfileEntryForm,
}
