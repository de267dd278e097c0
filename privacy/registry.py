"""How every model that holds a person's data is exported and erased.

Each app's `privacy.py` registers its models:

    registry.register(JournalEntry, user_field="author", export_fields=["title", "body"],
                      erase=Erase.DELETE)

Erase.DELETE removes the person's rows; Erase.KEEP leaves team artifacts in place, and the
account itself is pseudonymised ("Former member"), so they read as written by a former member.
A test fails when a model with a link to a user is not declared here.
"""

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

    @property
    def label(self) -> str:
        return self.model._meta.label

    def rows_for(self, user):
        return self.model._default_manager.filter(**{self.user_field: user}, **self.export_filter)


class Registry:
    def __init__(self):
        self._declarations: dict[type[models.Model], Declaration] = {}

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
    ) -> None:
        self._declarations[model] = Declaration(
            model=model,
            user_field=user_field,
            export_fields=tuple(export_fields),
            erase=erase,
            other_user_fields=tuple(other_user_fields),
            export_filter=export_filter or {},
            portfolio_filter=portfolio_filter,
            team_field=team_field,
        )

    def __iter__(self):
        return iter(self._declarations.values())

    def __contains__(self, model) -> bool:
        return model in self._declarations

    def declared_user_fields(self, model) -> set[str]:
        declaration = self._declarations.get(model)
        if declaration is None:
            return set()
        first = declaration.user_field.split("__")[0]
        return {first, *declaration.other_user_fields}


registry = Registry()
