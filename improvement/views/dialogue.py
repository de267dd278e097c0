"""Data dialogues: the team reads a measure or a profile indicator together, step by step."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site import service_forms
from cohort_site.idempotency import IdempotentCreateMixin
from cohorts.mixins import CohortManagerMixin
from cohorts.models import Team

from .. import services
from ..dialogue_forms import DialogueNoteForm, DialogueStartForm, NoteCycleForm, NoteIdeaForm
from ..models import DIALOGUE_STEPS, STEPS_BY_CODE, DataDialogue, DialogueNote, Step
from .base import ProjectMixin, StartFirstMixin, WriteMixin
from .measures import run_charts
from .understanding import profile_table


class DialogueListView(StartFirstMixin, ProjectMixin, TemplateView):
    """The team's dialogues, newest first, and (for members) a form to start one."""

    template_name = "improvement/dialogue/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            dialogues=self.project.dialogues.select_related(
                "measure", "started_by", "project__team"
            ),
            start_form=kwargs.get("start_form") or DialogueStartForm(project=self.project),
        )
        return context


class DialogueStartView(IdempotentCreateMixin, WriteMixin, DialogueListView):
    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        form = DialogueStartForm(request.POST, project=self.project)
        if form.is_valid():
            dialogue = services.dialogue_start(
                project=self.project, user=request.user, **form.cleaned_data
            )
            self.object = dialogue
            messages.success(request, _("Dialogue started: begin with your predictions."))
            return redirect(dialogue.get_absolute_url())
        return self.render_to_response(self.get_context_data(start_form=form), status=400)


class DialogueView(ProjectMixin, TemplateView):
    """The five steps with their notes beside the chart and table of what the team reads."""

    template_name = "improvement/dialogue/dialogue.html"

    @cached_property
    def dialogue(self):
        return get_object_or_404(
            DataDialogue.objects.visible_to(self.request.user)
            .filter(project=self.project)
            .select_related("measure", "started_by", "project__team"),
            pk=self.kwargs["pk"],
        )

    def note_forms(self, bound=None) -> dict:
        forms = {step.code: DialogueNoteForm(prefix=step.code) for step in DIALOGUE_STEPS}
        if bound is not None:
            forms[bound.prefix] = bound
        return forms

    def action_forms(self, note, bound=None) -> dict:
        idea = NoteIdeaForm(project=self.project, prefix=f"idea-{note.pk}")
        cycle = NoteCycleForm(project=self.project, prefix=f"cycle-{note.pk}")
        if bound is not None and bound.prefix == idea.prefix:
            idea = bound
        if bound is not None and bound.prefix == cycle.prefix:
            cycle = bound
        return {"idea_form": idea, "cycle_form": cycle}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dialogue = self.dialogue
        notes = list(dialogue.notes.select_related("author", "change_idea", "cycle__project__team"))
        note_forms = self.note_forms(kwargs.get("note_form"))
        steps = []
        for step in DIALOGUE_STEPS:
            step_notes = [n for n in notes if n.step == step.code]
            if step.code == Step.NEXT and context["can_write"]:
                for note in step_notes:
                    note.forms = self.action_forms(note, kwargs.get("action_form"))
            steps.append({"step": step, "notes": step_notes, "form": note_forms[step.code]})
        if dialogue.measure_id:
            charts = run_charts(self.project, dialogue.measure, insider=self.insider)
            profile = []
        else:
            charts = []
            profile = profile_table(
                self.project.profile_entries.filter(indicator=dialogue.indicator),
                insider=self.insider,
            )
        context.update(
            dialogue=dialogue,
            steps=steps,
            charts=charts,
            profile=profile,
            has_drivers=self.project.drivers.exists() if context["can_write"] else False,
            has_ideas=self.project.change_ideas.exists() if context["can_write"] else False,
        )
        return context


class DialogueNoteAddView(IdempotentCreateMixin, WriteMixin, DialogueView):
    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        step = kwargs["step"]
        if step not in STEPS_BY_CODE:
            raise Http404
        form = DialogueNoteForm(request.POST, prefix=step)
        if form.is_valid():
            try:
                services.dialogue_note_add(
                    dialogue=self.dialogue, user=request.user, step=step, **form.cleaned_data
                )
            except ValidationError as error:
                service_forms.add_service_errors(form, error)
            else:
                messages.success(request, _("Note saved."))
                return redirect(f"{self.dialogue.get_absolute_url()}#step-{step}")
        return self.render_to_response(self.get_context_data(note_form=form), status=400)


class NoteActionView(WriteMixin, DialogueView):
    """A next step becomes a change idea or a PDSA cycle (a second press changes nothing)."""

    http_method_names = ["post", "options"]
    form_class = None
    prefix = ""

    @cached_property
    def note(self):
        return get_object_or_404(
            DialogueNote.objects.filter(dialogue=self.dialogue, step=Step.NEXT),
            pk=self.kwargs["note"],
        )

    def act(self, form):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.form_class(
            request.POST, project=self.project, prefix=f"{self.prefix}-{self.note.pk}"
        )
        if self.already_done() or form.is_valid():
            try:
                self.act(form)
            except ValidationError as error:
                service_forms.add_service_errors(form, error)
            else:
                return redirect(f"{self.dialogue.get_absolute_url()}#note-{self.note.pk}")
        return self.render_to_response(self.get_context_data(action_form=form), status=400)


class NoteIdeaView(NoteActionView):
    form_class = NoteIdeaForm
    prefix = "idea"

    def already_done(self) -> bool:
        return self.note.change_idea_id is not None

    def act(self, form):
        drivers = form.cleaned_data["drivers"] if not self.already_done() else []
        services.note_to_change_idea(note=self.note, user=self.request.user, drivers=drivers)
        messages.success(self.request, _("The next step is now a change idea."))


class NoteCycleView(NoteActionView):
    form_class = NoteCycleForm
    prefix = "cycle"

    def already_done(self) -> bool:
        # A step that became a change idea needs no choice: the cycle tests that idea.
        return self.note.cycle_id is not None or self.note.change_idea_id is not None

    def act(self, form):
        idea = None if self.already_done() else form.cleaned_data["change_idea"]
        services.note_to_cycle(note=self.note, user=self.request.user, change_idea=idea)
        messages.success(self.request, _("The next step is now a PDSA cycle with a plan."))


class CohortDialoguesView(CohortManagerMixin, TemplateView):
    """For the cohort's facilitators: which teams ran a dialogue, when, on what, and the
    questions they wrote. Five queries however many teams."""

    template_name = "improvement/dialogue/cohort.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        teams = list(Team.objects.filter(cohort=self.cohort).order_by("name"))
        dialogues = (
            DataDialogue.objects.filter(
                project__team__in=teams, project__school_year=self.cohort.school_year
            )
            .select_related("measure", "started_by", "project__team")
            .prefetch_related(
                Prefetch(
                    "notes",
                    queryset=DialogueNote.objects.filter(step=Step.INFER).select_related("author"),
                    to_attr="questions",
                )
            )
        )
        by_team = {team.pk: [] for team in teams}
        for dialogue in dialogues:
            by_team[dialogue.project.team_id].append(dialogue)
        context["rows"] = [{"team": team, "dialogues": by_team[team.pk]} for team in teams]
        return context
