"""The thin MkDocs adapter over the academy core."""
