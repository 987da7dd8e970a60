"""One-key fixes: mechanical fixes of problems, as data the wizard and the CLI apply.

- :mod:`.registry` works out the :class:`~rec_tui.spec.problems.Fix` of each problem
  (``validate()`` calls :func:`.registry.attach_fixes`), checking that it removes its problem
  and adds no error before offering it.
- :mod:`.convert` and :mod:`.settle` hold the per-rule fixers (keyed by rule name).
- :mod:`.apply` applies fixes to a body: :func:`.apply.apply_fix`, :func:`.apply.apply_all`.

This package's ``__init__`` imports nothing: ``validate()`` imports the registry, and the
registry must not pull in :mod:`.apply` (which imports ``validate``).
"""
