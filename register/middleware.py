"""The interface language: French unless the user chose English with the switcher.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an English
browser would get English pages and ISO dates without anyone choosing them. Here the
language comes from the cookie that Django's set_language view writes, else LANGUAGE_CODE.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request):
    """The language of the switcher's cookie if it is one of LANGUAGES, else the default."""
    try:
        return translation.get_supported_language_variant(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or "")
    except LookupError:
        return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # override, not activate: the language must not outlive the request in this thread
        # (a worker's next request, or the next test, would start in English).
        with translation.override(chosen_language(request)):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
