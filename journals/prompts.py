"""Find a curriculum reflection prompt by its StreamField block id.

The curriculum (programs/) links to `/journal/new/?prompt=<block id>` and offers its prompts
through the `reflection_prompts` hook (`cohort_site.curriculum`); journals never import it. A
prompt no curriculum offers, or any failure of the hook (model renamed, body shape changed), just
means the prompt is shown generically by its id: journals keep working whatever programs does.
"""

import logging
import re
from dataclasses import dataclass

from cohort_site.curriculum import reflection_prompts

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


def resolve_prompt(prompt_id: str | None) -> Prompt | None:
    if not prompt_id or not PROMPT_ID_RE.match(prompt_id):
        return None
    try:
        for prompt in reflection_prompts():
            if prompt.id == prompt_id:
                return Prompt(
                    id=prompt_id,
                    text=prompt.text,
                    kind=prompt.kind,
                    default_privacy=prompt.default_privacy,
                    module=prompt.module,
                )
    except Exception:  # the curriculum's hook failed: fall back to the bare id
        logger.warning("Could not look up reflection prompt %s", prompt_id, exc_info=True)
    return Prompt(id=prompt_id)
