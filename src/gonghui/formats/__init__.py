"""One date and time format in every language: 2026-12-02 and 2026-12-02 14:05 (FORMAT_MODULE_PATH).

Chinese forms and registers write dates this way; formal documents (certificates, posters) spell them out
on purpose (Y年n月j日) in their own templates.
"""
