"""A Redis cache that degrades to misses while Redis is unreachable.

Everything this site keeps in the cache can be lost: sessions live in the database too
(`cached_db`), rate-limit counters fail open (the per-account login lock is kept in the
database, see `accounts/lockout.py`). So while Redis is down every read is a miss and every
write is dropped, instead of an exception that would answer 500.

A small circuit breaker, shared by the threads of one process, keeps requests from each
waiting for a connect timeout: after a connection error the cache is skipped for
`RETRY_AFTER` seconds, then tried again. The first call that reaches Redis again empties it,
because writes and deletes dropped meanwhile (a logout, a changed session) may have left
stale entries behind.
"""

import logging
import threading
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

CACHE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER = 5.0  # seconds the cache is skipped after a connection error

# Short timeouts: a Redis host that does not answer must not hold a request for long.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}


class _Breaker:
    def __init__(self):
        self.lock = threading.Lock()
        self.skip_until = 0.0
        self.tripped = False


_breakers: dict[str, _Breaker] = {}
_breakers_lock = threading.Lock()


def _breaker_for(location: str) -> _Breaker:
    with _breakers_lock:
        return _breakers.setdefault(location, _Breaker())


class _ReusedClients(RedisCacheClient):
    """Django builds a new `redis.Redis` for every cache call (about 170 dictionary writes
    each, twice a request for the session and Wagtail's site paths); one per connection pool
    serves every call. `redis.Redis` is safe to share between threads: each command borrows a
    connection from the pool."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, with connection errors turned into misses (see the module doc)."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = _ReusedClients
        self._breaker = _breaker_for(str(server))

    @property
    def available(self) -> bool:
        """False while the breaker skips the cache after a connection error."""
        return not self._breaker.tripped

    def ping(self) -> None:
        """Round-trip to Redis, bypassing the breaker; raises when Redis does not answer."""
        self._cache.get_client(write=True).ping()

    def _call(self, operation, fallback, *args, **kwargs):
        breaker = self._breaker
        if breaker.skip_until > time.monotonic():
            return fallback
        try:
            if breaker.tripped:
                self._recover()
            return operation(*args, **kwargs)
        except CACHE_ERRORS as error:
            breaker.skip_until = time.monotonic() + RETRY_AFTER
            if not breaker.tripped:
                logger.error("Cache unreachable, serving without it: %s", error)
            breaker.tripped = True
            return fallback

    def _recover(self) -> None:
        breaker = self._breaker
        with breaker.lock:
            if breaker.tripped:
                super().clear()
                breaker.tripped = False
                logger.warning("Cache reachable again; emptied it of entries that missed writes")

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # True while Redis is down: locks built on add() (allauth's rate limiter) fail open.
        return self._call(super().add, True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        return self._call(super().incr, delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, [], data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, False)
