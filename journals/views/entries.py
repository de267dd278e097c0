"""Reading a person's journal: the list, one entry with its replies, its versions, deletion."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from wagtail.models import Page

from cohort_site.service_forms import add_service_errors
from cohorts import access
from cohorts.mixins import PrivatePageMixin

from .. import services
from ..forms import (
    ReplyForm,
    SearchForm,
    teams_of,
)
from ..models import EntryVersion, JournalEntry, Visibility

PAGE_SIZE = 20


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
            is_facilitator=access.facilitates_a_cohort(self.request.user),
        )
        return context


class OwnEntryMixin(PrivatePageMixin):
    """Pages only the author reaches; for everyone else the entry does not exist."""

    def get_entry(self):
        return get_object_or_404(
            JournalEntry.objects.mine(self.request.user).select_related("team", "module"),
            pk=self.kwargs["pk"],
        )


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
