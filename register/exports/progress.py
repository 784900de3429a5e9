"""The builders' progress protocol: an optional `progress(done, total)` callable, told how many
fiches are done (at least at the start and at the end); a background job shows it as its bar."""


def report(progress, done, total):
    if progress is not None:
        progress(done, total)
