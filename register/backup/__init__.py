"""Backup and restore of everything the application keeps: `backup_register` and `restore_register`.

A backup is a zip archive (format FORMAT_VERSION, described in README.md):

- `manifest.json`: the format and its version, when and by which migrations it was written,
  the content types and permissions of the source database (their ids differ between
  databases: rows pointing at them are remapped by natural key on restore), and per table
  its file and row count;
- `tables/<app_label>.<model>.json`: the rows of each table, in Django's JSON serialisation,
  primary keys included (history records, audit entries and numbering keep their ids);
- `files/<name>`: the files the rows name (incident attachments), under their storage name.

Rows are written back with bulk inserts, which send no signals: the history library writes
no new record while a fiche's m2m come back (what breaks `loaddata`), and the audit trail is
restored as it was, append-only as ever.
"""

FORMAT_NAME = "centrecall-register-backup"
FORMAT_VERSION = 1
