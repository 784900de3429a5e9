"""Where long work may leave the request: an app with a task queue (`jobs`) installs a starter.

The register never imports that app. A view asks `start(kind, request, …)`; without a
starter for that kind, or when the starter declines (no broker configured, a small
extract), the answer is None and the view does the work in the request as it always has.
"""

_starters = {}


def set_starter(kind, starter):
    """`starter(request, **arguments)` → a response (the job's page, a stored file) or None."""
    _starters[kind] = starter


def remove_starter(kind):
    _starters.pop(kind, None)


def start(kind, request, **arguments):
    starter = _starters.get(kind)
    return starter(request, **arguments) if starter is not None else None
