"""The configurable tables of the stations app (kinds, facilities, services), for platform operators."""

from django.contrib import admin

from gonghui.stations.models import Facility, StationKind, StationService


@admin.register(StationKind, Facility, StationService)
class CatalogAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "order", "is_active")
    list_editable = ("order", "is_active")
    search_fields = ("name", "code")
