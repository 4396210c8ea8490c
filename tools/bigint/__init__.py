"""The old home of the integer functions, now tools/calculator/integers (the `bigint` registry entry is the
calculator's second name). Kept only for the import path used outside tools/ (flint_threads)."""
