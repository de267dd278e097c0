"""Writes to journals. Each function re-checks authorship and runs in a transaction.

Bodies are cleaned here with the project's one sanitizer before they are stored.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cohort_site.sanitize import clean_html, html_to_text
from cohort_site.unchanged import UNCHANGED, assign
from cohorts import access
from cohorts.services import team_summary_changed, team_touch

from .models import (
    BODY_MAX_CHARS,
    REPLY_MAX_CHARS,
    EntryVersion,
    IdentityTool,
    JournalEntry,
    Reply,
    Visibility,
)

# Autosaves within this window of the last kept version update it instead of adding another.
AUTOSAVE_VERSION_WINDOW = timedelta(minutes=10)


class VersionConflict(Exception):  # noqa: N818  (an outcome the author resolves, not a bug)
    """The stored entry is newer than the one the author was editing."""

    def __init__(self, *, entry: JournalEntry, title: str, body: str):
        super().__init__(entry.pk)
        self.entry, self.title, self.body = entry, title, body


def clean_body(body: str) -> tuple[str, str]:
    if len(body or "") > BODY_MAX_CHARS:
        raise ValidationError(
            {
                "body": _("The text is too long: at most %(max)s characters.")
                % {"max": f"{BODY_MAX_CHARS:,}"}
            }
        )
    cleaned = clean_html(body)
    return cleaned, html_to_text(cleaned).strip()


def _check_team(author, team) -> None:
    if not access.is_team_member(author, team):
        raise PermissionDenied


def _keep_version(entry: JournalEntry, *, coalesce: bool) -> None:
    latest = entry.versions.first() if coalesce else None
    if latest is not None and timezone.now() - latest.saved_at < AUTOSAVE_VERSION_WINDOW:
        EntryVersion.objects.filter(pk=latest.pk).update(title=entry.title, body=entry.body)
    else:
        EntryVersion.objects.create(entry=entry, title=entry.title, body=entry.body)


@transaction.atomic
def entry_create(
    *,
    author,
    team,
    title: str,
    body: str,
    kind: str,
    visibility: str = Visibility.PRIVATE,
    module=None,
    prompt_id: str = "",
    prompt_text: str = "",
    replies_enabled: bool = True,
    is_draft: bool = False,
    writer_key: str = "",
) -> JournalEntry:
    _check_team(author, team)
    cleaned, text = clean_body(body)
    entry = JournalEntry(
        author=author,
        team=team,
        title=title.strip(),
        body=cleaned,
        body_text=text,
        kind=kind,
        visibility=visibility,
        module=module,
        prompt_id=prompt_id,
        prompt_text=prompt_text,
        replies_enabled=replies_enabled,
        is_draft=is_draft,
        last_writer_key=writer_key,
    )
    entry.full_clean()
    entry.save()
    _keep_version(entry, coalesce=False)
    if not is_draft:
        team_touch(team)
    return entry


def _locked_own_entry(entry_id: int, author) -> JournalEntry:
    entry = JournalEntry.objects.select_for_update().filter(pk=entry_id, author=author).first()
    if entry is None:
        raise PermissionDenied
    return entry


@transaction.atomic
def entry_update(
    *,
    entry: JournalEntry,
    author,
    version: int | None,
    title: str,
    body: str,
    autosave: bool = False,
    force: bool = False,
    team=UNCHANGED,
    kind=UNCHANGED,
    visibility=UNCHANGED,
    module=UNCHANGED,
    prompt_id=UNCHANGED,
    prompt_text=UNCHANGED,
    replies_enabled=UNCHANGED,
    writer_key: str = "",
) -> JournalEntry:
    """Save new content; autosaves and saves share one version sequence.

    When the stored version is newer than `version` (the one the editor started from):
    - if the same editor (`writer_key`, one per rendered form) wrote it, nobody else changed the
      entry: a save supersedes that editor's own autosave, and a late autosave from it is
      dropped (its save or a newer autosave already holds newer text);
    - if the stored text is what is being saved, there is nothing to lose;
    - otherwise another tab or person changed it: VersionConflict, unless `force` (the author
      chose "keep mine" after seeing both).
    The other settings change only when given.
    """
    stored = _locked_own_entry(entry.pk, author)
    team_before = stored.team_id
    cleaned, text = clean_body(body)
    if not force and version is not None and stored.version > version:
        same_editor = bool(writer_key) and stored.last_writer_key == writer_key
        if same_editor and autosave:
            return stored
        unchanged = stored.title == (title.strip() or stored.title) and stored.body == cleaned
        if not (same_editor or unchanged):
            raise VersionConflict(entry=stored, title=title.strip(), body=cleaned)
    if team is not UNCHANGED:
        _check_team(author, team)
    stored.title = title.strip() or stored.title
    stored.body = cleaned
    stored.body_text = text
    assign(
        stored,
        {
            "team": team,
            "kind": kind,
            "visibility": visibility,
            "module": module,
            "prompt_id": prompt_id,
            "prompt_text": prompt_text,
            "replies_enabled": replies_enabled,
        },
    )
    if not autosave:
        stored.is_draft = False
    stored.version = F("version") + 1
    stored.last_writer_key = writer_key
    if not autosave:
        stored.full_clean(exclude=["version"])
    stored.save()
    stored.refresh_from_db(fields=["version"])
    _keep_version(stored, coalesce=autosave)
    if not stored.is_draft:
        team_touch(stored.team)
        if stored.team_id != team_before:  # the reflection left the other team's count
            team_summary_changed(team_before)
    return stored


@transaction.atomic
def version_restore(*, version: EntryVersion, author) -> JournalEntry:
    entry = _locked_own_entry(version.entry_id, author)
    return entry_update(
        entry=entry,
        author=author,
        version=None,
        title=version.title,
        body=version.body,
        force=True,
    )


@transaction.atomic
def entry_delete(*, entry: JournalEntry, author) -> None:
    stored = _locked_own_entry(entry.pk, author)
    stored.delete()
    if not stored.is_draft:
        team_summary_changed(stored.team_id)  # one reflection fewer on the cohort dashboard


def can_reply(user, entry: JournalEntry) -> bool:
    """Teammates (the author included) reply under team-shared entries, unless turned off."""
    return (
        entry.visibility == Visibility.TEAM
        and entry.replies_enabled
        and not entry.is_draft
        and access.is_team_member(user, entry.team)
    )


@transaction.atomic
def reply_create(*, entry: JournalEntry, author, body: str) -> Reply:
    if not can_reply(author, entry):
        raise PermissionDenied
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a reply before sending it.")})
    if len(body) > REPLY_MAX_CHARS:
        raise ValidationError(
            {"body": _("A reply has at most %(max)s characters.") % {"max": REPLY_MAX_CHARS}}
        )
    reply = Reply(entry=entry, author=author, body=body)
    reply.full_clean()
    reply.save()
    team_touch(entry.team)
    return reply


@transaction.atomic
def identity_tool_save(*, author, kind: str, data: dict, visibility: str, team=None):
    if visibility != Visibility.PRIVATE:
        if team is None:
            raise ValidationError(
                {"visibility": _("Choose a team before sharing; or keep it private.")}
            )
        _check_team(author, team)
    tool, _created = IdentityTool.objects.select_for_update().get_or_create(
        author=author, kind=kind
    )
    tool.data = {key: value for key, value in data.items() if value not in ("", None)}
    tool.visibility = visibility
    tool.team = team
    tool.full_clean()
    tool.save()
    return tool
