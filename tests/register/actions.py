"""Helpers of the fiche's action tests (duplicate, status, review, delete)."""

import html

from django.urls import reverse


def url(name, treatment):
    return reverse(f"register:{name}", args=[treatment.reference])


def page_text(response):
    return html.unescape(response.content.decode())
