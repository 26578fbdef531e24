"""This process's copies of kept values (common/cache.py), in front of the shared cache.

A page read six to nine values from Redis, each a round trip of about 0.15 ms: a sixth of /healthz
each, more than the rest of many pages. A kept value never changes under its key and versions (a
change of the data is a new version, so a new value), and a page fragment never changes under its
key (a digest of all it shows). So a copy in this process, compared with the versions the request
read, is as fresh as the shared one; the versions still come from Redis once per request
(common.cache.RequestVersions), so a change in any process shows on the next request here.

Bounded (entries and bytes, least recently used out first) and kept as pickled bytes: every reader
gets its own object, as from Redis, so no request can change what the next one reads. The whole
copy is dropped when the shared cache's generation changes (a flush, a restart): it may hold
values keyed on ids that a reset database gives to other rows.
"""

import pickle
import threading
import time
from collections import OrderedDict

MAX_ENTRIES = 4096
MAX_BYTES = 64 * 1024 * 1024
# A bigger value (a long export's markup) is read from the shared cache each time: one copy of it
# would push out hundreds of the small ones every page reads.
MAX_ENTRY_BYTES = 512 * 1024

MISSING = object()


class LocalTier:
    """Copies of kept values, each with the versions it was built under (None: a key that names
    its content) and the wall-clock time (time.time(), seconds) it stops being true."""

    def __init__(self):
        self._entries: OrderedDict[str, tuple[float, str | None, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.generation = None

    def get(self, key: str, versions: str | None = None):
        """The value kept at `key` under `versions`, or MISSING (none, other versions, expired)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[1] != versions or entry[0] <= time.time():
                return MISSING
            self._entries.move_to_end(key)
            payload = entry[2]
        return pickle.loads(payload)  # noqa: S301  # nosec B301  (written by this process, below)

    def holds(self, key: str) -> bool:
        """Whether there is a copy at `key`, of any versions (then the shared one is fetched only if
        this one turns out to be of other versions)."""
        return key in self._entries

    def put(self, key: str, value, *, expires_at: float, versions: str | None = None) -> None:
        """Keep a copy of `value` at `key` until `expires_at` (time.time() seconds)."""
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if len(payload) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._entries[key] = (expires_at, versions, payload)
            self._bytes += len(payload)
            while len(self._entries) > MAX_ENTRIES or self._bytes > MAX_BYTES:
                _, (_, _, dropped) = self._entries.popitem(last=False)
                self._bytes -= len(dropped)

    def adopt_generation(self, generation) -> None:
        """Drop every copy when the shared cache's generation is not the one they were read under."""
        with self._lock:
            if generation != self.generation:
                self._entries.clear()
                self._bytes = 0
                self.generation = generation

    def __len__(self) -> int:
        return len(self._entries)


LOCAL = LocalTier()
