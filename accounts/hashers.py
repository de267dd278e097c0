"""Password hashing tuned for a login storm: a district logging in at the start of a session."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    """Argon2id with OWASP's recommended memory (46 MiB) and one lane, at two passes.

    Django's defaults (100 MiB, eight lanes) cost about 0.3 s of CPU a login on a 2-core
    server, so fifty people logging in together queue for seconds; this profile keeps OWASP's
    strength (its minimum is one pass at 46 MiB) at about a third of the CPU. The algorithm
    name stays `argon2`: hashes made with Django's defaults still verify, and each is rehashed
    with these costs at the person's next login.
    """

    time_cost = 2
    memory_cost = 47104
    parallelism = 1
