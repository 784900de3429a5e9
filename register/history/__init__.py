"""The history of tracked models, read from their django-simple-history tables.

One package for every app whose models are tracked: declare the model, its lines and its
many-to-many fields once (`tracked.Tracked`, see `fiches.FICHES`), and get from it

- `asof`: the objects as they stood at a past moment, lines and relations included;
- `diff`: which fields changed between two records, displayed as a reader expects, and who;
- `timeline`: the paginated change log of one object and its lines;
- `conflicts`: what others saved since the version a user started from.
"""
