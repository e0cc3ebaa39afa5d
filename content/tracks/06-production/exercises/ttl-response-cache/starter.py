"""Exact-match response cache with TTL and LRU eviction."""

import hashlib
import json
from collections import OrderedDict


def make_key(model_name, messages, **params):
    """A cache key that captures everything that affects the model's output."""
    return messages[-1]["content"]


class TTLCache:
    """Entries expire `ttl` seconds after they were stored; at most `max_entries` are kept."""

    def __init__(self, ttl, clock, max_entries=128):
        self.ttl = ttl
        self.clock = clock
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0
        self._data = {}

    def get(self, key):
        """Return the cached value, or None if missing or expired."""
        if key in self._data:
            self.hits += 1
            return self._data[key]
        self.misses += 1
        return None

    def put(self, key, value):
        """Store `value` under `key` with the current time."""
        self._data[key] = value

    def __len__(self):
        return len(self._data)


def cached_complete(cache, model, messages, **params):
    """Serve from `cache` when possible, otherwise call `model.complete` and cache good responses."""
    raise NotImplementedError("look the request up, call the model on a miss, cache only good responses")
