"""`UNCHANGED`: the default of a service's optional keyword argument that it leaves alone.

Services take their editable fields as explicit keyword arguments (never `**fields` set with
`setattr`, which would let a caller set any attribute, such as `team` or `author`). An update
service lists each field it may change, defaults it to UNCHANGED, and hands the named values
to `assign`, which skips the ones left UNCHANGED.
"""

UNCHANGED = object()


def assign(instance, changes: dict) -> None:
    """Set the attributes in `changes` (built from a service's named arguments) that changed."""
    for name, value in changes.items():
        if value is not UNCHANGED:
            setattr(instance, name, value)
