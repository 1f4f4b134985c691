"""Alerts: subscriptions, the outbox, email rendering and delivery, and the Atom feed."""

from watcher.alerts.config import AlertsConfig, SmtpConfig, sender_from_config
from watcher.alerts.feed import build_feed, write_feed
from watcher.alerts.models import AlertEvent, DeliveryReport, Subscriber, SubscriptionError
from watcher.alerts.outbox import (
    deliver,
    enqueue_events,
    enqueue_operator_alert,
    queue_due_digests,
)
from watcher.alerts.smtp import OutboxDirSender, Sender, SendError, SmtpSender
from watcher.alerts.subscriptions import (
    create_alert_tables,
    get_subscriber,
    iter_subscribers,
    subscribe,
    unsubscribe,
)

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
    "create_alert_tables",
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
