"""Free text of the register, capped so that no door (form, admin, import, command) can
store a field of megabytes: a 100,000,000-character purpose made every list page weigh
200 MB. 5,000 characters is about two pages, more than any purpose, description or note
of a fiche needs."""

from django.core.validators import MaxLengthValidator
from django.db import models

FREE_TEXT_MAX_LENGTH = 5000


class FreeTextField(models.TextField):
    """A TextField whose length the model's validation enforces (a plain TextField's
    max_length only sizes the form's textarea)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", FREE_TEXT_MAX_LENGTH)
        super().__init__(*args, **kwargs)
        self.validators.append(MaxLengthValidator(self.max_length))
