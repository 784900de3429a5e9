"""What every response to a signed-in user carries, whichever app or the admin served it.

A register page or export holds personal data: a shared browser's cache or a proxy must
not keep a copy (`Cache-Control: private, no-store`). Static files never come this far:
whitenoise answers them earlier in MIDDLEWARE, with its own long cache headers.
"""

from django.utils.cache import patch_cache_control


class PrivateResponsesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # After the view: a login answers privately already, a logout no longer does.
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
