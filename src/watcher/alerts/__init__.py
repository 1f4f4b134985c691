"""Alerts: who wants what (subscriptions), what an event says (enrich, render, wording), and
getting it there exactly once (outbox, SMTP, delivery; chat channels through Apprise and a
signed JSON webhook: channels, chat, chattext), plus the Atom feed.

Reads events and cost figures from the archive; may import ``config``, ``errors``, ``states``,
``timestamps``, ``store``, ``costs`` (the CostFigure type, reference figures), ``law``
(legal context) and ``documents``; never a source or the runtime.
"""

from watcher.alerts.feed import build_feed, write_feed
from watcher.alerts.models import AlertEvent, DeliveryReport, Subscriber, SubscriptionError
from watcher.alerts.outbox import enqueue_events, enqueue_operator_alert, queue_due_digests
from watcher.alerts.sending import deliver
from watcher.alerts.smtp import OutboxDirSender, Sender, SendError, SmtpSender, sender_from_config
from watcher.alerts.subscriptions import (
    get_subscriber,
    iter_subscribers,
    subscribe,
    unsubscribe,
)
from watcher.config import AlertsConfig, SmtpConfig

__all__ = [
    "AlertEvent",
    "AlertsConfig",
    "DeliveryReport",
    "OutboxDirSender",
    "SendError",
    "Sender",
    "SmtpConfig",
    "SmtpSender",
    "Subscriber",
    "SubscriptionError",
    "build_feed",
    "deliver",
    "enqueue_events",
    "enqueue_operator_alert",
    "get_subscriber",
    "iter_subscribers",
    "queue_due_digests",
    "sender_from_config",
    "subscribe",
    "unsubscribe",
    "write_feed",
]
