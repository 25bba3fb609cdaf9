"""The decisions, pure (no I/O): consolidation, ratings, titles under the law's articles, the council's pass, the
history's multi-year titles (the commune's merge: :mod:`thidua_xlsx.commune.decide`)."""
