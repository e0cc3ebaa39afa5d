"""Exact-match response cache with TTL and LRU eviction."""

import hashlib
import json
from collections import OrderedDict


def make_key(model_name, messages, **params):
    """A cache key that captures everything that affects the model's output."""
    payload = {"model": model_name, "messages": messages, "params": params}
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=repr)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class TTLCache:
    """Entries expire `ttl` seconds after they were stored; at most `max_entries` are kept."""

    def __init__(self, ttl, clock, max_entries=128):
        self.ttl = ttl
        self.clock = clock
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0
        self._data = OrderedDict()

    def get(self, key):
        """Return the cached value, or None if missing or expired."""
        entry = self._data.get(key)
        if entry is None:
            self.misses += 1
            return None
        value, stored_at = entry
        if self.clock() >= stored_at + self.ttl:
            del self._data[key]
            self.misses += 1
            return None
        self._data.move_to_end(key)
        self.hits += 1
        return value

    def put(self, key, value):
        """Store `value` under `key` with the current time."""
        self._data[key] = (value, self.clock())
        self._data.move_to_end(key)
        while len(self._data) > self.max_entries:
            self._data.popitem(last=False)

    def __len__(self):
        return len(self._data)


def cached_complete(cache, model, messages, **params):
    """Serve from `cache` when possible, otherwise call `model.complete` and cache good responses."""
    key = make_key(model.name, messages, **params)
    cached = cache.get(key)
    if cached is not None:
        return cached
    response = model.complete(messages, **params)
    if response.content:
        cache.put(key, response)
    return response
