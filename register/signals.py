"""What the register and the other apps announce for whoever keeps a record (the audit trail).

The register depends on no one: its views and the incidents' send these signals, and the
audit app connects receivers to them. Each is sent with `request` (who and from where) and
keyword arguments that say what happened.
"""

from django.dispatch import Signal

# A document was downloaded: document (« registre », « fiche », « registre des violations »,
# « notification »…), export_format ("pdf" or "ods"), filename, scope (its description).
document_downloaded = Signal()

# A register import was previewed, applied or refused: outcome (one of IMPORT_OUTCOMES),
# filename, and the counts or the reason (created, updated, errors).
import_handled = Signal()
IMPORT_OUTCOMES = ("preview", "applied", "refused")
