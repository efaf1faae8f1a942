"""Readers' feedback: reports of mistakes on pages and questions to the association."""
