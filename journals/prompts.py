"""Find a curriculum reflection prompt by its StreamField block id.

The curriculum (programs/) links to `/journal/new/?prompt=<block id>`. The programs app is
imported lazily and any failure (app missing, model renamed, body shape changed) just means the
prompt is shown generically by its id: journals must keep working whatever programs does.
"""

import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

PROMPT_ID_RE = re.compile(r"^[A-Za-z0-9-]{1,64}$")


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str = ""
    kind: str = ""
    default_privacy: str = ""
    module: object = None

    @property
    def found(self) -> bool:
        return bool(self.text)


def _modules():
    from programs.models import ModulePage  # lazy: see the module docstring

    return ModulePage.objects.live().public().specific().order_by("path")


def resolve_prompt(prompt_id: str | None) -> Prompt | None:
    if not prompt_id or not PROMPT_ID_RE.match(prompt_id):
        return None
    try:
        for module in _modules():
            for block in getattr(module, "body", None) or []:
                if block.block_type == "reflection_prompt" and block.id == prompt_id:
                    value = block.value
                    return Prompt(
                        id=prompt_id,
                        text=str(value.get("prompt") or ""),
                        kind=str(value.get("kind") or ""),
                        default_privacy=str(value.get("default_privacy") or ""),
                        module=module,
                    )
    except Exception:  # the curriculum app changed or is absent: fall back to the bare id
        logger.warning("Could not look up reflection prompt %s", prompt_id, exc_info=True)
    return Prompt(id=prompt_id)
