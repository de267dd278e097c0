"""Starting templates for a team's norms, read from the curriculum's demo content."""


def norm_templates() -> list[dict]:
    """[{slug, name, source, description, norms: [(statement, in practice), ...]}, ...]"""
    from programs.demo_content import NORM_TEMPLATES

    return list(NORM_TEMPLATES)


def norm_template(slug: str) -> dict | None:
    return next((t for t in norm_templates() if t["slug"] == slug), None)
