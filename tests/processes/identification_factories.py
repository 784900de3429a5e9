"""Collection forms for the identification tests: the Osiris questionnaire as the case gives it."""

from processes.demo_forms import FIELDS
from processes.models import CollectionForm, FormField


def make_collection_form(*, treatment=None, fields=FIELDS, respondent_identified=True, name="Questionnaire Osiris"):
    form = CollectionForm.objects.create(name=name, treatment=treatment, respondent_identified=respondent_identified)
    for position, (label, example) in enumerate(fields, start=1):
        FormField.objects.create(form=form, position=position, label=label, example=example)
    return form
