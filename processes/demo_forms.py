"""The Osiris questionnaire of the CentreCall case (section « Identification »), for `load_demo`.

Each field is identified as the case's answer has it, through the app's own rule
(processes/identification.py), and confirmed: name, first name, address and e-mail are
personal and direct (identity); the four answers are personal, indirectly, « Vie
personnelle », because they are stored with the respondent's name and e-mail. The form
belongs to fiche T-001 (market studies for clients) and, when the demo has it, to the
market-study process of that fiche.

Idempotent: a form already named so is left as it is (its process is only filled in if it
has none and the process exists by then).
"""

from register.models import DataCategory, Treatment

from .choices import CollectionChannel
from .identification import apply_proposals
from .models import CollectionForm, FormField, Process

MARKET_STUDY_FICHE = "T-001"  # Études de marché pour le compte de clients (questionnaire Osiris)
FORM_NAME = "Questionnaire Osiris — attentes du marché de la publicité sur les réseaux sociaux"
FIELDS = [
    ("Nom", "DESMARC"),
    ("Prénom", "CORINNE"),
    ("Adresse complète", "2, place de l'Eglise – 37100 Tours"),
    ("Courriel", "desmarc.corinne@orange.fr"),
    ("Question 1 – Possédez-vous un smartphone ?", "OUI"),
    ("Question 2 – Quels réseaux sociaux avez-vous l'habitude de fréquenter ?", "Facebook"),
    ("Question 3 – À quelle fréquence utilisez-vous ce réseau ?", "Plusieurs fois par jour"),
    ("Question 4 – Pour vous, la publicité sur les réseaux sociaux :", "est intrusive"),
]


def load_demo_collection_forms():
    treatment = Treatment.objects.filter(reference=MARKET_STUDY_FICHE).first()
    process = Process.objects.filter(treatments=treatment).order_by("pk").first() if treatment else None
    form = CollectionForm.objects.filter(name=FORM_NAME).first()
    if form is not None:
        if form.process_id is None and process is not None:
            form.process = process
            form.save(update_fields=["process"])
        return form
    form = CollectionForm.objects.create(
        name=FORM_NAME,
        description=(
            "Questionnaire téléphonique réalisé par CentreCall pour son client Osiris : les réponses sont "
            "enregistrées avec le nom, l'adresse et le courriel de la personne interrogée."
        ),
        treatment=treatment,
        process=process,
        respondent_identified=True,
    )
    fields = [
        FormField(form=form, position=position, label=label, example=example, channel=CollectionChannel.PHONE)
        for position, (label, example) in enumerate(FIELDS, start=1)
    ]
    apply_proposals(form, fields, {category.code: category for category in DataCategory.objects.all()})
    for field in fields:
        field.confirmed = True
        field.save()
    return form
