"""Quizzes: the YAML model, its validation, and its HTML."""
