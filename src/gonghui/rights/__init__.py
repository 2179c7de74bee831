"""维权服务: legal aid, labour-dispute mediation, wage arrears, early warning and 法治体检, collective
contracts, 职代会 and 厂务公开 — six apps in one package (docs/adr/0018-rights-domain.md), over `rights.base`
(the rights role, read-audit, documents).
"""
