"""How every model that holds a person's data is exported and erased.

Each app's `privacy.py` registers its models:

    registry.register(JournalEntry, user_field="author", export_fields=["title", "body"],
                      erase=Erase.DELETE)

Erase.DELETE removes the person's rows; Erase.KEEP leaves team artifacts in place, and the
account itself is pseudonymised ("Former member"), so they read as written by a former member.
A test fails when a model with a link to a user is not declared here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import models


class Erase(StrEnum):
    DELETE = "delete"  # personal content: removed with the account
    KEEP = "keep"  # team artifacts: stay, attributed to the pseudonymised account
    NULLIFY = "nullify"  # the link to the person is cleared (field must be nullable)


@dataclass(frozen=True)
class Declaration:
    model: type[models.Model]
    user_field: str
    export_fields: tuple[str, ...]
    erase: Erase
    # Extra user links on the same model that are not "the owner" (e.g. invited_by).
    other_user_fields: tuple[str, ...] = ()
    export_filter: dict = field(default_factory=dict)
    # How a team's portfolio selects its rows ({"team": team} is added); None: not in it.
    # Journals, for example, put only entries their authors shared with the team.
    portfolio_filter: dict | None = None
    team_field: str = "team"
    # What of the team's rows may leave the team for the reader who downloads the portfolio:
    # fn(queryset, *, team, reader) -> list[dict]. None: the export fields, unchanged.
    # Student-group figures use it to go through small-cell suppression.
    portfolio_rows: Callable | None = None

    # Rows matching this are kept when the person is erased (e.g. entries shared with the team).
    keep_filter: dict | None = None
    # A name for the export section when a model is declared more than once.
    section: str = ""

    @property
    def label(self) -> str:
        return self.section or self.model._meta.label

    @property
    def is_personal(self) -> bool:
        return bool(self.user_field)

    def rows_for(self, user):
        return self.model._default_manager.filter(**{self.user_field: user}, **self.export_filter)


class Registry:
    def __init__(self):
        self._declarations: dict[tuple[type[models.Model], str], Declaration] = {}
        self._erasure_steps: dict[str, Callable] = {}

    def register_erasure_step(self, label: str, step: Callable) -> None:
        """Personal data that no user link finds (another person's notice that names them, an
        invitation to their address): step(user=...) -> how many rows it changed, run when
        the person is erased, before the account is pseudonymised."""
        self._erasure_steps[label] = step

    def erasure_steps(self):
        return self._erasure_steps.items()

    def register(
        self,
        model,
        *,
        user_field: str,
        export_fields,
        erase: Erase,
        other_user_fields=(),
        export_filter=None,
        portfolio_filter=None,
        team_field="team",
        keep_filter=None,
        section="",
    ) -> None:
        self._declarations[(model, section or user_field)] = Declaration(
            model=model,
            user_field=user_field,
            export_fields=tuple(export_fields),
            erase=erase,
            other_user_fields=tuple(other_user_fields),
            export_filter=export_filter or {},
            portfolio_filter=portfolio_filter,
            team_field=team_field,
            keep_filter=keep_filter,
            section=section,
        )

    def register_team_content(
        self, model, *, export_fields, team_field="team", portfolio_filter=None, portfolio_rows=None
    ) -> None:
        """Team work with no link to a person: only part of a team's portfolio."""
        self._declarations[(model, "team")] = Declaration(
            model=model,
            user_field="",
            export_fields=tuple(export_fields),
            erase=Erase.KEEP,
            portfolio_filter=portfolio_filter or {},
            team_field=team_field,
            portfolio_rows=portfolio_rows,
        )

    def __iter__(self):
        return iter(self._declarations.values())

    def personal(self):
        return [d for d in self._declarations.values() if d.is_personal]

    def declared_user_fields(self, model) -> set[str]:
        fields = set()
        for declaration in self.personal():
            if declaration.model is model:
                fields.add(declaration.user_field.split("__")[0])
                fields.update(declaration.other_user_fields)
        return fields


registry = Registry()
