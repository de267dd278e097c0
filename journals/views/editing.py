"""Writing an entry: create, edit (with the version conflict page) and autosave."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from cohort_site.idempotency import create_once, posted_key
from cohort_site.service_forms import add_service_errors
from cohorts.mixins import PrivatePageMixin

from .. import services
from ..forms import (
    SAVE_LABELS,
    AutosaveForm,
    EntryForm,
    teams_of,
)
from ..models import JournalEntry, Kind, Visibility
from ..prompts import resolve_prompt
from .entries import OwnEntryMixin


def _entry_fields(form, prompt) -> dict:
    data = form.cleaned_data
    fields = {
        "team": data["team"],
        "kind": data["kind"],
        "visibility": data["visibility"],
        "replies_enabled": data["replies_enabled"],
    }
    if prompt is not None:
        fields.update(prompt_id=prompt.id, prompt_text=prompt.text)
        if prompt.module is not None:
            fields["module"] = prompt.module
    return fields


class EntryCreateView(PrivatePageMixin, TemplateView):
    template_name = "journals/entry_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            creating=True,
            has_team=teams_of(self.request.user).exists(),
            autosave_url=reverse("journals:autosave"),
            save_labels=SAVE_LABELS,
        )
        return context

    def get(self, request, *args, **kwargs):
        prompt = resolve_prompt(request.GET.get("prompt"))
        # Private is always the default: a prompt may suggest sharing (the page says so), but
        # sharing stays a choice the writer makes.
        initial = {"visibility": Visibility.PRIVATE, "kind": Kind.LEARNING, "version": 0}
        if prompt is not None:
            initial["prompt"] = prompt.id
            if prompt.kind in Kind.values:
                initial["kind"] = prompt.kind
        form = EntryForm(user=request.user, initial=initial)
        return self.render_to_response(self.get_context_data(form=form, prompt=prompt))

    def post(self, request, *args, **kwargs):
        form = EntryForm(request.POST, user=request.user)
        prompt = None
        if form.is_valid():
            data = form.cleaned_data
            prompt = resolve_prompt(data["prompt"])
            key = posted_key(request)  # one per rendered form: it names the editor too
            fields = _entry_fields(form, prompt)
            draft = None
            if data["entry_id"]:
                draft = JournalEntry.objects.mine(request.user).filter(pk=data["entry_id"]).first()
            try:
                if draft is None:
                    # The key is this form's: an autosave of this form may already have
                    # created the draft, or a first click of a double click the entry.
                    entry, created = create_once(
                        user=request.user,
                        key=key,
                        create=lambda: services.entry_create(
                            author=request.user,
                            title=data["title"],
                            body=data["body"],
                            writer_key=key,
                            **fields,
                        ),
                    )
                    if not created:
                        if entry is None or not entry.is_draft:
                            messages.info(request, _("This entry was already saved; here it is."))
                            return redirect(entry or "journals:list")
                        draft = entry
                if draft is not None:
                    entry = _save_over(draft, request.user, data, writer_key=key, **fields)
            except services.VersionConflict as conflict:
                return _render_conflict(self, request, form, conflict)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved to your journal."))
                return redirect(entry)
        return self.render_to_response(self.get_context_data(form=form, prompt=prompt))


EDITABLE_SETTINGS = ("team", "kind", "visibility", "replies_enabled")


def _save_over(entry, author, data, *, writer_key, **fields):
    """Save the form's title and body over `entry`, from the version the writer started at."""
    return services.entry_update(
        entry=entry,
        author=author,
        version=data["version"],
        force=data["force"],
        title=data["title"],
        body=data["body"],
        writer_key=writer_key,
        **fields,
    )


def _render_conflict(view, request, form, conflict):
    """Show both texts; the form now carries the stored version, so saving again keeps yours."""
    data = request.POST.copy()
    data["version"] = conflict.entry.version
    data["entry_id"] = conflict.entry.pk
    new_form = EntryForm(data, user=request.user)
    new_form.is_valid()
    context = view.get_context_data(form=new_form, conflict=conflict)
    return view.render_to_response(context, status=409)


class EntryEditView(OwnEntryMixin, TemplateView):
    template_name = "journals/entry_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            entry=self.entry,
            has_team=True,
            autosave_url=reverse("journals:autosave"),
            save_labels=SAVE_LABELS,
        )
        return context

    def get(self, request, *args, **kwargs):
        self.entry = entry = self.get_entry()
        form = EntryForm(
            user=request.user,
            initial={
                "title": entry.title,
                "body": entry.body,
                "kind": entry.kind,
                "visibility": entry.visibility,
                "team": entry.team_id,
                "replies_enabled": entry.replies_enabled,
                "prompt": entry.prompt_id,
                "entry_id": entry.pk,
                "version": entry.version,
            },
        )
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        self.entry = entry = self.get_entry()
        form = EntryForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = _save_over(
                    entry,
                    request.user,
                    data,
                    writer_key=posted_key(request),
                    **{name: data[name] for name in EDITABLE_SETTINGS},
                )
            except services.VersionConflict as conflict:
                return _render_conflict(self, request, form, conflict)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(entry)
        return self.render_to_response(self.get_context_data(form=form))


class AutosaveView(PrivatePageMixin, View):
    """htmx endpoint: save the editor's text as it is typed. Answers a small status fragment."""

    http_method_names = ["post"]
    template_name = "journals/_autosave.html"

    def render(self, **context):
        return HttpResponse(render_to_string(self.template_name, context, request=self.request))

    def post(self, request, *args, **kwargs):
        form = AutosaveForm(request.POST)
        if not form.is_valid():
            return self.render(error=next(iter(form.errors.values()))[0])
        data = form.cleaned_data
        title, body = data["title"] or "", data["body"] or ""
        key = posted_key(request)

        def update(entry):
            return services.entry_update(
                entry=entry,
                author=request.user,
                version=data["version"],
                force=data["force"],
                title=title,
                body=body,
                autosave=True,
                writer_key=key,
            )

        try:
            if data["entry_id"]:
                entry = get_object_or_404(
                    JournalEntry.objects.mine(request.user), pk=data["entry_id"]
                )
                return self.render(entry=update(entry))
            if not (title.strip() or body.strip()):
                return self.render(nothing=True)
            teams = list(teams_of(request.user))
            team = next((t for t in teams if t.pk == data["team"]), teams[0] if teams else None)
            if team is None:
                return self.render(error=_("Autosave needs a team; join one to keep a journal."))
            prompt = resolve_prompt(data["prompt"]) if data["prompt"] else None
            entry, created = create_once(
                user=request.user,
                key=key,
                create=lambda: services.entry_create(
                    author=request.user,
                    team=team,
                    title=title.strip() or _("Untitled draft"),
                    body=body,
                    kind=data["kind"] or Kind.LEARNING,
                    visibility=Visibility.PRIVATE,
                    prompt_id=prompt.id if prompt else "",
                    prompt_text=prompt.text if prompt else "",
                    module=prompt.module if prompt else None,
                    is_draft=True,
                    writer_key=key,
                ),
            )
            if entry is None:
                return self.render(nothing=True)
            if not created:  # this form's save or an earlier autosave got there first
                entry = update(entry)
        except services.VersionConflict as conflict:
            return self.render(conflict=conflict)
        except ValidationError as error:
            return self.render(error=" ".join(error.messages))
        response = self.render(entry=entry, created=True)
        response["HX-Replace-Url"] = reverse("journals:edit", kwargs={"pk": entry.pk})
        return response
