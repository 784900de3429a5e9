"""Helpers of the fiche's action tests (duplicate, status, review, delete)."""

from django.urls import reverse


def url(name, treatment):
    return reverse(f"register:{name}", args=[treatment.reference])
