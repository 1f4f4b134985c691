"""The URL map. `/unsubscribe/{token}` is the path every alert email links to."""

from __future__ import annotations

from starlette.routing import BaseRoute, Route

from watcher.web import agency, forms, pages


def routes() -> list[BaseRoute]:
    return [
        Route("/", pages.home, methods=["GET"], name="home"),
        Route("/events/{event_id:int}", pages.event_page, methods=["GET"], name="event"),
        Route("/states", pages.states_index, methods=["GET"], name="states"),
        Route("/states/{code:str}", pages.state_page, methods=["GET"], name="state"),
        Route(
            "/agreements/{agreement_id:int}", agency.agreement_page, methods=["GET"], name="agency"
        ),
        Route(
            "/agreements/{agreement_id:int}/records-request",
            agency.records_request_page,
            methods=["GET", "POST"],
            name="letter",
        ),
        Route("/records-request", agency.records_request_page, methods=["GET", "POST"]),
        Route("/figures/{figure_id:str}", agency.figure_source, methods=["GET"], name="figure"),
        Route("/feed.atom", pages.feed, methods=["GET"], name="feed"),
        Route("/states/{code:str}/feed.atom", pages.feed, methods=["GET"], name="state_feed"),
        Route("/subscribe", forms.subscribe_form, methods=["GET"], name="subscribe"),
        Route("/subscribe", forms.subscribe_post, methods=["POST"]),
        Route("/confirm/{token:str}", forms.confirm_page, methods=["GET"], name="confirm"),
        Route("/confirm/{token:str}", forms.confirm_post, methods=["POST"]),
        Route("/unsubscribe/{token:str}", forms.unsubscribe_page, methods=["GET"], name="unsub"),
        Route("/unsubscribe/{token:str}", forms.unsubscribe_post, methods=["POST"]),
    ]
