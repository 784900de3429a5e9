"""PostgreSQL's unaccent extension, for the accent-insensitive search (register/search.py).

unaccent is a trusted extension since PostgreSQL 13: the database owner creates it, no
superuser needed. On SQLite the operation does nothing (the search registers its own
function on each connection).
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("register", "0006_free_text_caps")]

    operations = [UnaccentExtension()]
