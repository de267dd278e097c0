from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from .forms import SearchForm
from .localized import reading_of, source_of
from .models import ModulePage
from .services import module_mark_done, paginate, site_search


class ModuleDoneView(LoginRequiredMixin, View):
    """POST only: mark a module done, then go back to it."""

    http_method_names = ["post"]

    def post(self, request, pk):
        # Marked on a translation, it counts on the curriculum's (English) module.
        module = source_of(get_object_or_404(ModulePage.objects.live().public(), pk=pk))
        module_mark_done(user=request.user, module=module)
        title = reading_of(module).content.title  # in the reader's language when translated
        messages.success(request, _("Marked “%(title)s” as done.") % {"title": title})
        return redirect(module.url)


class SearchView(TemplateView):
    template_name = "programs/search.html"
    per_page = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        context.update(
            form=form,
            query=query,
            query_string=urlencode({"q": query}),
            results=paginate(self.request.GET, site_search(query), per_page=self.per_page),
        )
        return context
