"""When a module opens for a person: the seam where per-cohort release dates will plug in.

Today every module is open to every logged-in person and closed to anonymous visitors (they see
the program overview and module titles, and a "Log in to read" message instead of a body).

When the cohorts app lands, `module_is_open` will look up the person's cohort and its release
date for the module. Keep it query-constant per request: load the person's release schedule once
(e.g. cached on the user object) rather than one query per module, because `module_states`
calls it for every module on the program timeline.
"""

from dataclasses import dataclass

UPCOMING = "upcoming"
OPEN = "open"
DONE = "done"


def module_is_open(module, user) -> bool:
    """May `user` read `module`'s body and mark it done?"""
    return bool(user.is_authenticated and user.is_active)


@dataclass(frozen=True)
class ModuleState:
    module: object
    state: str  # UPCOMING, OPEN or DONE

    @property
    def is_open(self) -> bool:
        return self.state in (OPEN, DONE)


def module_states(modules, user) -> list[ModuleState]:
    """Each module with its state for `user`, in one query for the user's completions."""
    from .models import ModuleCompletion

    done_ids = set()
    if user.is_authenticated:
        done_ids = set(
            ModuleCompletion.objects.filter(
                user=user, module_id__in=[m.pk for m in modules]
            ).values_list("module_id", flat=True)
        )
    states = []
    for module in modules:
        if module.pk in done_ids:
            state = DONE
        elif module_is_open(module, user):
            state = OPEN
        else:
            state = UPCOMING
        states.append(ModuleState(module=module, state=state))
    return states
