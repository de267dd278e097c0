"""What feature apps may ask of the curriculum, through a Wagtail hook rather than an import.

The curriculum app (programs/) registers in its `wagtail_hooks.py` a function that yields the
reflection prompts of its live, public modules in curriculum order:

    @hooks.register(REFLECTION_PROMPTS)
    def reflection_prompts():
        yield ReflectionPrompt(id=block_id, text=..., kind=..., module=page, module_number=1)

Journals look a prompt up by its block id (`/journal/new/?prompt=<id>`) and the demo picks each
module's prompts by kind; with no curriculum registered there are simply no prompts.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from wagtail import hooks

REFLECTION_PROMPTS = "reflection_prompts"


@dataclass(frozen=True)
class ReflectionPrompt:
    id: str
    text: str
    kind: str = ""
    default_privacy: str = ""
    module: object = None  # the module page the prompt is in
    module_number: int | None = None


def reflection_prompts() -> Iterator[ReflectionPrompt]:
    """Every registered curriculum's prompts, in its order (lazily: stop when you have one)."""
    for prompts in hooks.get_hooks(REFLECTION_PROMPTS):
        yield from prompts()
