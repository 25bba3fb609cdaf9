"""The decisions, pure (no I/O): consolidation, ratings, titles under the law's articles, the council's pass, the
history's multi-year titles, the level above's merge."""
