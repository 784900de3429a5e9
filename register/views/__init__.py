"""Register views, one module per feature; each view starts with one access check."""
