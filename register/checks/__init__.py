"""The register's own compliance checks on a fiche, registered in the compliance registry
(register/compliance.py) when this package is imported by RegisterConfig.ready().

Each check reads a Treatment with its lines prefetched (register.queries.treatments_with_lines)
and the day `on` it is judged at, so judging a fiche costs no query of its own; the rule itself
is a model method or property, so that the form, the admin and the import refuse what these
checks report. Messages name the field or the line, and each finding links to the place of the
edit form where it is fixed (links.py).

- content.py: the required content, which the completeness indicator counts (art. 30(1), 30(2));
- lawfulness.py: art. 9(2) exceptions, call-recording flags, transfers' safeguards, a processor's
  contract given as legal basis, the review date;
- rules.py: consent and phone prospection, the NIR, recipients abroad, kinds of security
  measures, drafts over 30 days, processor fiches' client and basis;
- recordings.py: call recordings (proof as purpose, notice and right to object);
- retention.py: retention stated and structured, within the CNIL references
  (register/retention_references.py);
- subjects.py: the fiches the findings page judges.

The import order is the order findings are listed in.
"""

from . import content, lawfulness, recordings, retention, rules  # noqa: F401  (each registers its checks)
from .links import edit_link, line_anchor, organisation_link
from .subjects import client_of_fiche, fiches_to_judge

__all__ = ["client_of_fiche", "edit_link", "fiches_to_judge", "line_anchor", "organisation_link"]
