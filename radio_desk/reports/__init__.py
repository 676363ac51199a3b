"""Reportlab documents: the weekly review, the "Ayo Mas Bro" rundown, and CSV exports."""
