"""The author's whole journal as a download."""

import io
import json
import zipfile

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.views import View

from cohorts.mixins import PrivatePageMixin, reauthenticated

from ..models import IdentityTool, JournalEntry


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
    """The author's whole journal: one readable HTML file and one JSON file, zipped.

    Private reflections included, so, like the privacy download, only after the password is
    confirmed again: a session left open on a shared computer does not hand it over."""

    @reauthenticated
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
