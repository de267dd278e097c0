"""Journal pages. Every read goes through `visible_to(user)` (or `mine(user)` for the author's
own pages), so anything outside a person's reach answers 404 — site admins and leads included.
"""

import io
import json
import zipfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from wagtail.models import Page

from cohort_site.idempotency import create_once, posted_key
from cohort_site.service_forms import add_service_errors
from cohorts import access
from cohorts.mixins import PrivatePageMixin, TeamMixin

from . import services
from .forms import (
    SAVE_LABELS,
    AutosaveForm,
    EntryForm,
    IcebergForm,
    ReplyForm,
    SearchForm,
    WheelForm,
    teams_of,
)
from .models import EntryVersion, IdentityTool, JournalEntry, Kind, Visibility
from .prompts import resolve_prompt

PAGE_SIZE = 20
COUNTS_PAGE_SIZE = 50


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


class JournalListView(PrivatePageMixin, ListView):
    template_name = "journals/entry_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "entries"

    def get_queryset(self):
        mine = JournalEntry.objects.mine(self.request.user)
        modules = Page.objects.filter(pk__in=mine.values("module")).values_list("pk", "title")
        self.search = SearchForm(self.request.GET or None, modules=list(modules))
        qs = mine.select_related("team", "module").defer("body", "body_text")
        if self.search.is_valid():
            data = self.search.cleaned_data
            if data["kind"]:
                qs = qs.filter(kind=data["kind"])
            if data["module"]:
                qs = qs.filter(module_id=data["module"])
            if data["q"]:
                qs = qs.filter(Q(title__icontains=data["q"]) | Q(body_text__icontains=data["q"]))
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            search=self.search,
            querystring=params.urlencode(),
            teams=teams_of(self.request.user),
            is_facilitator=access.facilitated_cohorts(self.request.user).exists(),
        )
        return context


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
                    entry = services.entry_update(
                        entry=draft,
                        author=request.user,
                        version=data["version"],
                        force=data["force"],
                        title=data["title"],
                        body=data["body"],
                        writer_key=key,
                        **fields,
                    )
            except services.VersionConflict as conflict:
                return _render_conflict(self, request, form, conflict)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved to your journal."))
                return redirect(entry)
        return self.render_to_response(self.get_context_data(form=form, prompt=prompt))


def _render_conflict(view, request, form, conflict):
    """Show both texts; the form now carries the stored version, so saving again keeps yours."""
    data = request.POST.copy()
    data["version"] = conflict.entry.version
    data["entry_id"] = conflict.entry.pk
    new_form = EntryForm(data, user=request.user)
    new_form.is_valid()
    context = view.get_context_data(form=new_form, conflict=conflict)
    return view.render_to_response(context, status=409)


class OwnEntryMixin(PrivatePageMixin):
    """Pages only the author reaches; for everyone else the entry does not exist."""

    def get_entry(self):
        return get_object_or_404(
            JournalEntry.objects.mine(self.request.user).select_related("team", "module"),
            pk=self.kwargs["pk"],
        )


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
                entry = services.entry_update(
                    entry=entry,
                    author=request.user,
                    version=data["version"],
                    force=data["force"],
                    title=data["title"],
                    body=data["body"],
                    writer_key=posted_key(request),
                    team=data["team"],
                    kind=data["kind"],
                    visibility=data["visibility"],
                    replies_enabled=data["replies_enabled"],
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


class EntryDetailView(PrivatePageMixin, TemplateView):
    template_name = "journals/entry_detail.html"

    def get_entry(self):
        return get_object_or_404(
            JournalEntry.objects.visible_to(self.request.user).select_related(
                "author", "team", "module"
            ),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = kwargs.get("entry") or self.get_entry()
        user = self.request.user
        shared_with_team = entry.visibility == Visibility.TEAM
        context.update(
            entry=entry,
            is_author=entry.author_id == user.pk,
            replies=entry.replies.select_related("author") if shared_with_team else [],
            can_reply=services.can_reply(user, entry),
            reply_form=kwargs.get("reply_form") or ReplyForm(),
        )
        return context


class ReplyCreateView(EntryDetailView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        entry = get_object_or_404(
            JournalEntry.objects.visible_to(request.user).filter(visibility=Visibility.TEAM),
            pk=self.kwargs["pk"],
        )
        if not services.can_reply(request.user, entry):
            raise PermissionDenied
        form = ReplyForm(request.POST)
        if form.is_valid():
            try:
                services.reply_create(
                    entry=entry, author=request.user, body=form.cleaned_data["body"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your reply is posted."))
                return redirect(f"{entry.get_absolute_url()}#replies")
        return self.render_to_response(self.get_context_data(entry=entry, reply_form=form))


class VersionListView(OwnEntryMixin, TemplateView):
    template_name = "journals/versions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.get_entry()
        context.update(entry=entry, versions=entry.versions.all()[:100])
        return context


class VersionRestoreView(OwnEntryMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        entry = self.get_entry()
        version = get_object_or_404(EntryVersion, pk=self.kwargs["vpk"], entry=entry)
        services.version_restore(version=version, author=request.user)
        messages.success(request, _("The earlier version is restored."))
        return redirect(entry)


class EntryDeleteView(OwnEntryMixin, TemplateView):
    template_name = "journals/entry_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entry"] = self.get_entry()
        return context

    def post(self, request, *args, **kwargs):
        entry = self.get_entry()
        services.entry_delete(entry=entry, author=request.user)
        messages.success(request, _("The entry and all its versions are deleted."))
        return redirect("journals:list")


def _entry_as_dict(entry) -> dict:
    return {
        "id": entry.pk,
        "title": entry.title,
        "kind": entry.kind,
        "visibility": entry.visibility,
        "draft": entry.is_draft,
        "team": entry.team.name,
        "module": entry.module.title if entry.module else None,
        "prompt_id": entry.prompt_id,
        "prompt": entry.prompt_text,
        "body_html": entry.body,
        "created": entry.created.isoformat(),
        "updated": entry.updated.isoformat(),
    }


class ExportView(PrivatePageMixin, View):
    """The author's whole journal: one readable HTML file and one JSON file, zipped."""

    def get(self, request, *args, **kwargs):
        entries = list(
            JournalEntry.objects.mine(request.user)
            .select_related("team", "module")
            .order_by("created", "pk")
        )
        tools = list(IdentityTool.objects.filter(author=request.user))
        payload = {
            "exported": timezone.now().isoformat(),
            "author": request.user.email,
            "entries": [_entry_as_dict(entry) for entry in entries],
            "identity_tools": [
                {"tool": tool.kind, "visibility": tool.visibility, "answers": tool.data}
                for tool in tools
            ],
        }
        html = render_to_string(
            "journals/export.html",
            {"entries": entries, "tools": tools, "author": request.user},
            request=request,
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("journal.html", html)
            archive.writestr("journal.json", json.dumps(payload, ensure_ascii=False, indent=2))
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        filename = f"journal-{timezone.localdate():%Y-%m-%d}.zip"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class IdentityToolView(PrivatePageMixin, TemplateView):
    template_name = "journals/identity_tool.html"
    form_class = WheelForm
    tool_kind = IdentityTool.ToolKind.WHEEL

    def get_tool(self):
        return (
            IdentityTool.objects.visible_to(self.request.user)
            .filter(author=self.request.user, kind=self.tool_kind)
            .first()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(tool_kind=self.tool_kind, tool_label=self.tool_kind.label)
        return context

    def get(self, request, *args, **kwargs):
        tool = self.get_tool()
        initial = {}
        if tool is not None:
            initial = {**tool.data, "visibility": tool.visibility, "team": tool.team_id}
        form = self.form_class(user=request.user, initial=initial)
        return self.render_to_response(self.get_context_data(form=form, tool=tool))

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST, user=request.user)
        if form.is_valid():
            try:
                services.identity_tool_save(
                    author=request.user,
                    kind=self.tool_kind,
                    data=form.answers(),
                    visibility=form.cleaned_data["visibility"],
                    team=form.cleaned_data["team"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved. Only the people you chose can read it."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))


class WheelView(IdentityToolView):
    form_class = WheelForm
    tool_kind = IdentityTool.ToolKind.WHEEL


class IcebergView(IdentityToolView):
    form_class = IcebergForm
    tool_kind = IdentityTool.ToolKind.ICEBERG


class FacilitatorView(PrivatePageMixin, TemplateView):
    """Entries shared with a facilitator, and how many entries each team wrote per prompt.

    The counts include private entries as numbers only; no private title or body is read here.
    """

    template_name = "journals/facilitator.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cohorts = access.facilitated_cohorts(self.request.user)
        if not cohorts.exists():
            raise Http404
        shared = (
            JournalEntry.objects.visible_to(self.request.user)
            .published()
            .filter(team__cohort__in=cohorts)
            .exclude(visibility=Visibility.PRIVATE)
            .select_related("author", "team")
            .defer("body", "body_text")
            .order_by("-created", "-pk")
        )
        counts = (
            JournalEntry.objects.published()
            .filter(team__cohort__in=cohorts)
            .values("team__name", "team__slug", "prompt_id")
            .annotate(
                prompt=Max("prompt_text"),
                total=Count("pk"),
                shared=Count("pk", filter=~Q(visibility=Visibility.PRIVATE)),
            )
            .order_by("team__name", "prompt_id")
        )
        # Both lists grow with the cohorts' teams and entries: each is shown a page at a time.
        get = self.request.GET
        shared_page = Paginator(shared, PAGE_SIZE).get_page(get.get("page"))
        counts_page = Paginator(counts, COUNTS_PAGE_SIZE).get_page(get.get("counts"))
        context.update(
            cohorts=cohorts,
            shared_entries=shared_page,
            counts=counts_page,
        )
        return context


class TeamJournalView(TeamMixin, ListView):
    """Entries the team's members shared with the team (readers: members and facilitators)."""

    template_name = "journals/team_entries.html"
    context_object_name = "entries"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return (
            JournalEntry.objects.visible_to(self.request.user)
            .published()
            .filter(team=self.team, visibility=Visibility.TEAM)
            .select_related("author")
            .annotate(reply_count=Count("replies"))
            .order_by("-created", "-pk")
            .defer("body", "body_text")
        )
