"""建功立业 over the API: one router made of its parts' (五小 projects and review, proposals, studios, selections)."""

from __future__ import annotations

from ninja import Router

from gonghui.innovation.projects.api import router as projects_router
from gonghui.innovation.proposals.api import router as proposals_router
from gonghui.innovation.selections.api import router as selections_router
from gonghui.innovation.studios.api import router as studios_router

router = Router(tags=["innovation"])
router.add_router("", projects_router)
router.add_router("", proposals_router)
router.add_router("", studios_router)
router.add_router("", selections_router)
