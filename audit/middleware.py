"""Keeps the request being served at hand for the audit entries of signals that carry none
(an admin's save, a change of a user's groups): who made them and from where."""

from .recording import current_request


class CurrentRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
