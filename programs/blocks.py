"""The module body's blocks: each has a template under templates/programs/blocks/, an icon and a
preview value. Choosers convert in bulk (one query per block type), so a module page renders in
a fixed number of queries however many blocks it has. Chosen protocols and resources come with
their translations in that query; their templates show the reader's (`reader_version`).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .localized import chosen_with_translations

PROMPT_KINDS = [("identity", _("Identity")), ("learning", _("Learning")), ("team", _("Team"))]
PRIVACY_CHOICES = [
    ("private", _("Private (only me)")),
    ("facilitator", _("Shared with facilitators")),
    ("team", _("Shared with my team")),
]
TEAM_TASK_KINDS = [
    ("norms", _("Team norms")),
    ("identity_statement", _("Collective identity statement")),
    ("aim", _("Aim statement")),
    ("driver_diagram", _("Driver diagram")),
    ("pdsa_cycle", _("PDSA cycle")),
    ("feedback_request", _("Feedback request")),
]
IMAGE_RENDITION = "max-1200x900"


def _in_bulk(queryset, values):
    """Like ChooserBlock.bulk_to_python, for a queryset with its related data prefetched."""
    objects = queryset.in_bulk([v for v in values if v is not None])
    return [objects.get(v) for v in values]


class ResourceChooserBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("programs.Resource", **kwargs)

    def bulk_to_python(self, values):
        return chosen_with_translations(self.model_class.objects.select_related("document"), values)


class ProtocolChooserBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("programs.Protocol", **kwargs)

    def bulk_to_python(self, values):
        queryset = self.model_class.objects.select_related("mode").prefetch_related("steps")
        return chosen_with_translations(queryset, values)


class ModeChooserBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("programs.LiberatoryDesignMode", **kwargs)


class RenditionImageChooserBlock(ImageChooserBlock):
    """Fetches the images with their renditions, so `{% image %}` costs no query per image."""

    def bulk_to_python(self, values):
        return _in_bulk(get_image_model().objects.prefetch_renditions(IMAGE_RENDITION), values)


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=["bold", "italic", "link", "ol", "ul", "h3", "h4"], **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Rich text")
        template = "programs/blocks/paragraph.html"
        preview_value = "<p>Teams compare several published definitions of equity.</p>"
        description = _("Paragraphs of text with links and lists.")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "programs/blocks/heading.html"
        preview_value = {"text": "Before the session", "level": "h2"}
        description = _("A section heading.")


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.TextBlock(label=_("Text"))
    tone = blocks.ChoiceBlock(
        label=_("Tone"),
        choices=[("tip", _("Tip")), ("note", _("Note")), ("caution", _("Caution"))],
        default="tip",
    )

    class Meta:
        icon = "tip"
        label = _("Callout")
        template = "programs/blocks/callout.html"
        preview_value = {
            "title": "Tip",
            "text": "Keep the first draft of your agreements short.",
            "tone": "tip",
        }
        description = _("A highlighted tip, note or caution.")


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Video URL"), help_text=_("A YouTube or Vimeo address, checked when you save.")
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "programs/blocks/video.html"
        preview_value = {"title": "Why equity, why us", "caption": "An eight-minute overview."}
        description = _("A video from YouTube or Vimeo, linked from the page.")


class ImageBlock(blocks.StructBlock):
    image = RenditionImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "programs/blocks/image.html"
        preview_value = {"alt_text": "A team around a table", "caption": "Launch day"}
        description = _("An image with required alternative text.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Defaults to its title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "programs/blocks/document.html"
        preview_value = {"title": "Session slides"}
        description = _("A file participants can download.")


class ResourceListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    resources = blocks.ListBlock(ResourceChooserBlock(label=_("Resource")), label=_("Resources"))

    class Meta:
        icon = "list-ul"
        label = _("Resource list")
        template = "programs/blocks/resource_list.html"
        preview_value = {"heading": "Read before the session", "resources": []}
        description = _("Resources chosen from the library.")


class ReflectionPromptBlock(blocks.StructBlock):
    """A journal prompt. Its StreamField block id is its stable id for the journals app."""

    prompt = blocks.TextBlock(label=_("Prompt"))
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=PROMPT_KINDS, default="learning")
    default_privacy = blocks.ChoiceBlock(
        label=_("Default privacy"), choices=PRIVACY_CHOICES, default="private"
    )

    class Meta:
        icon = "comment"
        label = _("Reflection prompt")
        template = "programs/blocks/reflection_prompt.html"
        preview_value = {
            "prompt": "Which definition of equity did you push back on today?",
            "kind": "learning",
            "default_privacy": "private",
        }
        description = _("A question participants answer in their journal.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("kind") == "identity" and value.get("default_privacy") != "private":
            raise StructBlockValidationError(
                block_errors={
                    "default_privacy": ValidationError(_("Identity prompts are always private."))
                }
            )
        return value


class ProtocolStepBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Step"))
    minutes = blocks.IntegerBlock(label=_("Minutes"), min_value=1, max_value=240)

    class Meta:
        icon = "time"
        label = _("Step")


class ProtocolBlock(blocks.StructBlock):
    """A protocol from the library, or one written here for this module only."""

    protocol = ProtocolChooserBlock(label=_("Protocol from the library"), required=False)
    name = blocks.CharBlock(label=_("Or: name of a one-off protocol"), required=False)
    mode = ModeChooserBlock(label=_("Its Liberatory Design mode"), required=False)
    steps = blocks.ListBlock(ProtocolStepBlock(), label=_("Its steps"), default=[])

    class Meta:
        icon = "list-ol"
        label = _("Protocol")
        template = "programs/blocks/protocol.html"
        preview_value = {
            "name": "Forming Ground Rules",
            "steps": [{"text": "Each person writes privately.", "minutes": 5}],
        }
        description = _("A named protocol with timed steps.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("protocol") and not (value.get("name") and value.get("steps")):
            raise StructBlockValidationError(
                block_errors={
                    "protocol": ValidationError(
                        _("Choose a protocol, or give a name and at least one step.")
                    )
                }
            )
        return value


class TeamTaskBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=TEAM_TASK_KINDS)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"))

    class Meta:
        icon = "group"
        label = _("Team task")
        template = "programs/blocks/team_task.html"
        preview_value = {
            "kind": "norms",
            "title": "Adopt your team working agreements",
            "description": "Settle on four to seven agreements before the next session.",
        }
        description = _("Something the team produces before the next session.")


class ModuleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    callout = CalloutBlock()
    video = VideoBlock()
    image = ImageBlock()
    document = DocumentBlock()
    resource_list = ResourceListBlock()
    reflection_prompt = ReflectionPromptBlock()
    protocol = ProtocolBlock()
    team_task = TeamTaskBlock()

    class Meta:
        icon = "doc-full-inverse"
