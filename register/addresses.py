"""Where a request comes from, for login throttling (and any log of who did what).

Behind the reverse proxy (DJANGO_BEHIND_PROXY=1) every request arrives from the proxy's
address; the client's is the last one the proxy appended to X-Forwarded-For (earlier
entries are whatever the client sent, so they are not trusted).
"""

from django.conf import settings


def client_address(request):
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")
