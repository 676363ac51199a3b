"""The WhatsApp line (WhatsApp Business Cloud API): webhook, cases, voice notes, replies.

``webhook.router`` is included by :func:`radio_desk.server.app.create_app`; its lifespan runs the
worker.  (Nothing is imported here: ``settings`` is read by ``server.config`` at import time.)
"""
