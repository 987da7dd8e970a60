"""One-key fixes: mechanical fixes of problems, as data the wizard and the CLI apply.

- :mod:`.registry` works out the :class:`~rec_tui.spec.problems.Fix` of each problem
  (``validate()`` calls :func:`.registry.attach_fixes`), checking that it removes its problem
  and adds no error before offering it.
- :mod:`.convert`, :mod:`.limits` and :mod:`.settle` hold the fixers, keyed by rule name;
  :mod:`.places` reads the declarations for a place in a body.
- :mod:`.edits` carries out a fix on a body (:func:`.edits.apply_fix`) and says what each
  edit changed (:mod:`.shown` masks secrets); :mod:`.apply` applies every fix
  (:func:`.apply.apply_all`).

This ``__init__`` imports nothing, so that ``validate()`` can import the registry without
loading the rest.
"""
