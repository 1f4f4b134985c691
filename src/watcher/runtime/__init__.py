"""Running watcher: one pass over the sources (pipeline, with per-source failure counts), the
daemon's schedule, and the health report of ``watcher status``.

May import every stage below it (``sources``, ``alerts``, ``store``, ``config``, ``fetch``,
``lock``, ``law``); nothing imports it but ``cli``, ``web`` and ``demo``.
"""
