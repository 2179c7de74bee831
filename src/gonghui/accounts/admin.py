from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from gonghui.accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (*(DjangoUserAdmin.fieldsets or ()), ("Gonghui", {"fields": ("display_name",)}))
    list_display = ("username", "display_name", "is_active", "is_superuser", "last_login")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")
