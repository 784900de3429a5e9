"""Many fiches at once, for tests that pin a page's query count (bulk inserts, with history)."""

from datetime import datetime

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from register.choices import LegalBasis, TreatmentRole, TreatmentStatus
from register.models import (
    Country,
    DataCategory,
    DataCategoryLine,
    DataSubjectCategory,
    DataSubjectLine,
    Organisation,
    Recipient,
    RecipientCategory,
    SecurityMeasure,
    SecurityMeasureCategory,
    SubPurpose,
    Transfer,
    TransferSafeguard,
    Treatment,
)

CREATED = timezone.make_aware(datetime(2024, 1, 15, 10, 0))


def bulk_fiches(count, *, lines_per_kind=1, prefix="B"):
    """`count` fiches, each with `lines_per_kind` lines of every kind (one sensitive data line),
    two organisations as controller and processor, created (with history) on 15/01/2024."""
    client = Organisation.objects.create(name=f"{prefix} Client")
    processor = Organisation.objects.create(name=f"{prefix} Sous-traitant")
    treatments = bulk_create_with_history(
        [
            Treatment(
                reference=f"{prefix}-{number:04d}",
                name=f"Fiche {number}",
                main_purpose=f"Finalité {number}",
                legal_basis=LegalBasis.CONTRACT,
                role=TreatmentRole.PROCESSOR if number % 2 else TreatmentRole.CONTROLLER,
                status=TreatmentStatus.IN_FORCE,
                controller=client,
                created_at=CREATED.date(),
            )
            for number in range(count)
        ],
        Treatment,
        default_date=CREATED,
    )
    treatments = list(Treatment.objects.filter(reference__startswith=f"{prefix}-").order_by("reference"))
    Treatment.processors.through.objects.bulk_create(
        [Treatment.processors.through(treatment=treatment, organisation=processor) for treatment in treatments]
    )
    _add_lines(treatments, lines_per_kind)
    return treatments


def _add_lines(treatments, per_kind):
    identity = DataCategory.objects.get(code="identity")
    health = DataCategory.objects.get(code="health")
    subjects = DataSubjectCategory.objects.get(code="prospects")
    internal = RecipientCategory.objects.get(code="internal_service")
    access_control = SecurityMeasureCategory.objects.get(code="access_control")
    country = Country.objects.filter(is_eu_eea=False).first()
    safeguard = TransferSafeguard.objects.first()
    rows = {
        model: [] for model in (SubPurpose, DataCategoryLine, DataSubjectLine, Recipient, Transfer, SecurityMeasure)
    }
    for treatment in treatments:
        for position in range(per_kind):
            line = {"treatment": treatment, "position": position}
            rows[SubPurpose].append(SubPurpose(description=f"Sous-finalité {position}", **line))
            rows[DataCategoryLine].append(
                DataCategoryLine(
                    category=health if position == 0 else identity,
                    art9_exception="a" if position == 0 else "",
                    description=f"Données {position}",
                    retention_value=6,
                    **line,
                )
            )
            rows[DataSubjectLine].append(DataSubjectLine(category=subjects, **line))
            rows[Recipient].append(Recipient(category=internal, name=f"Service {position}", **line))
            rows[Transfer].append(
                Transfer(recipient=f"Hébergeur {position}", country=country, safeguard=safeguard, **line)
            )
            rows[SecurityMeasure].append(SecurityMeasure(category=access_control, description="Comptes", **line))
    for model, objects in rows.items():
        bulk_create_with_history(objects, model, default_date=CREATED)
