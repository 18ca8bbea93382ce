"""Use cases: each a small function over the store, the formats and the reports."""
