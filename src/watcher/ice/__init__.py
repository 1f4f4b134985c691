"""ICE's 287(g) lists: the agreement model, the parsers (workbooks, the landing page, headers,
name normalisation), the detector that turns two lists into events, applying a publication to
the archive (accept/reject, baseline, history) and backfilling archived copies.

May import ``errors``, ``progress``, ``states``, ``timestamps``, ``formats`` and ``store``;
parsers never touch the network.
"""
