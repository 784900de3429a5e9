"""Each check of the compliance registry is a rule with a stable identifier and a French label:
the findings page filters on it, `check_register` prints it."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from register import compliance
from register.compliance import Finding, Severity
from register.models import Treatment
from register.queries import treatments_with_lines
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db


def _fresh(treatment):
    return treatments_with_lines().get(pk=treatment.pk)


def software_is_named(treatment, on):
    """The software in use is named."""
    yield Finding(Severity.WARNING, "« Logiciel » n'est pas renseigné.")


def test_each_finding_carries_the_identifier_of_its_check():
    with compliance.registered(software_is_named, subject=Treatment, label="Logiciel non nommé"):
        [finding] = compliance.findings_for(_fresh(make_treatment(dpia_status="not_required")))
    assert finding.rule == "software_is_named"


def test_an_explicit_rule_and_label_win_over_the_function():
    with compliance.registered(software_is_named, subject=Treatment, rule="logiciel", label="Logiciel non nommé"):
        [finding] = compliance.findings_for(_fresh(make_treatment(dpia_status="not_required")))
        assert finding.rule == "logiciel"
        assert compliance.rule_label("logiciel") == "Logiciel non nommé"
        assert ("logiciel", "Logiciel non nommé") in compliance.rules()


def test_a_rule_without_a_french_label_is_refused_at_registration():
    # Its docstring is English: the findings page would show it to a French DPO.
    with pytest.raises(ImproperlyConfigured, match="software_is_named"):
        compliance.register_check(software_is_named, subject=Treatment)
    assert "software_is_named" not in {rule for rule, _label in compliance.rules()}


def test_a_completeness_item_is_named_by_what_it_requires():
    with compliance.registered(software_is_named, subject=Treatment, requirement="logiciel utilisé"):
        assert compliance.rule_label("software_is_named") == "Contenu requis : logiciel utilisé"


def test_two_checks_under_one_rule_are_refused():
    def review_is_not_overdue(treatment, on):
        return []

    with pytest.raises(ImproperlyConfigured, match="review_is_not_overdue.*already registered"):
        compliance.register_check(review_is_not_overdue, subject=Treatment, label="Revue en retard")
    assert [rule for rule, _label in compliance.rules()].count("review_is_not_overdue") == 1


def test_every_registered_rule_is_unique_and_labelled_in_french():
    registered = compliance.rules()
    assert len({rule for rule, _label in registered}) == len(registered)
    for rule, label in registered:
        assert str(label) and str(label) != rule, rule
    assert {"security_measures_are_listed", "processor_security_measures_are_listed"} <= {r for r, _l in registered}
