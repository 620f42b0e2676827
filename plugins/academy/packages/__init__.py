"""Lessons as packages for a company's LMS: SCORM 1.2 and cmi5, one per course and language."""
