from ninja import Router

router = Router(tags=["stations"])
