"""Triage suggestions from what the caller said: category (top 3), OPD, urgency, kecamatan and desa,
repeat callers and possible duplicates, each with the words that led to it.

Entry points: :class:`radio_desk.triage.suggest.Suggester` (one text -> :class:`Suggestion`),
:class:`radio_desk.triage.service.TriageService` (the app's view: suggestions with the station's learned
model, background retraining, related cases), :mod:`radio_desk.triage.evaluate` (``radio-desk bench
triage``).  Modules: ``text`` (normalising, stemming), ``spans`` (which words of a call are the
complaint: greetings, the caller's introduction, the host, thanks, addresses), ``hints`` (taxonomy
keyword scorer), ``model`` (learned classifier), ``seed`` (the classifier learned from our own call sets,
for a fresh install), ``learning`` (model file, when to retrain), ``urgency``,
``places`` (the problem's kecamatan and desa), ``summary`` (the complaint in a line, extractive),
``imported`` (imported recordings: transcribe, triage, fill the case), ``related``, ``callset`` /
``measure`` / ``peer`` (the labelled call sets and their figures).
"""
